#pragma once
// OdeSolution's state: the step boundaries and one interpolant per step.

#include <memory>
#include <scilearn/integrate/solve_ivp.hpp>
#include <vector>

#include "ode/stepper.hpp"

namespace scilearn::integrate {

struct OdeSolution::Impl {
  // ts: n_segments + 1 boundaries, strictly monotone (or two equal values for
  // a span of length zero); alt_segment as Stepper::alt_segment().
  Impl(Index n, Vector ts, std::vector<std::unique_ptr<detail::StepInterpolant>> interpolants, bool alt_segment);

  // The piece that serves t: SciPy's OdeSolution._call_single choice.
  [[nodiscard]] const detail::StepInterpolant& piece(double t) const;

  Index n;  // the length of y
  Vector ts;
  std::vector<std::unique_ptr<detail::StepInterpolant>> interpolants;
  bool ascending;
  bool side_right;  // searchsorted side over the ascending boundaries
  Vector ts_sorted;
};

}  // namespace scilearn::integrate
