#!/usr/bin/env bash
# Sets up a Debian 12 machine for Flowdeck and builds it. Idempotent: each step is
# skipped when it is already done, so a second run takes seconds.
#   scripts/setup.sh [build-dir]      (default: build)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"

DEBIAN_PACKAGES=(
  cmake ninja-build g++ pkg-config git curl ca-certificates
  nlohmann-json3-dev libvalijson-dev libcurl4-openssl-dev libboost1.81-dev
  libre2-dev libcli11-dev libssl-dev libsqlite3-dev wrk
  clang libclang-rt-14-dev
  qt6-base-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n fonts-wqy-microhei fonts-noto-color-emoji
  qt6-webengine-dev qt6-svg-dev
  libicu-dev libpoppler-cpp-dev libminizip-dev libpugixml-dev libxml2-dev libhnswlib-dev
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim
  libseccomp-dev python3 python3-jinja2
  libopencc-dev libopencc-data
  libyaml-cpp-dev libgit2-dev
)
# Node.js runs the test peers; a machine that already has node and npm keeps them.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || DEBIAN_PACKAGES+=(nodejs npm)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_debian_packages() {
  local missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_test_peers() {
  local peers="$ROOT/tests/peers" stamp="$ROOT/tests/peers/node_modules/.flowdeck-lock-hash"
  local hash
  hash="$(sha256sum "$peers/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    return 0
  fi
  say "Installing the pinned test peers (tests/peers, npm ci)"
  (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$hash" > "$stamp"
}

build_chat_page() {
  # The deployed apps' chat page (resources/chat): npm packages from the committed lock file,
  # bundled into one chat.html by esbuild.
  local web="$ROOT/resources/chat" stamp="$ROOT/resources/chat/node_modules/.flowdeck-lock-hash"
  local hash
  hash="$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    say "Installing the chat page's packages (resources/chat, npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
  say "Building the chat page"
  (cd "$web" && npm run --silent build)
}

build() {
  say "Building Flowdeck in $BUILD_DIR"
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    # Line tables only (-g1): backtraces keep file and line, and a clean build (what CI
    # pays for) compiles and links much less debug information.
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
  fi
  cmake --build "$BUILD_DIR" -- -j"$(nproc)"
}

install_debian_packages
install_test_peers
build_chat_page
build
