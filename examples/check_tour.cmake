# Runs the Python tour of the seeds (examples/seeds_tour.py) on rcpy with
# --small, as ctest example_seeds_tour_py does, and fails unless it ends
# cleanly: exit status 0, nothing on stderr, and every seed's heading
# printed (so a tour cut short by an error cannot pass).
#   cmake -DRCPY=<rcpy> -DTOUR=<seeds_tour.py> -P check_tour.cmake
execute_process(COMMAND ${RCPY} ${TOUR} --small
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the tour exited with ${status}:\n${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "the tour wrote to stderr:\n${err}")
endif()
foreach(seed 000 001 002 003 004)
  string(FIND "${out}" "seeds/${seed}_" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the tour never reached seed ${seed}:\n${out}")
  endif()
endforeach()
message(STATUS "the tour ran to its end")
