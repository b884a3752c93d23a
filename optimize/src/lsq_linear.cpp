// lsq_linear: SciPy's driver (scipy/optimize/_lsq/lsq_linear.py) and the
// BVLS method (bvls.py; Stark and Parker 1995, "Bounded-variable least-squares:
// an algorithm and applications", Computational Statistics 10).
#include <scilearn/optimize/lsq_linear.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <vector>

#include "bounds.hpp"
#include "box_steps.hpp"
#include "lsq_linear_methods.hpp"

namespace scilearn::optimize {
namespace detail {

namespace {

// max(g on_bound) over bound variables, max |g| over free ones.
double kkt_optimality(const Vector& g, const IndexVector& on_bound) {
  double out = -std::numeric_limits<double>::infinity();
  for (Index i = 0; i < g.size(); ++i) {
    out = std::max(out, on_bound(i) == 0 ? std::abs(g(i)) : g(i) * static_cast<double>(on_bound(i)));
  }
  return out;
}

// lstsq on the columns `free` of a with NumPy's default cutoff (rcond = eps max(m, n)).
Vector solve_free(const Matrix& a, const std::vector<Index>& free, const Vector& rhs) {
  Matrix a_free(a.rows(), static_cast<Index>(free.size()));
  for (std::size_t k = 0; k < free.size(); ++k) a_free.col(static_cast<Index>(k)) = a.col(free[k]);
  const double cond = std::numeric_limits<double>::epsilon() * static_cast<double>(std::max(a.rows(), a.cols()));
  return linalg::lstsq(a_free, rhs, {.cond = cond, .check_finite = false}).x;
}

std::vector<Index> free_of(const IndexVector& on_bound) {
  std::vector<Index> free;
  for (Index i = 0; i < on_bound.size(); ++i) {
    if (on_bound(i) == 0) free.push_back(i);
  }
  return free;
}

// b - A x restricted to the bound variables' contribution.
Vector rhs_free(const Matrix& a, const Vector& b, const Vector& x, const IndexVector& on_bound) {
  Vector bound_part = x;
  for (Index i = 0; i < x.size(); ++i) {
    if (on_bound(i) == 0) bound_part(i) = 0;
  }
  return b - a * bound_part;
}

}  // namespace

LsqLinearResult bvls(const Matrix& a, const Vector& b, const Vector& x_lsq, const Vector& lb, const Vector& ub,
                     double tol, int max_iter) {
  const Index n = a.cols();
  Vector x = x_lsq;
  IndexVector on_bound = IndexVector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (x(i) <= lb(i)) {
      x(i) = lb(i);
      on_bound(i) = -1;
    } else if (x(i) >= ub(i)) {
      x(i) = ub(i);
      on_bound(i) = 1;
    }
  }
  // Initial phase: solve on the free variables, moving violators to their bounds.
  std::vector<Index> free = free_of(on_bound);
  Vector r = a * x - b;
  double cost = 0.5 * r.squaredNorm();
  Vector g = a.transpose() * r;
  int iteration = 0;
  while (!free.empty()) {
    ++iteration;
    const Vector z = solve_free(a, free, rhs_free(a, b, x, on_bound));
    std::vector<Index> still_free;
    for (std::size_t k = 0; k < free.size(); ++k) {
      const Index i = free[k];
      const double zi = z(static_cast<Index>(k));
      if (zi < lb(i)) {
        x(i) = lb(i);
        on_bound(i) = -1;
      } else if (zi > ub(i)) {
        x(i) = ub(i);
        on_bound(i) = 1;
      } else {
        x(i) = zi;
        still_free.push_back(i);
      }
    }
    r = a * x - b;
    cost = 0.5 * r.squaredNorm();
    g = a.transpose() * r;
    if (still_free.size() == free.size()) break;
    free = std::move(still_free);
  }
  const int last = iteration + (max_iter > 0 ? max_iter : static_cast<int>(n));
  int status = -2;  // none yet
  double optimality = kkt_optimality(g, on_bound);
  for (; iteration < last; ++iteration) {  // Stark and Parker's loop A
    if (optimality < tol) status = 1;
    if (status != -2) break;
    // Free the bound variable whose gradient most wants it off its bound.
    Index move = 0;
    double best = -std::numeric_limits<double>::infinity();
    for (Index i = 0; i < n; ++i) {
      const double v = g(i) * static_cast<double>(on_bound(i));
      if (v > best) {
        best = v;
        move = i;
      }
    }
    on_bound(move) = 0;
    for (;;) {  // loop B: step towards the free solution until none is violated
      free = free_of(on_bound);
      const Vector z = solve_free(a, free, rhs_free(a, b, x, on_bound));
      double alpha = std::numeric_limits<double>::infinity();
      Index hit = -1;
      int side = 0;
      // The first violated bound along x_free -> z (lower ones first, as SciPy's order).
      for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t k = 0; k < free.size(); ++k) {
          const Index i = free[k];
          const double zi = z(static_cast<Index>(k));
          const bool violates = pass == 0 ? zi < lb(i) : zi > ub(i);
          if (!violates) continue;
          const double ai = ((pass == 0 ? lb(i) : ub(i)) - x(i)) / (zi - x(i));
          if (ai < alpha) {
            alpha = ai;
            hit = i;
            side = pass == 0 ? -1 : 1;
          }
        }
      }
      if (hit < 0) {
        for (std::size_t k = 0; k < free.size(); ++k) x(free[k]) = z(static_cast<Index>(k));
        break;
      }
      // The step keeps x feasible in exact arithmetic; rounding can leave an
      // entry an ulp outside its box, and the blocking one off its bound.
      for (std::size_t k = 0; k < free.size(); ++k) {
        const Index i = free[k];
        x(i) = std::clamp(x(i) * (1 - alpha) + alpha * z(static_cast<Index>(k)), lb(i), ub(i));
      }
      x(hit) = side < 0 ? lb(hit) : ub(hit);
      on_bound(hit) = side;
    }
    r = a * x - b;
    const double cost_new = 0.5 * r.squaredNorm();
    if (cost - cost_new < tol * cost) status = 2;
    cost = cost_new;
    g = a.transpose() * r;
    optimality = kkt_optimality(g, on_bound);
  }
  if (status == -2 && iteration == last) --iteration;  // as Python's for loop leaves its variable
  LsqLinearResult out;
  out.x = x;
  out.fun = r;
  out.cost = cost;
  out.optimality = optimality;
  out.active_mask = on_bound;
  out.nit = iteration + 1;
  out.status = status == -2 ? 0 : status;
  return out;
}

}  // namespace detail

namespace {

constexpr const char* kWhere = "lsq_linear";

const char* message(int status) {
  switch (status) {
    case -1: return "The algorithm was not able to make progress on the last iteration.";
    case 0: return "The maximum number of iterations is exceeded.";
    case 1: return "The first-order optimality measure is less than `tol`.";
    case 2: return "The relative change of the cost function is less than `tol`.";
    default: return "The unconstrained solution is optimal.";
  }
}

}  // namespace

LsqLinearResult lsq_linear(const Matrix& a, const Vector& b, const LsqLinearOptions& options) {
  check_non_empty(kWhere, "a", a);
  check_finite(kWhere, "a", a);
  check_finite(kWhere, "b", b);
  const Index m = a.rows(), n = a.cols();
  if (b.size() != m) throw ValueError(cat(kWhere, ": a is ", m, " x ", n, " but b has ", b.size(), " entries"));
  if (!(options.tol >= 0)) throw ValueError(cat(kWhere, ": tol must be >= 0, got ", options.tol));
  if (options.max_iter < 0) throw ValueError(cat(kWhere, ": max_iter must be >= 0, got ", options.max_iter));
  const Bounds box = detail::expanded_bounds(options.bounds, n, kWhere, true);
  const Vector& lb = box.lb;
  const Vector& ub = box.ub;
  // numpy.linalg.lstsq(rcond=-1): singular values below machine precision count as zero.
  const Vector x_lsq = linalg::lstsq(a, b, {.cond = -1.0, .check_finite = false}).x;
  LsqLinearResult out;
  if (detail::in_bounds(x_lsq, lb, ub)) {
    out.x = x_lsq;
    out.fun = a * x_lsq - b;
    out.cost = 0.5 * out.fun.squaredNorm();
    out.optimality = (a.transpose() * out.fun).cwiseAbs().maxCoeff();
    out.active_mask = IndexVector::Zero(n);
    out.status = 3;
  } else if (options.method == LsqLinearMethod::bvls) {
    out = detail::bvls(a, b, x_lsq, lb, ub, options.tol, options.max_iter);
  } else {
    out = detail::trf_linear(a, b, x_lsq, lb, ub, options.tol, options.max_iter > 0 ? options.max_iter : 100);
  }
  out.unbounded_sol = x_lsq;
  out.message = message(out.status);
  out.success = out.status > 0;
  return out;
}

}  // namespace scilearn::optimize
