#!/usr/bin/env bash
# Installs the dependencies and builds bpack into build/ (Release). Usage: scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
