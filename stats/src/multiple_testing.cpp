#include <scilearn/stats/multiple_testing.hpp>

#include <algorithm>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <vector>

namespace scilearn::stats {

Vector false_discovery_control(const Vector& ps, FdrMethod method) {
  const Index m = ps.size();
  if (!(ps.array() >= 0).all() || !(ps.array() <= 1).all()) {
    throw ValueError("false_discovery_control: the p-values must be real numbers in [0, 1]");
  }
  std::vector<Index> order(static_cast<std::size_t>(m));
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return ps(a) < ps(b); });
  const auto fm = static_cast<double>(m);
  double factor = 1;
  if (method == FdrMethod::by) {
    factor = 0;
    for (Index i = 1; i <= m; ++i) factor += 1 / static_cast<double>(i);
  }
  Vector adjusted(m);
  double running = 1;
  for (Index i = m; i >= 1; --i) {
    const Index at = order[static_cast<std::size_t>(i - 1)];
    double q = ps(at) * (fm / static_cast<double>(i));  // SciPy multiplies by m / i
    if (method == FdrMethod::by) q *= factor;
    running = std::min(running, q);
    adjusted(at) = running;
  }
  return adjusted;
}

}  // namespace scilearn::stats
