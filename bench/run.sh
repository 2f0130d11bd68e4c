#!/bin/sh
# run.sh — runs the benchmarks of a build directory and prints one report:
# the allocator table (bench/alloc: rcgc, glibc, mimalloc, jemalloc), the
# collector table (bench/gc: rcgc, CPython via gc_cpython.py, bdwgc), the
# builtin-types table (bench/types: rcgc's C API, CPython via types_cpython.py),
# the parallel-runtimes table (bench/parallel) and the interpreter table
# (bench/py: rcpy and CPython on the same scripts).
# docs/benchmarks.md explains what each row measures and how to read it.
#
#   bench/run.sh [BUILD_DIR] [--quick]     (default build/release)
#
# PYTHON names the CPython to compare with (default python3). Timings are
# printed, never checked: this script fails only if a benchmark crashes.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=build/release
quick=""
for arg in "$@"; do
    case "$arg" in
    --quick) quick="--quick" ;;
    -h | --help)
        sed -n '2,12p' "$0"
        exit 0
        ;;
    *) build=$arg ;;
    esac
done
python=${PYTHON:-python3}
# bench/py/run.py runs its scripts from its own folder: an absolute path
# to the build keeps working there.
if [ -d "$build" ]; then
    build=$(cd "$build" && pwd)
fi

for exe in alloc alloc-mimalloc alloc-jemalloc gc types parallel; do
    if [ ! -x "$build/bench/$exe" ]; then
        echo "run.sh: $build/bench/$exe is missing; configure with" \
            "-DRCGC_BUILD_BENCH=ON (the release preset does) and build" >&2
        exit 1
    fi
done
if ! command -v "$python" >/dev/null 2>&1; then
    echo "run.sh: $python not found (set PYTHON to a CPython 3)" >&2
    exit 1
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
start=$(date +%s)
echo "rcgc benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: ${cpu:-unknown CPU}, $(nproc) cores, $(uname -sr)"
echo "build:   $build${quick:+ (--quick: smoke test only, not a result)}"
if [ -n "$(uptime 2>/dev/null | sed -n 's/.*load average: \([0-9.]*\).*/\1/p')" ]; then
    echo "load:    $(uptime | sed 's/.*load average: //') (1, 5, 15 min;" \
        "other work on the machine disturbs the numbers)"
fi
echo

status=0
"$build/bench/alloc" $quick || status=1
echo
"$build/bench/gc" $quick --python "$python" --script "$here/gc_cpython.py" || status=1
echo
"$build/bench/types" $quick --python "$python" --script "$here/types_cpython.py" || status=1
echo
"$build/bench/parallel" $quick || status=1
echo
# rcpy against CPython on the same .py files (bench/py/run.py; CPython
# alone while the build has no rcpy).
"$python" "$here/py/run.py" $quick --python "$python" --rcpy "$build/rcpy/rcpy" || status=1

echo
echo "total time: $(($(date +%s) - start)) s"
exit $status
