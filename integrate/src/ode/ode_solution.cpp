#include "ode/ode_solution.hpp"

#include <algorithm>
#include <scilearn/core/errors.hpp>

namespace scilearn::integrate {

OdeSolution::Impl::Impl(Index n_, Vector ts_, std::vector<std::unique_ptr<detail::StepInterpolant>> interpolants_,
                        bool alt_segment)
    : n(n_),
      ts(std::move(ts_)), interpolants(std::move(interpolants_)), ascending(ts(ts.size() - 1) >= ts(0)) {
  // At a boundary shared by two steps, SciPy serves the earlier step, except
  // for BDF and LSODA (alt_segment), whose interpolants are built backwards
  // from the step's end and so serve the later one.
  side_right = ascending == alt_segment;
  ts_sorted = ascending ? ts : Vector(ts.reverse());
}

const detail::StepInterpolant& OdeSolution::Impl::piece(double t) const {
  const double* begin = ts_sorted.data();
  const double* end = begin + ts_sorted.size();
  const auto ind = (side_right ? std::upper_bound(begin, end, t) : std::lower_bound(begin, end, t)) - begin;
  const auto n_segments = static_cast<std::ptrdiff_t>(interpolants.size());
  auto segment = std::clamp<std::ptrdiff_t>(ind - 1, 0, n_segments - 1);
  if (!ascending) segment = n_segments - 1 - segment;
  return *interpolants[static_cast<std::size_t>(segment)];
}

OdeSolution::OdeSolution(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Vector OdeSolution::operator()(double t) const { return impl_->piece(t)(t); }

Matrix OdeSolution::operator()(const Vector& t) const {
  Matrix y(impl_->n, t.size());
  for (Index i = 0; i < t.size(); ++i) y.col(i) = (*this)(t(i));
  return y;
}

const Vector& OdeSolution::ts() const { return impl_->ts; }

double OdeSolution::t_min() const { return impl_->ts_sorted(0); }

double OdeSolution::t_max() const { return impl_->ts_sorted(impl_->ts_sorted.size() - 1); }

}  // namespace scilearn::integrate
