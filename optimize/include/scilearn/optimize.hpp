#pragma once
/// \file
/// Umbrella header of scilearn::optimize: scipy.optimize for C++.
#include <scilearn/optimize/result.hpp>
#include <scilearn/optimize/functions.hpp>
#include <scilearn/optimize/finite_differences.hpp>
#include <scilearn/optimize/root_scalar.hpp>
#include <scilearn/optimize/minimize_scalar.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <scilearn/optimize/constraints.hpp>
#include <scilearn/optimize/linear_sum_assignment.hpp>
#include <scilearn/optimize/least_squares.hpp>
#include <scilearn/optimize/curve_fit.hpp>
#include <scilearn/optimize/root.hpp>
#include <scilearn/optimize/nnls.hpp>
#include <scilearn/optimize/linprog.hpp>
#include <scilearn/optimize/milp.hpp>
