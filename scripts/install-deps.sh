#!/usr/bin/env bash
# Installs what bpack needs to build and test on Debian 12 (all from Debian's archive):
# libpoppler-cpp-dev lets bpack read PDFs; poppler-utils gives the benchmark pdftotext;
# clang and libclang-rt-14-dev (libFuzzer) build the fuzz targets (scripts/fuzz.sh); time
# and bc measure peak memory in tests/reliability/large_inputs.sh.
# Chromium (and a font for its screenshots) is for the test that opens `bpack report` in a
# browser: when it cannot be installed the rest still is, and that test says it was skipped.
set -euo pipefail
packages=(cmake g++ ninja-build pkg-config libcli11-dev libre2-dev libfmt-dev libsqlite3-dev doctest-dev sqlite3 clang-format
  libpoppler-cpp-dev poppler-utils clang libclang-rt-14-dev time bc)
browser=(chromium fonts-dejavu-core)
missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
mapfile -t needed < <(missing "${packages[@]}")
mapfile -t needed_browser < <(missing "${browser[@]}")
if [ ${#needed[@]} -eq 0 ] && [ ${#needed_browser[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ ${#needed[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
if [ ${#needed_browser[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${needed_browser[@]}" ||
    echo "install-deps: chromium could not be installed; the report's browser test will be skipped" >&2
fi
