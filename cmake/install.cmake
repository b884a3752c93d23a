# Installed package: CMake config + version file, and scilearn.pc for pkg-config.
set(SCILEARN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scilearn)
install(EXPORT scilearnTargets NAMESPACE scilearn:: DESTINATION ${SCILEARN_CMAKE_DIR})
configure_package_config_file(cmake/scilearnConfig.cmake.in
  ${PROJECT_BINARY_DIR}/scilearnConfig.cmake
  INSTALL_DESTINATION ${SCILEARN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/scilearnConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/scilearnConfig.cmake
              ${PROJECT_BINARY_DIR}/scilearnConfigVersion.cmake
        DESTINATION ${SCILEARN_CMAKE_DIR})
# The .pc file finds the prefix relative to itself, so the install tree can move.
file(RELATIVE_PATH SCILEARN_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/scilearn.pc.in ${PROJECT_BINARY_DIR}/scilearn.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/scilearn.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
