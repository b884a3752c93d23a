# Third-party libraries, all from Debian 12 packages (scripts/install-deps).
# The same calls are repeated for consumers in scilearnConfig.cmake.in.
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
set(BLA_VENDOR OpenBLAS)
find_package(BLAS REQUIRED)
find_package(LAPACK REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS CXX)
# LAPACKE ships no CMake package on Debian; it is a private dependency of linalg.
find_path(SCILEARN_LAPACKE_INCLUDE_DIR lapacke.h REQUIRED)
find_library(SCILEARN_LAPACKE_LIBRARY lapacke REQUIRED)
