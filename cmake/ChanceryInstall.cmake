# Installs headers, libraries, the CLI, data files and the CMake package.
include(CMakePackageConfigHelpers)

install(DIRECTORY include/chancery DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS chancery chancery_corpora chancery_analyzers chancery_indexer chancery_searcher
        EXPORT ChanceryTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS chancery_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(EXISTS ${PROJECT_SOURCE_DIR}/corpora/data)
  install(DIRECTORY corpora/data/ DESTINATION ${CHANCERY_DATA_INSTALL_DIR})
endif()
install(EXPORT ChanceryTargets NAMESPACE chancery::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Chancery)

configure_package_config_file(cmake/ChanceryConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/ChanceryConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Chancery)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ChanceryConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ChanceryConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/ChanceryConfigVersion.cmake
              cmake/ChanceryDependencies.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Chancery)
