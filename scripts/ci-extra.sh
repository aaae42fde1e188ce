#!/usr/bin/env bash
# Extra CI: the whole test suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc), then the libFuzzer targets (clang), each
# run for $FUZZ_SECONDS (default 60). Installs what is missing with apt-get,
# as scripts/install-deps.sh does. About 10 minutes on 2 cores.
#
#   bash scripts/ci-extra.sh            # everything
#   SKIP_SANITIZE=1 bash scripts/ci-extra.sh   # fuzzers only
#   SKIP_FUZZ=1 bash scripts/ci-extra.sh       # sanitizers only
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

jobs="$(nproc)"
asan_dir="${ASAN_BUILD_DIR:-build-asan}"
fuzz_dir="${FUZZ_BUILD_DIR:-build-fuzz}"
fuzz_seconds="${FUZZ_SECONDS:-60}"
started=$SECONDS
step() { echo; echo "== ci-extra: $* ($(( SECONDS - started )) s)"; }
failed=()  # steps that failed; the others still run

# Any sanitizer report fails the test that met it; leaks are reported too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# except known leaks inside Xapian's own code (fuzz/lsan.supp says which).
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

if [ -z "${SKIP_SANITIZE:-}" ]; then
  step "build with -fsanitize=address,undefined in $asan_dir"
  # Line tables only: the sanitizers' reports keep file and line, and the
  # build writes less (-O1 made the suite faster but the build slower: 600 s
  # in all against 540). The benchmarks are not built: no test runs them.
  # Programs linked at fixed addresses (-no-pie): UBSan's 577,000 check
  # records need no relocation at each start, a third of the CPU time of a
  # search run under the sanitizers, and the tests run hundreds of them
  # (ctest 389 s instead of 490 s on 2 cores).
  cmake -S . -B "$asan_dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" -DCMAKE_EXE_LINKER_FLAGS=-no-pie \
    -DBRIEFING_BUILD_BENCH=OFF -DBRIEFING_SANITIZE=address,undefined > /dev/null
  cmake --build "$asan_dir" -j "$jobs"
  step "ctest under the sanitizers"
  # The 100 MB file takes minutes under ASan; the ordinary build's ctest runs it.
  ctest --test-dir "$asan_dir" --output-on-failure -j "$jobs" -E "100 MB file" || failed+=("ctest under sanitizers")
fi

if [ -z "${SKIP_FUZZ:-}" ]; then
  if ! command -v clang++ > /dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a \
      > /dev/null 2>&1; then
    step "installing clang and libFuzzer"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-dev llvm
  fi
  step "build the fuzzers (clang, libFuzzer, ASan+UBSan) in $fuzz_dir"
  cmake -S . -B "$fuzz_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBRIEFING_FUZZ=ON -DBRIEFING_SANITIZE=address,undefined -DBRIEFING_BUILD_TESTS=OFF > /dev/null
  cmake --build "$fuzz_dir" -j "$jobs" --target front_matter_fuzzer extractor_fuzzer query_fuzzer
  step "fuzz each target (a fixed number of inputs, about ${fuzz_seconds} s), side by side"
  # A fixed seed and a fixed number of inputs (about a minute's worth each
  # here): nearly the same inputs on every CI run of a commit, however fast
  # the machine (see fuzz/README.md); fuzz/run.sh without them explores new
  # inputs for as long as it is given.
  FUZZ_SEED="${FUZZ_SEED:-1}" FUZZ_RUNS="${FUZZ_RUNS-front_matter_fuzzer=400000,extractor_fuzzer=6000,query_fuzzer=30000}" \
  FUZZ_PARALLEL=1 FUZZ_WORK="$fuzz_dir/fuzz-work" bash fuzz/run.sh "$fuzz_dir" "$fuzz_seconds" || failed+=("fuzzing")
fi
if [ ${#failed[@]} -gt 0 ]; then
  step "FAILED: ${failed[*]}"
  exit 1
fi
step "passed"
