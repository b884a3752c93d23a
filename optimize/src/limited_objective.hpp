#pragma once
// An objective counted and cut off at an evaluation limit, as SciPy's
// _wrap_scalar_function_maxfun_validation wraps it for Nelder-Mead and Powell:
// a call that would pass maxfev is not made.

#include <optional>
#include <scilearn/optimize/functions.hpp>

namespace scilearn::optimize::detail {

/// Thrown by LimitedObjective::operator() instead of a call past maxfev
/// (SciPy's _MaxFuncCallError); the method catches it and ends the run.
struct EvaluationLimitReached {};

class LimitedObjective {
 public:
  LimitedObjective(const Objective& fun, double maxfev) : fun_(fun), maxfev_(maxfev) {}
  int calls() const { return calls_; }
  bool exhausted() const { return calls_ >= maxfev_; }
  /// fun(x), or nullopt (no call) once the limit is reached.
  std::optional<double> try_call(const Vector& x) {
    if (exhausted()) return std::nullopt;
    ++calls_;
    return fun_(x);
  }
  /// fun(x); throws EvaluationLimitReached once the limit is reached.
  double operator()(const Vector& x) {
    const auto value = try_call(x);
    if (!value) throw EvaluationLimitReached{};
    return *value;
  }

 private:
  const Objective& fun_;
  double maxfev_;
  int calls_ = 0;
};

}  // namespace scilearn::optimize::detail
