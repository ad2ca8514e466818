#!/usr/bin/env bash
# parcelproof set-up: installs the Debian packages the build needs, builds,
# then runs what you ask for. Idempotent and non-interactive.
#   ./setup.sh demo    build and run the main job on the bundled samples
#   ./setup.sh test    lint, build (plain and ASan+UBSan) and run the whole test suite
#   ./setup.sh lint    clang-format and clang-tidy over our sources (needs build/)
#   ./setup.sh build   install and build only
#   ./setup.sh bench   build and run the benchmarks under bench/
#   ./setup.sh fuzz [SECONDS]  build the libFuzzer targets (clang) and run each for SECONDS (600)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake g++ make pkg-config git ca-certificates
  libopencv-dev libzxing-dev libexif-dev libzip-dev libjpeg62-turbo-dev
  nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev libssl-dev openssl
  libsqlite3-dev sqlite3 libunistring-dev libheif-dev libzint-dev zint
  zbar-tools libimage-exiftool-perl unzip zip python3 python3-jsonschema time
  clang-format clang-tidy clang
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev ffmpeg
  libgmime-3.0-dev libcairo2-dev libpango1.0-dev
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-liberation2
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-osd tesseract-ocr-script-latn
  chromium firefox-esr poppler-utils
)

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

jobs() { nproc 2>/dev/null || echo 2; }

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j"$(jobs)"
}

# Formatting as .clang-format says, and clang-tidy's bugprone and performance
# checks (.clang-tidy) with warnings as errors, on the library and the CLI.
lint() {
  local sources
  sources=$(ls src/*/*.cc src/*/*.h cli/*.cc cli/*.h cli/*/*.cc cli/*/*.h tests/*.cc tests/*.h samples/gen/*.cc bench/*.cc fuzz/*.cc)
  echo "setup: clang-format"
  clang-format --dry-run --Werror $sources
  echo "setup: clang-tidy"
  ls src/*/*.cc cli/*.cc cli/*/*.cc | grep -v '_test\.cc$' |
    xargs -P"$(jobs)" -n4 clang-tidy -p build --quiet 2>/dev/null
}

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON

case "${1:-demo}" in
  deps) install_deps ;;
  build) install_deps; build build -DPP_WERROR=$werror -DPP_BUILD_TESTS=ON -DPP_BUILD_BENCH=ON ;;
  demo)
    install_deps
    build build -DPP_BUILD_TESTS=OFF -DPP_BUILD_BENCH=OFF -DPP_FUZZ=OFF
    ./samples/demo.sh build
    ;;
  lint) install_deps; lint ;;
  test)
    install_deps
    build build -DPP_WERROR=$werror -DPP_BUILD_TESTS=ON -DPP_BUILD_BENCH=ON -DPP_FUZZ=OFF
    lint
    ctest --test-dir build --output-on-failure --no-tests=error -j"$(jobs)"
    echo "setup: tests again under AddressSanitizer and UndefinedBehaviorSanitizer"
    # clang, so that the same build carries the libFuzzer targets (fuzz/).
    CC=clang CXX=clang++ build build-asan -DCMAKE_BUILD_TYPE=Debug -DPP_SANITIZE=ON -DPP_FUZZ=ON \
      -DPP_BUILD_TESTS=ON -DPP_BUILD_BENCH=OFF -DPP_WERROR=$werror
    # tests/lsan.supp: leaks inside third-party libraries (x265's encoder used by
    # a test to make a HEIC; fontconfig/Pango/GLib caches, Tesseract,
    # GMime globals) are not ours to fix.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
      LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
      ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$(jobs)"
    echo "setup: every fuzz target for a short smoke (${PP_FUZZ_SMOKE_SECONDS:-20} s each)"
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
      fuzz/run.sh build-asan "${PP_FUZZ_SMOKE_SECONDS:-20}"
    ;;
  fuzz)
    install_deps
    CC=clang CXX=clang++ build build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPP_SANITIZE=ON \
      -DPP_FUZZ=ON -DPP_BUILD_TESTS=OFF -DPP_BUILD_BENCH=OFF
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
      fuzz/run.sh build-fuzz "${2:-600}"
    ;;
  bench)
    install_deps
    build build -DPP_BUILD_TESTS=ON -DPP_BUILD_BENCH=ON -DPP_FUZZ=OFF
    ./bench/run.sh build
    ;;
  *) echo "usage: ./setup.sh demo|test|build|deps|lint|bench|fuzz [SECONDS]" >&2; exit 2 ;;
esac
