#!/usr/bin/env bash
# Installs what bpack needs to build and test on Debian 12 (all from Debian's archive):
# libpoppler-cpp-dev lets bpack read PDFs; poppler-utils gives the benchmark pdftotext.
set -euo pipefail
packages=(cmake g++ ninja-build pkg-config libcli11-dev libre2-dev libfmt-dev libsqlite3-dev doctest-dev sqlite3 clang-format
  libpoppler-cpp-dev poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
