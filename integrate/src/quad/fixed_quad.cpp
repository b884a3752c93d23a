// scipy.integrate.fixed_quad: n-point Gauss-Legendre quadrature, nodes and
// weights from GSL's glfixed tables (tabulated to n = 100 and more, computed
// by Newton's method beyond).

#include <gsl/gsl_integration.h>

#include <cmath>
#include <memory>
#include <new>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/quad.hpp>

#include "quad/gsl_quadpack.hpp"

namespace scilearn::integrate {
namespace {
struct GlfixedTableDeleter {
  void operator()(gsl_integration_glfixed_table* t) const noexcept { gsl_integration_glfixed_table_free(t); }
};
}  // namespace

double fixed_quad(const Integrand& func, double a, double b, int n) {
  if (!std::isfinite(a) || !std::isfinite(b))
    throw ValueError(cat("fixed_quad: Gaussian quadrature needs finite limits, got a = ", a, ", b = ", b));
  if (n < 1) throw ValueError(cat("fixed_quad: the order n must be >= 1, got ", n));
  detail::disable_gsl_error_handler();
  std::unique_ptr<gsl_integration_glfixed_table, GlfixedTableDeleter> table(
      gsl_integration_glfixed_table_alloc(static_cast<std::size_t>(n)));
  if (!table) throw std::bad_alloc();
  double sum = 0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    double x = 0, w = 0;
    gsl_integration_glfixed_point(a, b, i, &x, &w, table.get());
    sum += w * func(x);
  }
  return sum;
}

}  // namespace scilearn::integrate
