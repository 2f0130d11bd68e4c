#!/bin/sh
# check-deep.sh — the checks too slow for every commit (`make check-deep`):
#
#   1. every unit test under valgrind memcheck, on a release build with
#      debug information (RelWithDebInfo, no sanitizers): any error or
#      definite leak fails;
#   2. the tests of the `tsan` preset (ThreadSanitizer);
#   3. the randomized tests with RCGC_TEST_SCALE raised, on the release
#      preset (the collector oracle then runs millions of operations) and,
#      at a smaller scale, on the asan preset;
#   4. the libFuzzer harnesses fuzz_gc_ops and fuzz_rcpy_source (the `fuzz`
#      preset) for a bounded time each, starting from the committed corpora
#      fuzz/corpus/NAME; new inputs go to build/fuzz/corpus/NAME, crashes
#      to build/fuzz/crashes/.
#
# Knobs (environment): DEEP_SCALE (release scale, default 40), ASAN_SCALE
# (default 4), FUZZ_SECONDS (default 60), JOBS (default: nproc), and
# DEEP_STEPS (default "valgrind tsan scale fuzz") to run only some steps.
# Exits nonzero at the first failing step.
set -eu
cd "$(dirname "$0")/.."

JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
DEEP_SCALE=${DEEP_SCALE:-40}
ASAN_SCALE=${ASAN_SCALE:-4}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
DEEP_STEPS=${DEEP_STEPS:-"valgrind tsan scale fuzz"}

tools/ensure-deps.sh cmake ninja-build libcmocka-dev valgrind clang

say() { printf '\n== check-deep: %s\n' "$*"; }

# ------------------------------------------------------------ 1. valgrind
step_valgrind() {
    dir=build/valgrind
    say "unit tests under valgrind ($dir)"
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRCGC_BUILD_EXAMPLES=OFF >/dev/null
    cmake --build "$dir" -j "$JOBS"
    failed=""
    for t in "$dir"/tests/test_*; do
        [ -x "$t" ] || continue
        name=$(basename "$t")
        printf -- '-- %s\n' "$name"
        if ! valgrind --quiet --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite --track-origins=yes \
            "$t" >"$dir/$name.valgrind.log" 2>&1; then
            tail -n 40 "$dir/$name.valgrind.log"
            failed="$failed $name"
        fi
    done
    printf -- '-- replay_gc_ops\n'
    if ! valgrind --quiet --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite "$dir/tests/replay_gc_ops" \
        fuzz/corpus/gc_ops >"$dir/replay_gc_ops.valgrind.log" 2>&1; then
        tail -n 40 "$dir/replay_gc_ops.valgrind.log"
        failed="$failed replay_gc_ops"
    fi
    if [ -n "$failed" ]; then
        echo "check-deep: valgrind failed:$failed (logs in $dir)" >&2
        exit 1
    fi
}

# ---------------------------------------------------------------- 2. tsan
step_tsan() {
    say "ThreadSanitizer preset"
    cmake --preset tsan >/dev/null
    cmake --build --preset tsan -j "$JOBS"
    ctest --preset tsan -j "$JOBS"
}

# ------------------------------------------------- 3. long randomized runs
step_scale() {
    say "randomized tests, RCGC_TEST_SCALE=$DEEP_SCALE (release)"
    cmake --preset release >/dev/null
    cmake --build --preset release -j "$JOBS"
    RCGC_TEST_SCALE=$DEEP_SCALE ctest --preset release -j "$JOBS" \
        -R 'test_|fuzz_replay'
    say "randomized tests, RCGC_TEST_SCALE=$ASAN_SCALE (asan)"
    cmake --preset asan >/dev/null
    cmake --build --preset asan -j "$JOBS"
    RCGC_TEST_SCALE=$ASAN_SCALE ctest --preset asan -j "$JOBS" \
        -R 'test_gc|fuzz_replay'
}

# ---------------------------------------------------------------- 4. fuzz
# fuzz_one TARGET [libFuzzer options]: FUZZ_SECONDS of TARGET from its
# committed corpus fuzz/corpus/TARGET.
fuzz_one() {
    name=$1
    shift
    say "libFuzzer: fuzz_$name for ${FUZZ_SECONDS}s"
    work=build/fuzz/corpus/$name
    crashes=build/fuzz/crashes
    mkdir -p "$work" "$crashes"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
        "build/fuzz/fuzz/fuzz_$name" -max_total_time="$FUZZ_SECONDS" \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$crashes/" \
        "$@" "$work" "fuzz/corpus/$name"
}

step_fuzz() {
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz -j "$JOBS" --target fuzz_gc_ops fuzz_rcpy_source
    fuzz_one gc_ops -timeout=60
    fuzz_one rcpy_source -timeout=60 -rss_limit_mb=4096 \
        -dict=fuzz/rcpy_source.dict
}

for s in $DEEP_STEPS; do
    "step_$s"
done
say "all passed"
