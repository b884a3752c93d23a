#include "logistic_liblinear.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <type_traits>

#include "logistic_loss.hpp"
#include "logistic_sag.hpp"

namespace scilearn::learn::detail {

namespace {

using IndexVector = Eigen::VectorX<Index>;

// softplus(a + d) - softplus(a), accurate when d is small: the line searches
// compare objective changes near the minimizer, where they are far below the
// rounding error of the objective itself. The ratio (1 + e^(a+d)) / (1 + e^a)
// is 1 + expit(a) (e^d - 1).
double softplus_change(double a, double d) {
  if (std::abs(d) > 1) return softplus(a + d) - softplus(a);
  return std::log1p(expit(a) * std::expm1(d));
}

// The design LIBLINEAR sees: X, then (with an intercept) a column of constant
// value `scale` = intercept_scaling. XType is a dense view, a row-major copy
// or a sparse matrix, in the order the solver walks.
template <class XType>
struct Design {
  const XType& X;
  bool bias;
  double scale;

  [[nodiscard]] Index p() const { return X.cols(); }
  [[nodiscard]] Index size() const { return X.cols() + (bias ? 1 : 0); }
  // X~ w.
  [[nodiscard]] Vector times(const Vector& w) const {
    Vector z = X * w.head(p());
    if (bias) z.array() += scale * w(p());
    return z;
  }
  // X~^T v.
  [[nodiscard]] Vector transpose_times(const Vector& v) const {
    Vector g(size());
    g.head(p()).noalias() = X.transpose() * v;
    if (bias) g(p()) = scale * v.sum();
    return g;
  }
};

// Row access (dual coordinate descent): x~_i . w, w += a x~_i, ||x~_i||^2.
double row_dot(const RowMajorMatrix& X, Index i, const Vector& w) { return X.row(i).dot(w.head(X.cols()).transpose()); }
double row_dot(const CsrMatrix& X, Index i, const Vector& w) {
  double s = 0;
  for (CsrMatrix::InnerIterator it(X, i); it; ++it) s += it.value() * w(it.index());
  return s;
}
void row_axpy(const RowMajorMatrix& X, Index i, double a, Vector& w) { w.head(X.cols()) += a * X.row(i).transpose(); }
void row_axpy(const CsrMatrix& X, Index i, double a, Vector& w) {
  for (CsrMatrix::InnerIterator it(X, i); it; ++it) w(it.index()) += a * it.value();
}
double row_squared_norm(const RowMajorMatrix& X, Index i) { return X.row(i).squaredNorm(); }
double row_squared_norm(const CsrMatrix& X, Index i) {
  double s = 0;
  for (CsrMatrix::InnerIterator it(X, i); it; ++it) s += it.value() * it.value();
  return s;
}

template <class Rows>
double row_dot(const Design<Rows>& A, Index i, const Vector& w) {
  return row_dot(A.X, i, w) + (A.bias ? A.scale * w(A.p()) : 0.0);
}
template <class Rows>
void row_axpy(const Design<Rows>& A, Index i, double a, Vector& w) {
  row_axpy(A.X, i, a, w);
  if (A.bias) w(A.p()) += a * A.scale;
}

// Column access (L1 coordinate descent): x~^j . v, v += a x~^j, sum_i d_i (x~_ij)^2.
double col_dot(const MatrixView& X, Index j, const Vector& v) { return X.col(j).dot(v); }
double col_dot(const CscMatrix& X, Index j, const Vector& v) {
  double s = 0;
  for (CscMatrix::InnerIterator it(X, j); it; ++it) s += it.value() * v(it.index());
  return s;
}
void col_axpy(const MatrixView& X, Index j, double a, Vector& v) { v += a * X.col(j); }
void col_axpy(const CscMatrix& X, Index j, double a, Vector& v) {
  for (CscMatrix::InnerIterator it(X, j); it; ++it) v(it.index()) += a * it.value();
}
double col_weighted_squares(const MatrixView& X, Index j, const Vector& d) { return X.col(j).cwiseAbs2().dot(d); }
double col_weighted_squares(const CscMatrix& X, Index j, const Vector& d) {
  double s = 0;
  for (CscMatrix::InnerIterator it(X, j); it; ++it) s += it.value() * it.value() * d(it.index());
  return s;
}
// sum_i x_ij d_i v_i.
double col_weighted_dot(const MatrixView& X, Index j, const Vector& d, const Vector& v) {
  return X.col(j).cwiseProduct(d).dot(v);
}
double col_weighted_dot(const CscMatrix& X, Index j, const Vector& d, const Vector& v) {
  double s = 0;
  for (CscMatrix::InnerIterator it(X, j); it; ++it) s += it.value() * d(it.index()) * v(it.index());
  return s;
}

template <class Cols>
double col_dot(const Design<Cols>& A, Index j, const Vector& v) {
  return j < A.p() ? col_dot(A.X, j, v) : A.scale * v.sum();
}
template <class Cols>
void col_axpy(const Design<Cols>& A, Index j, double a, Vector& v) {
  if (j < A.p())
    col_axpy(A.X, j, a, v);
  else
    v.array() += a * A.scale;
}
template <class Cols>
double col_weighted_squares(const Design<Cols>& A, Index j, const Vector& d) {
  return j < A.p() ? col_weighted_squares(A.X, j, d) : A.scale * A.scale * d.sum();
}
template <class Cols>
double col_weighted_dot(const Design<Cols>& A, Index j, const Vector& d, const Vector& v) {
  return j < A.p() ? col_weighted_dot(A.X, j, d, v) : A.scale * d.dot(v);
}

// What the three solvers share: per-sample costs c_i and signs y_i, the
// stopping rule's inputs and the random sample / feature order.
struct Binary {
  Vector cost;  // c_i = C s_i
  Vector sign;  // y_i in {-1, +1}
  double tol = 1e-4;
  int max_iter = 100;
  Generator rng{0};

  // LIBLINEAR's tolerance of its primal solvers: tol scaled by the smaller
  // class's share of the samples (those of positive weight, the others being
  // dropped by LIBLINEAR).
  [[nodiscard]] double primal_tol() const {
    Index positive = 0, negative = 0;
    for (Index i = 0; i < cost.size(); ++i)
      if (cost(i) > 0) ++(sign(i) > 0 ? positive : negative);
    const Index smaller = std::max<Index>(std::min(positive, negative), 1);
    return tol * static_cast<double>(smaller) / static_cast<double>(std::max<Index>(positive + negative, 1));
  }
};

// L2, primal: a truncated Newton method (Nash 2000; Lin, Weng & Keerthi 2008
// use a trust region, we a line search): conjugate gradients on H s = -g with
// H = I + X~^T D X~ applied as Hessian-vector products, a forcing term
// min(0.1, sqrt(||g|| / ||g0||)) that makes the convergence superlinear, and
// an Armijo backtracking search. The objective is strictly convex (H >= I).
// Stops, as LIBLINEAR, when ||g|| <= primal_tol ||g0||, g0 the gradient at 0.
// Returns the Newton iterations.
template <class XType>
Index solve_primal_l2(const Design<XType>& A, const Binary& b, Vector& w) {
  const Index m = A.size(), n = b.cost.size();
  w = Vector::Zero(m);
  Vector z = Vector::Zero(n);  // y_i w . x~_i
  Vector v(n), D(n), g(m);
  const auto gradient = [&] {
    for (Index i = 0; i < n; ++i) {
      const double lose = expit(-z(i));  // the derivative of log(1 + e^-z) is -expit(-z)
      v(i) = -b.cost(i) * lose * b.sign(i);
      D(i) = b.cost(i) * lose * expit(z(i));
    }
    g = w + A.transpose_times(v);
  };
  gradient();
  const double g0 = g.norm(), stop = b.primal_tol() * g0;
  const Index cg_limit = 2 * m + 10;
  Vector s(m), r(m), d(m), Hd(m), u(n);
  Index iter = 0;
  while (iter < b.max_iter && g.norm() > stop) {
    const double gnorm = g.norm();
    const double forcing = std::min(0.1, std::sqrt(gnorm / g0));
    s.setZero();
    r = -g;
    d = r;
    double rr = r.squaredNorm();
    for (Index k = 0; k < cg_limit && std::sqrt(rr) > forcing * gnorm; ++k) {
      Hd = d + A.transpose_times(D.cwiseProduct(A.times(d)));
      const double alpha = rr / d.dot(Hd);
      s += alpha * d;
      r -= alpha * Hd;
      const double rr_new = r.squaredNorm();
      d = r + (rr_new / rr) * d;
      rr = rr_new;
    }
    // f(w + t s) - f(w), summed term by term so that it stays accurate.
    u = A.times(s).cwiseProduct(b.sign);
    const double ws = w.dot(s), ss = s.squaredNorm(), slope = g.dot(s);
    if (!(slope < 0)) break;  // no descent left at this precision
    double t = 1;
    bool accepted = false;
    for (int k = 0; k < 40 && !accepted; ++k, t *= 0.5) {
      double change = t * ws + 0.5 * t * t * ss;
      for (Index i = 0; i < n; ++i)
        if (b.cost(i) > 0) change += b.cost(i) * softplus_change(-z(i), -t * u(i));
      accepted = change <= 1e-4 * t * slope;
      if (accepted) w += t * s;
    }
    if (!accepted) break;  // the change is below rounding: w is the minimizer to working precision
    ++iter;
    z = A.times(w).cwiseProduct(b.sign);
    gradient();
  }
  return iter;
}

// L2, dual: coordinate descent on the dual (Yu, Huang & Lin 2011)
//
//   min_a  a^T Q a / 2 + sum_i [a_i log a_i + (c_i - a_i) log(c_i - a_i)],
//   0 < a_i < c_i,  Q_ij = y_i y_j x~_i . x~_j,  w = sum_i a_i y_i x~_i,
//
// one sample at a time in a random order per epoch. Each one-variable problem
// is solved by Newton's method in whichever of a_i and c_i - a_i is the
// smaller at the solution (both are kept, so neither loses digits to the
// other). Stops, as LIBLINEAR, when an epoch's largest |dual gradient| is
// below tol. Samples of zero weight have a_i = 0 throughout. Returns the epochs.
template <class Rows>
Index solve_dual_l2(const Design<Rows>& A, Binary& b, Vector& w) {
  const Index n = b.cost.size();
  Vector alpha(n), rest(n), q(n);  // a_i, c_i - a_i, ||x~_i||^2
  w = Vector::Zero(A.size());
  IndexVector order(n);
  Index active = 0;
  for (Index i = 0; i < n; ++i) {
    const double c = b.cost(i);
    // An interior start (the entropy terms are infinitely steep at the bounds).
    alpha(i) = std::min(1e-3 * c, 1e-8);
    rest(i) = c - alpha(i);
    q(i) = row_squared_norm(A.X, i) + (A.bias ? A.scale * A.scale : 0.0);
    if (c > 0) {
      order(active++) = i;
      row_axpy(A, i, b.sign(i) * alpha(i), w);
    }
  }
  constexpr double tiny = std::numeric_limits<double>::min();
  Index epoch = 0;
  while (epoch < b.max_iter) {
    b.rng.shuffle(order.data(), order.data() + active);
    double largest = 0;
    for (Index k = 0; k < active; ++k) {
      const Index i = order(k);
      const double c = b.cost(i), a = q(i), yw = b.sign(i) * row_dot(A, i, w);
      largest = std::max(largest, std::abs(yw + std::log(alpha(i) / rest(i))));
      // In u = a_i (sign +1) or u = c_i - a_i (sign -1) the derivative is
      // h(u) = a (u - u0) + sign yw + log(u / (c - u)), increasing, and
      // concave on (0, c/2]; h(c/2) >= 0 puts the root there for u = a_i.
      const double sign = 0.5 * a * (rest(i) - alpha(i)) + yw >= 0 ? 1.0 : -1.0;
      const double u0 = sign > 0 ? alpha(i) : rest(i);
      // From below the root, Newton's iterates on a concave increasing h rise
      // monotonically to it; a step past 0 is replaced by a shrink.
      double u = u0 > 0.5 * c ? 0.1 * u0 : u0;
      for (int it = 0; it < 100; ++it) {
        const double h = a * (u - u0) + sign * yw + std::log(u / (c - u));
        double next = u - h / (a + c / (u * (c - u)));
        next = std::max(next <= 0 ? 0.1 * u : next, tiny);
        const bool done = std::abs(next - u) <= 1e-15 * next;
        u = next;
        if (done) break;
      }
      if (u == u0) continue;
      const double change = sign * (u - u0);  // of a_i
      alpha(i) = sign > 0 ? u : c - u;
      rest(i) = sign > 0 ? c - u : u;
      row_axpy(A, i, change * b.sign(i), w);
    }
    ++epoch;
    if (largest < b.tol) break;
  }
  return epoch;
}

// The smallest-norm subgradient's size for coordinate value x with loss
// gradient g: the optimality violation of min loss + |x|.
double violation(double x, double g) {
  if (x > 0) return std::abs(g + 1);
  if (x < 0) return std::abs(g - 1);
  return std::max({g - 1, -1 - g, 0.0});
}

// L1: newGLMNET (Yuan, Ho & Lin 2012). Each outer iteration minimizes the
// quadratic model of the loss at w plus ||w + d||_1 by coordinate descent on
// d (random order per sweep, ending when the sweep's summed violation is below
// a tolerance that tightens as the outer iterations get easy), then takes an
// Armijo step along d. Coordinates at zero with a gradient well inside
// (-1, 1) are set aside ("shrinking") and re-checked when the inner loop ends.
// Stops, as LIBLINEAR, when the summed violation is <= primal_tol times that
// at 0. Returns the outer (Newton) iterations.
template <class Cols>
Index solve_l1(const Design<Cols>& A, Binary& b, Vector& w) {
  const Index m = A.size(), n = b.cost.size();
  constexpr double nu = 1e-12;  // keeps the model's diagonal positive
  const double stop = b.primal_tol();
  w = Vector::Zero(m);
  Vector z = Vector::Zero(n);  // y_i w . x~_i
  Vector grad(m), hdiag(m), d(m), q(n), ty(n), D(n);
  IndexVector index = IndexVector::LinSpaced(m, 0, m - 1);
  double init = -1, inner_tol = 1, outer_largest_old = std::numeric_limits<double>::infinity();
  const double n_samples = static_cast<double>(n);
  Index iter = 0;
  while (true) {
    for (Index i = 0; i < n; ++i) {
      const double lose = expit(-z(i));
      ty(i) = b.cost(i) * lose * b.sign(i);  // -dL/d(w . x~_i)
      D(i) = b.cost(i) * lose * expit(z(i));
    }
    Index active = m;
    double total = 0, largest = 0;
    for (Index s = 0; s < active; ++s) {
      const Index j = index(s);
      grad(j) = -col_dot(A, j, ty);
      hdiag(j) = nu + col_weighted_squares(A, j, D);
      const double v = violation(w(j), grad(j));
      if (w(j) == 0 && v == 0 && std::abs(grad(j)) < 1 - outer_largest_old / n_samples) {
        std::swap(index(s), index(--active));
        --s;
        continue;
      }
      largest = std::max(largest, v);
      total += v;
    }
    if (init < 0) init = total;
    if (total <= stop * init || iter >= b.max_iter) break;
    outer_largest_old = largest;

    // Coordinate descent on the model over the active coordinates.
    for (Index s = 0; s < active; ++s) d(index(s)) = 0;
    q.setZero();  // X~ d
    Index inner_active = active, sweeps = 0;
    double inner_largest_old = std::numeric_limits<double>::infinity();
    bool moved = false;
    while (sweeps < 1000) {
      b.rng.shuffle(index.data(), index.data() + inner_active);
      double inner_total = 0, inner_largest = 0;
      for (Index s = 0; s < inner_active; ++s) {
        const Index j = index(s);
        const double G = grad(j) + col_weighted_dot(A, j, D, q) + nu * d(j), H = hdiag(j), x = w(j) + d(j);
        const double v = violation(x, G);
        if (x == 0 && v == 0 && std::abs(G) < 1 - inner_largest_old / n_samples) {
          std::swap(index(s), index(--inner_active));
          --s;
          continue;
        }
        inner_total += v;
        inner_largest = std::max(inner_largest, v);
        // min over t of G t + H t^2 / 2 + |x + t|: a soft threshold.
        const double t = G + 1 <= H * x ? -(G + 1) / H : (G - 1 >= H * x ? -(G - 1) / H : -x);
        if (t == 0) continue;
        moved = true;
        d(j) += t;
        col_axpy(A, j, t, q);
      }
      ++sweeps;
      if (inner_total <= inner_tol * init) {
        if (inner_active == active) break;
        inner_active = active;  // re-check the coordinates set aside
        inner_largest_old = std::numeric_limits<double>::infinity();
        continue;
      }
      inner_largest_old = inner_largest;
    }
    if (sweeps == 1) inner_tol *= 0.25;
    if (!moved) break;  // the model's minimizer is w itself: nothing left at this precision

    // Armijo along d: F(w + t d) - F(w) <= sigma t delta, the changes summed
    // term by term so that they stay accurate near the minimizer.
    double delta = 0;
    for (Index s = 0; s < active; ++s) {
      const Index j = index(s);
      delta += grad(j) * d(j) + std::abs(w(j) + d(j)) - std::abs(w(j));
    }
    double t = 1;
    bool accepted = false;
    for (int k = 0; k < 40 && !accepted; ++k, t *= 0.5) {
      double change = 0;
      for (Index s = 0; s < active; ++s) {
        const Index j = index(s);
        change += std::abs(w(j) + t * d(j)) - std::abs(w(j));
      }
      for (Index i = 0; i < n; ++i)
        if (b.cost(i) > 0) change += b.cost(i) * softplus_change(-z(i), -t * b.sign(i) * q(i));
      accepted = change <= 0.01 * t * delta;
      if (accepted)
        for (Index s = 0; s < active; ++s) w(index(s)) += t * d(index(s));
    }
    if (!accepted) break;
    ++iter;
    z = A.times(w).cwiseProduct(b.sign);
  }
  return iter;
}

constexpr std::string_view kFit = "LogisticRegression.fit";

double largest_value(const MatrixView& X) { return X.size() ? X.maxCoeff() : 0.0; }
double largest_value(const CsrMatrix& X) {
  double top = 0;  // the implicit zeros count, as numpy.max of a sparse matrix
  for (Index k = 0; k < X.nonZeros(); ++k) top = std::max(top, X.valuePtr()[k]);
  return top;
}

template <class XType>
LogisticRegressionFitted fit(const XType& X, const LogisticRegressionParams& p, const Vector& classes,
                             const std::vector<int>& label, const Vector& weight, double l2, double l1) {
  if (largest_value(X) > 1e30)
    throw ValueError(cat(kFit,
                         ": Using the 'liblinear' solver while X contains a maximum value > 1e30 results in a "
                         "frozen fit. Please choose another solver or rescale the input X."));
  if (p.dual && l1 > 0)
    throw ValueError(cat(kFit,
                         ": Unsupported set of arguments: The combination of penalty='l1' and "
                         "loss='logistic_regression' are not supported when dual=True, Parameters: penalty='l1', "
                         "loss='logistic_regression', dual=True"));
  const Index n = X.rows();
  Binary b{.cost = weight / (l2 + l1),
           .sign = Vector(n),
           .tol = p.tol,
           .max_iter = p.max_iter,
           .rng = default_rng(p.random_state)};
  for (Index i = 0; i < n; ++i) b.sign(i) = label[static_cast<std::size_t>(i)] == 1 ? 1.0 : -1.0;
  const bool bias = p.fit_intercept;
  const double scale = p.intercept_scaling;
  Vector w;
  Index n_iter = 0;
  if (l1 > 0) {
    if constexpr (std::is_same_v<XType, CsrMatrix>) {
      const CscMatrix columns = X;
      n_iter = solve_l1(Design<CscMatrix>{columns, bias, scale}, b, w);
    } else {
      n_iter = solve_l1(Design<MatrixView>{X, bias, scale}, b, w);
    }
  } else if (p.dual) {
    if constexpr (std::is_same_v<XType, CsrMatrix>) {
      n_iter = solve_dual_l2(Design<CsrMatrix>{X, bias, scale}, b, w);
    } else {
      const RowMajorMatrix rows = X;
      n_iter = solve_dual_l2(Design<RowMajorMatrix>{rows, bias, scale}, b, w);
    }
  } else {
    n_iter = solve_primal_l2(Design<XType>{X, bias, scale}, b, w);
  }
  if (n_iter >= p.max_iter)
    warn(WarningCategory::convergence, "Liblinear failed to converge, increase the number of iterations.");
  LogisticRegressionFitted out;
  out.n_features_in = X.cols();
  out.classes = classes;
  out.coef = w.head(X.cols()).transpose();
  out.intercept = Vector::Constant(1, bias ? scale * w(X.cols()) : 0.0);
  out.n_iter = n_iter;
  return out;
}

}  // namespace

LogisticRegressionFitted fit_liblinear(const MatrixView& X, const LogisticRegressionParams& p, const Vector& classes,
                                       const std::vector<int>& label, const Vector& weight, double l2, double l1) {
  return fit(X, p, classes, label, weight, l2, l1);
}

LogisticRegressionFitted fit_liblinear(const CsrMatrix& X, const LogisticRegressionParams& p, const Vector& classes,
                                       const std::vector<int>& label, const Vector& weight, double l2, double l1) {
  return fit(X, p, classes, label, weight, l2, l1);
}

}  // namespace scilearn::learn::detail
