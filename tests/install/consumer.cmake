# Installs the built project into a scratch prefix and builds the consumer
# example against it twice: with find_package(rcgc) and with pkg-config.
# Then runs both consumers, and the installed rcpy when RCPY is true.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})

# find_package
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${WORK_DIR}/cmake-build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_C_FLAGS=${C_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${C_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
run(${WORK_DIR}/cmake-build/consumer)
if(NOT LAST_OUTPUT MATCHES "collected 2")
  message(FATAL_ERROR "find_package consumer printed: ${LAST_OUTPUT}")
endif()

# pkg-config (shared library, found through LD_LIBRARY_PATH at run time)
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig:${prefix}/lib64/pkgconfig:${prefix}/lib/x86_64-linux-gnu/pkgconfig)
run(pkg-config --cflags --libs rcgc)
string(STRIP "${LAST_OUTPUT}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(extra UNIX_COMMAND "${C_FLAGS}")
run(${C_COMPILER} ${extra} ${SOURCE_DIR}/examples/consumer/consumer.c ${flags} -o ${WORK_DIR}/consumer-pc)
file(GLOB libdirs ${prefix}/lib ${prefix}/lib64 ${prefix}/lib/x86_64-linux-gnu)
string(REPLACE ";" ":" ldpath "${libdirs}")
set(ENV{LD_LIBRARY_PATH} ${ldpath})
run(${WORK_DIR}/consumer-pc)
if(NOT LAST_OUTPUT MATCHES "collected 2")
  message(FATAL_ERROR "pkg-config consumer printed: ${LAST_OUTPUT}")
endif()
message(STATUS "installed package works with find_package and pkg-config")

# rcpy, when built, is installed too and runs from the prefix on its own
# (its Python library is compiled into the executable).
if(RCPY)
  # (no ';' in the code: run() receives its arguments as a CMake list)
  run(${prefix}/bin/rcpy -c "import gc, copy\nprint(sum(range(5)), gc.isenabled())")
  if(NOT LAST_OUTPUT STREQUAL "10 True\n")
    message(FATAL_ERROR "installed rcpy printed: ${LAST_OUTPUT}")
  endif()
  message(STATUS "installed rcpy runs")
endif()
