# Language level and build flavours shared by every target.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# Sanitizers are an interface target so only our own code is instrumented the same way
# everywhere (library, binary and tests link it).
option(BPACK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
add_library(bpack_sanitizers INTERFACE)
if(BPACK_SANITIZE)
  target_compile_options(bpack_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=all)
  target_link_options(bpack_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer targets (fuzz/): every library is instrumented for coverage and checked by
# ASan and UBSan, and the targets link libFuzzer's driver. Needs clang (CC=clang
# CXX=clang++) and its runtime (libclang-rt-14-dev); scripts/fuzz.sh builds and runs them.
# The tests and bpack build in such a tree too (the ASan runtime answers the coverage
# callbacks outside libFuzzer): scripts/test.sh runs its sanitizer tests there (build-san).
option(BPACK_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)
if(BPACK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BPACK_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(bpack_sanitizers INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                    -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(bpack_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
