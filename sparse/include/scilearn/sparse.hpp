#pragma once
/// \file
/// Umbrella header of scilearn::sparse: scipy.sparse and scipy.sparse.linalg for C++.
#include <scilearn/sparse/types.hpp>
#include <scilearn/sparse/construct.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/preconditioners.hpp>
#include <scilearn/sparse/krylov.hpp>
#include <scilearn/sparse/lsqr.hpp>
#include <scilearn/sparse/spsolve.hpp>
#include <scilearn/sparse/factorized.hpp>
#include <scilearn/sparse/cholesky.hpp>
#include <scilearn/sparse/spsolve_triangular.hpp>
#include <scilearn/sparse/superlu.hpp>
#include <scilearn/sparse/qr.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <scilearn/sparse/eigensolvers.hpp>
