# scilearn_add_module(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# Creates target scilearn_NAME with alias scilearn::NAME and export name NAME,
# headers in NAME/include, installed and exported with the scilearnTargets set.
function(scilearn_add_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS")
  set(target scilearn_${name})
  add_library(${target} ${arg_SOURCES})
  add_library(scilearn::${name} ALIAS ${target})
  set_target_properties(${target} PROPERTIES
    EXPORT_NAME ${name}
    OUTPUT_NAME scilearn_${name}
    VERSION ${PROJECT_VERSION}
    SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}
    # Installed modules find each other beside themselves, wherever the prefix is.
    INSTALL_RPATH "$ORIGIN")
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PUBLIC ${arg_PUBLIC_DEPS} PRIVATE ${arg_PRIVATE_DEPS})
  scilearn_set_warnings(${target})
  scilearn_precompile_headers(${target})
  install(TARGETS ${target} EXPORT scilearnTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endfunction()

# Our own warning set; the dev preset turns it into errors. C++ sources only:
# nvcc would hand -Wpedantic to the host compiler for its own generated code
# (the CUDA build of gpu/), which the same sources pass as C++ everywhere else.
function(scilearn_set_warnings target)
  set(flags -Wall -Wextra -Wpedantic)
  if(SCILEARN_WARNINGS_AS_ERRORS)
    list(APPEND flags -Werror)
  endif()
  target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:CXX>:${flags}>")
endfunction()

# Precompiled headers: Eigen and the standard headers that nearly every unit
# includes (and Boost.Test for the suites), parsed once per target rather than
# once per unit: at -O0 that parse is 3 to 6 s of a unit's 5 to 15 s, a large
# share of a cold build. Only other projects' headers: GCC compiles what a
# precompiled header includes as system headers, without our warnings, so our
# own headers stay out of it. Configure with
# -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON to build without them, as the asan
# preset does: ccache cannot share clang's precompiled headers between clones,
# and a build without them is the one where a unit that forgets an #include
# fails to compile.
function(scilearn_precompile_headers target)
  target_precompile_headers(${target} PRIVATE
    <algorithm> <array> <cmath> <complex> <cstdint> <functional> <limits> <map>
    <memory> <numeric> <optional> <sstream> <string> <string_view> <utility>
    <vector> <Eigen/Core> <Eigen/SparseCore> ${ARGN})
endfunction()
