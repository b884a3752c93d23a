// The stiff Van der Pol oscillator y'' = mu (1 - y^2) y' - y with mu = 1000,
// as scipy.integrate.solve_ivp users solve it: Radau and LSODA with dense
// output, and an event that records each downward zero crossing of y. The
// period is compared with its asymptotic value (3 - 2 ln 2) mu + 7.014 mu^(-1/3)
// (Dorodnitsyn 1947).
#include <cmath>
#include <cstdio>
#include <scilearn/integrate.hpp>

using scilearn::Vector;
namespace si = scilearn::integrate;

int main() {
  const double mu = 1000;
  const auto van_der_pol = [mu](double, const Vector& y) -> Vector {
    return Vector{{y(1), mu * (1 - y(0) * y(0)) * y(1) - y(0)}};
  };
  const si::Event crossing{.fun = [](double, const Vector& y) { return y(0); }, .direction = -1};
  const double period = (3 - 2 * std::log(2.0)) * mu + 7.014 * std::cbrt(1 / mu);

  for (const si::OdeMethod method : {si::OdeMethod::radau, si::OdeMethod::lsoda}) {
    const si::OdeResult r = si::solve_ivp(van_der_pol, {0, 3000}, Vector{{2.0, 0.0}},
                                          {.method = method, .dense_output = true, .events = {crossing},
                                           .rtol = 1e-8, .atol = 1e-10});
    std::printf("%-6s %s: %ld steps, nfev %ld, njev %ld, nlu %ld\n", std::string(si::to_string(method)).c_str(),
                r.message.c_str(), static_cast<long>(r.t.size() - 1), r.nfev, r.njev, r.nlu);
    const Vector& zeros = r.t_events[0];
    for (Eigen::Index i = 1; i < zeros.size(); ++i) {
      std::printf("  period %.4f (asymptotic formula %.4f)\n", zeros(i) - zeros(i - 1), period);
    }
    std::printf("  y(1500) = %.10f from the dense output\n", (*r.sol)(1500.0)(0));
  }
}
