#pragma once
/// \file
/// Umbrella header of scilearn::linalg: SciPy-parity dense linear algebra on LAPACK.
#include <scilearn/linalg/det.hpp>
#include <scilearn/linalg/expm.hpp>
#include <scilearn/linalg/inv.hpp>
#include <scilearn/linalg/solve.hpp>
#include <scilearn/linalg/lu.hpp>
#include <scilearn/linalg/cholesky.hpp>
#include <scilearn/linalg/ldl.hpp>
#include <scilearn/linalg/qr.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <scilearn/linalg/solve_triangular.hpp>
#include <scilearn/linalg/trans.hpp>
#include <scilearn/linalg/banded.hpp>
#include <scilearn/linalg/toeplitz.hpp>
#include <scilearn/linalg/special_matrices.hpp>
#include <scilearn/linalg/trig_matrix.hpp>
