# Script mode (cmake -P): install, configure the consumer, build it, run it.
# Any failing step stops the test with its output.
function(run_step description)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer test: ${description} failed (${result})\n${out}\n${err}")
  endif()
  message(STATUS "${description}: ok")
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(build ${WORK_DIR}/build)
file(REMOVE_RECURSE ${WORK_DIR})

run_step("install into ${prefix}"
  ${CMAKE_COMMAND} --install ${SCILEARN_BUILD_DIR} --prefix ${prefix} --config ${SCILEARN_CONFIG})
run_step("configure the consumer"
  ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${build}
    -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
    -DCMAKE_BUILD_TYPE=Release)
run_step("build the consumer" ${CMAKE_COMMAND} --build ${build})
run_step("run the consumer" ${build}/consumer)
message(STATUS "${step_output}")

# The same program through pkg-config, for builds that do not use CMake.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
  run_step("pkg-config flags" ${PKG_CONFIG} --cflags --libs scilearn)
  string(STRIP "${step_output}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  separate_arguments(extra UNIX_COMMAND "${CXX_FLAGS} ${LINKER_FLAGS}")
  run_step("build the consumer with pkg-config"
    ${CXX_COMPILER} -std=c++20 ${extra} ${CONSUMER_SOURCE_DIR}/main.cpp -o ${build}/consumer_pc ${flags}
    -Wl,-rpath,${prefix}/${LIBDIR})
  run_step("run the pkg-config consumer" ${build}/consumer_pc)
else()
  message(STATUS "pkg-config not found: the pkg-config half of this test was skipped")
endif()
