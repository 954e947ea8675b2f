# Finds Chancery's dependencies and gives each one an imported target. Used both
# by the build and, through ChanceryConfig.cmake, by projects that find_package(Chancery).
include(CMakeFindDependencyMacro)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)

# Xapian 1.4's config sets XAPIAN_LIBRARIES and XAPIAN_INCLUDE_DIR only.
if(NOT TARGET Xapian::Xapian)
  find_package(Xapian 1.4 REQUIRED CONFIG)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# CLD2 (Debian libcld2-dev) ships neither a CMake config nor a pkg-config file.
if(NOT TARGET CLD2::CLD2)
  find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
  find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
  add_library(CLD2::CLD2 UNKNOWN IMPORTED)
  set_target_properties(CLD2::CLD2 PROPERTIES
    IMPORTED_LOCATION "${CLD2_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
endif()
