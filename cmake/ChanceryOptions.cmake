# Warnings and sanitizers on one INTERFACE target, linked
# PRIVATE $<BUILD_INTERFACE:chancery_options> so that install(EXPORT) never sees it.
add_library(chancery_options INTERFACE)
target_compile_options(chancery_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                       -Woverloaded-virtual -Wimplicit-fallthrough)
if(CHANCERY_WERROR)
  target_compile_options(chancery_options INTERFACE -Werror)
endif()
if(CHANCERY_SANITIZE)
  string(REPLACE ";" "," _chancery_sanitizers "${CHANCERY_SANITIZE}")
  target_compile_options(chancery_options INTERFACE -fsanitize=${_chancery_sanitizers}
                         -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(chancery_options INTERFACE -fsanitize=${_chancery_sanitizers})
endif()
