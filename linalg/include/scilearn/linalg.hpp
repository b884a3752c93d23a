#pragma once
/// \file
/// Umbrella header of scilearn::linalg: SciPy-parity dense linear algebra on LAPACK.
#include <scilearn/linalg/det.hpp>
#include <scilearn/linalg/inv.hpp>
#include <scilearn/linalg/solve.hpp>
#include <scilearn/linalg/lu.hpp>
#include <scilearn/linalg/cholesky.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <scilearn/linalg/solve_triangular.hpp>
#include <scilearn/linalg/trans.hpp>
#include <scilearn/linalg/schur.hpp>
#include <scilearn/linalg/hessenberg.hpp>
#include <scilearn/linalg/matrix_functions.hpp>
