# Every dependency comes from Debian packages:
#   libcli11-dev libre2-dev libfmt-dev libsqlite3-dev doctest-dev
# and, for reading PDFs (optional), libpoppler-cpp-dev.
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(Threads REQUIRED)

# PDF input is optional: without poppler-cpp bpack still builds, and says how to read a PDF
# when given one. BPACK_PDF=OFF builds without it even where it is installed.
option(BPACK_PDF "Read PDFs with poppler-cpp when it is installed" ON)
set(BPACK_HAVE_POPPLER OFF)
if(BPACK_PDF)
  pkg_check_modules(POPPLER_CPP QUIET IMPORTED_TARGET poppler-cpp)
  if(POPPLER_CPP_FOUND)
    set(BPACK_HAVE_POPPLER ON)
    message(STATUS "PDF input: poppler-cpp ${POPPLER_CPP_VERSION}")
  else()
    message(STATUS "PDF input: off (poppler-cpp not found; install libpoppler-cpp-dev)")
  endif()
else()
  message(STATUS "PDF input: off (BPACK_PDF=OFF)")
endif()
