# Third-party libraries, all from Debian 12 packages (scripts/install-deps).
# The same calls are repeated for consumers in scilearnConfig.cmake.in.
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
# SCILEARN_BLAS=Reference links Debian's netlib BLAS / LAPACK (libblas-dev,
# liblapack-dev, installed beside OpenBLAS in their own subdirectories) instead:
# the sanitizer build uses it because OpenBLAS 0.3.21's ?gemv kernels read past
# the end of their arrays, which faults under ASan's allocator.
set(SCILEARN_BLAS OpenBLAS CACHE STRING "BLAS / LAPACK to link: OpenBLAS or Reference")
set_property(CACHE SCILEARN_BLAS PROPERTY STRINGS OpenBLAS Reference)
if(SCILEARN_BLAS STREQUAL "Reference")
  set(BLA_VENDOR Generic)
  list(PREPEND CMAKE_LIBRARY_PATH /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/blas
       /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/lapack)
elseif(SCILEARN_BLAS STREQUAL "OpenBLAS")
  set(BLA_VENDOR OpenBLAS)
else()
  message(FATAL_ERROR "SCILEARN_BLAS must be OpenBLAS or Reference, got '${SCILEARN_BLAS}'")
endif()
find_package(BLAS REQUIRED)
find_package(LAPACK REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS CXX)
# LAPACKE ships no CMake package on Debian; it is a private dependency of linalg.
find_path(SCILEARN_LAPACKE_INCLUDE_DIR lapacke.h REQUIRED)
find_library(SCILEARN_LAPACKE_LIBRARY lapacke REQUIRED)
# optimize's constrained and global methods: NLopt (SLSQP, Kraft 1988; COBYLA,
# Powell 1994), and linprog / milp on COIN-OR Clp and Cbc. Private to optimize.
find_package(NLopt 2.7 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SCILEARN_CBC REQUIRED IMPORTED_TARGET cbc)
# stats: Boost.Math's special functions and distributions (header-only),
# private to the module.
find_package(Boost 1.74 REQUIRED)
# sparse: SuiteSparse's UMFPACK (LU), CHOLMOD (Cholesky), SuiteSparseQR, AMD and COLAMD. Debian's
# SuiteSparse 5 ships no CMake package; private to sparse.
find_path(SCILEARN_SUITESPARSE_INCLUDE_DIR suitesparse/umfpack.h REQUIRED)
find_library(SCILEARN_UMFPACK_LIBRARY umfpack REQUIRED)
find_library(SCILEARN_CHOLMOD_LIBRARY cholmod REQUIRED)
find_library(SCILEARN_SPQR_LIBRARY spqr REQUIRED)
find_library(SCILEARN_AMD_LIBRARY amd REQUIRED)
find_library(SCILEARN_COLAMD_LIBRARY colamd REQUIRED)
find_library(SCILEARN_SUITESPARSECONFIG_LIBRARY suitesparseconfig REQUIRED)
set(SCILEARN_SUITESPARSE_LIBRARIES ${SCILEARN_UMFPACK_LIBRARY} ${SCILEARN_CHOLMOD_LIBRARY}
    ${SCILEARN_SPQR_LIBRARY} ${SCILEARN_AMD_LIBRARY} ${SCILEARN_COLAMD_LIBRARY} ${SCILEARN_SUITESPARSECONFIG_LIBRARY})
# sparse's .npz files: zlib's DEFLATE (SciPy's save_npz compresses by default).
# Linked by path (ZLIB_LIBRARIES), as SuiteSparse, so the exported targets need
# no ZLIB::ZLIB in consumers; private to sparse.
find_package(ZLIB REQUIRED)
# sparse's eigensolvers: ARPACK-NG (Lehoucq, Sorensen & Yang 1998), through its
# ISO C binding (arpack/arpack.h), what scipy.sparse.linalg.eigsh / eigs use.
# BSD-licensed; private to sparse.
find_path(SCILEARN_ARPACK_INCLUDE_DIR arpack/arpack.h REQUIRED)
find_library(SCILEARN_ARPACK_LIBRARY arpack REQUIRED)
# sparse's splu: SuperLU (Li 2005), the library scipy.sparse.linalg wraps, so
# the factors are SciPy's. BSD-licensed; private to sparse.
find_path(SCILEARN_SUPERLU_INCLUDE_DIR superlu/slu_ddefs.h REQUIRED)
find_library(SCILEARN_SUPERLU_LIBRARY superlu REQUIRED)
# integrate's quadrature: GSL's QUADPACK routines (Piessens et al. 1983), the
# engine scipy.integrate.quad wraps in its Fortran form. GPL, as SuiteSparse;
# private to integrate.
find_package(GSL 2.7 REQUIRED)
