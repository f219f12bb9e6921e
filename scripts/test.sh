#!/usr/bin/env bash
# Sets everything up, builds with the tests and runs them (every label but bench).
#   scripts/test.sh [extra ctest arguments]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$ROOT/build"
ctest --output-on-failure --timeout 300 -LE bench -j2 "$@"
