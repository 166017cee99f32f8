# Every dependency comes from Debian packages:
#   libcli11-dev libre2-dev libfmt-dev libsqlite3-dev doctest-dev
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(Threads REQUIRED)
