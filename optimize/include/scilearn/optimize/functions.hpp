#pragma once
/// \file
/// The callables the optimizers take. Any lambda, function pointer or functor
/// with the right signature converts; a callable may throw, and the exception
/// reaches the optimizer's caller unchanged.

#include <functional>
#include <scilearn/core/types.hpp>

namespace scilearn::optimize {

/// f(x) for a scalar x (root_scalar, minimize_scalar).
using ScalarFunction = std::function<double(double)>;

/// f(x) for a vector x: the objective of minimize.
using Objective = std::function<double(const Vector&)>;

/// The gradient of an Objective at x (SciPy's `jac` callable).
using Gradient = std::function<Vector(const Vector&)>;

/// f(x) and its gradient together, for objectives that share work between the
/// two (SciPy's `jac=True`): returns f(x) and writes the gradient into `grad`,
/// which arrives sized to x.
using ObjectiveWithGradient = std::function<double(const Vector& x, Vector& grad)>;

/// A vector-valued f(x) (residuals of least_squares, systems of root).
using VectorFunction = std::function<Vector(const Vector&)>;

/// The Jacobian of a VectorFunction at x: rows are components of f, columns
/// are components of x.
using JacobianFunction = std::function<Matrix(const Vector&)>;

}  // namespace scilearn::optimize
