# The front door. `make run` builds everything and runs the main job: the
# seed articles' Python snippets on rcpy (examples/seeds_tour.py); `make
# test` builds the asan and release presets and runs every test on both
# (tests/py's scripts on rcpy included). Missing tools are installed with
# apt-get when possible.

.PHONY: run test bench check-deep deps format clean

# The release preset also builds the benchmarks, so their libraries are
# needed by every target.
DEPS := cmake ninja-build pkg-config libcmocka-dev python3 \
        libmimalloc-dev libjemalloc-dev libgc-dev \
        libgraphviz-dev graphviz python3-objgraph python3-psutil libedit-dev
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

run: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	./build/release/rcpy/rcpy examples/seeds_tour.py

test: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)
	cmake --preset release
	cmake --build --preset release -j $(JOBS)
	ctest --preset release -j $(JOBS)

bench: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)
	bench/run.sh build/release

# valgrind over the unit tests, ThreadSanitizer, long randomized runs and
# the fuzz harnesses.
check-deep: deps
	tools/check-deep.sh

deps:
	@tools/ensure-deps.sh $(DEPS)

format:
	clang-format -i include/*.h include/rcgc/*.h src/*.c src/*.h src/types/*.c src/types/*.h tests/unit/*.c tests/unit/*.h examples/*.c bench/*.c bench/*.h fuzz/*.c 2>/dev/null || true

clean:
	rm -rf build
