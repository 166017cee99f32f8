# Warnings as an interface target: applied to bpack's own targets, never to dependencies.
option(BPACK_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (on in CI)" OFF)
add_library(bpack_warnings INTERFACE)
target_compile_options(bpack_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
                                                -Woverloaded-virtual)
if(BPACK_WARNINGS_AS_ERRORS)
  target_compile_options(bpack_warnings INTERFACE -Werror)
endif()
