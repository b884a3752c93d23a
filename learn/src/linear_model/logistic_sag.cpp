#include "logistic_sag.hpp"

#include <algorithm>
#include <cmath>
#include <scilearn/core/random.hpp>

namespace scilearn::learn::detail {

namespace {

// The stored entries of a row, as (feature, value) pairs.
struct CsrRows {
  const CsrMatrix& X;
  template <class F>
  void for_each(Index i, F&& f) const {
    for (CsrMatrix::InnerIterator it(X, i); it; ++it) f(it.col(), it.value());
  }
};

struct DenseRows {
  const RowMajorMatrix& X;
  template <class F>
  void for_each(Index i, F&& f) const {
    const double* row = X.row(i).data();
    for (Index k = 0; k < X.cols(); ++k) f(k, row[k]);
  }
};

double soft_threshold(double x, double t) { return x > t ? x - t : (x < -t ? x + t : 0.0); }

// Applies steps lo+1 .. hi of  v <- soft_threshold(v - a_u g, a_u beta)  to one
// coefficient whose gradient average g did not change over those steps, where
// a_u = A[u] - A[u-1]. The map keeps v on its side of zero and moves it
// linearly in A (by -(g + beta) while positive, -(g - beta) while negative)
// until it reaches zero; then it stays at zero when |g| <= beta and otherwise
// leaves on the side -sign(g) for good. So the steps collapse to at most two
// linear moves and one real step, found by bisection on A: O(log(hi - lo))
// instead of hi - lo (the update scikit-learn unrolls step by step when a
// coefficient may cross zero).
double advance(double v, double g, double beta, const double* A, Index lo, Index hi) {
  if (beta == 0) return v - g * (A[hi] - A[lo]);
  while (lo < hi) {
    if (v == 0) {
      if (std::abs(g) <= beta) return 0;
      return -(g - std::copysign(beta, g)) * (A[hi] - A[lo]);
    }
    const bool positive = v > 0;
    const double rate = positive ? g + beta : g - beta;
    const auto left_side = [&](Index u) {
      const double x = v - rate * (A[u] - A[lo]);
      return positive ? x <= 0 : x >= 0;
    };
    if (!left_side(hi)) return v - rate * (A[hi] - A[lo]);
    Index first = lo + 1, last = hi;
    while (first < last) {
      const Index mid = first + (last - first) / 2;
      if (left_side(mid))
        last = mid;
      else
        first = mid + 1;
    }
    const double before = v - rate * (A[first - 1] - A[lo]);
    const double a = A[first] - A[first - 1];
    v = soft_threshold(before - a * g, a * beta);
    lo = first;
  }
  return v;
}

// d loss / d z for one sample, times its weight, into d (K entries).
void loss_gradient(const double* z, Index K, int label, double weight, double* d) {
  if (K == 1) {
    const double p = z[0] >= 0 ? 1 / (1 + std::exp(-z[0])) : std::exp(z[0]) / (1 + std::exp(z[0]));
    d[0] = weight * (p - label);
    return;
  }
  const double top = *std::max_element(z, z + K);
  double total = 0;
  for (Index c = 0; c < K; ++c) total += d[c] = std::exp(z[c] - top);
  for (Index c = 0; c < K; ++c) d[c] = weight * (d[c] / total - (c == label ? 1.0 : 0.0));
}

// The coefficients as scale * v, with each feature's pending steps (its
// gradient-average move and proximal step since it was last touched)
// applied only when a sample touches it or at a flush: the just-in-time
// updates that make a step cost O(nnz(x_i) K) instead of O(p K).
class LazyCoef {
 public:
  LazyCoef(Matrix& v, const Matrix& sum, double inv_n, double l1, Index max_steps)
      : v_(v),
        sum_(sum),
        inv_n_(inv_n),
        l1_(l1),
        A_(static_cast<std::size_t>(max_steps) + 1, 0.0),
        last_(static_cast<std::size_t>(v.cols()), 0) {}

  [[nodiscard]] double scale() const { return scale_; }
  [[nodiscard]] double* column(Index k) { return v_.data() + k * v_.rows(); }

  void catch_up(Index k) {
    Index& last = last_[static_cast<std::size_t>(k)];
    if (last == t_) return;
    double* v = column(k);
    const double* g = sum_.data() + k * sum_.rows();
    for (Index c = 0; c < v_.rows(); ++c) v[c] = advance(v[c], g[c] * inv_n_, l1_, A_.data(), last, t_);
    last = t_;
  }

  // One step: the L2 decay (1 - eta l2) goes into the scale, the step's
  // gradient and proximal parts are pending with size a = eta / scale.
  double step(double eta, double decay) {
    scale_ *= decay;
    const double a = eta / scale_;
    A_[static_cast<std::size_t>(t_ + 1)] = A_[static_cast<std::size_t>(t_)] + a;
    ++t_;
    return a;
  }

  [[nodiscard]] bool full() const { return t_ + 1 >= static_cast<Index>(A_.size()) || scale_ < 1e-9; }

  // Applies every pending step and folds the scale into v.
  void flush() {
    for (Index k = 0; k < v_.cols(); ++k) catch_up(k);
    v_ *= scale_;
    scale_ = 1;
    t_ = 0;
    std::fill(last_.begin(), last_.end(), 0);
  }

 private:
  Matrix& v_;
  const Matrix& sum_;
  double inv_n_, l1_;
  std::vector<double> A_;
  std::vector<Index> last_;
  double scale_ = 1;
  Index t_ = 0;
};

template <class Rows>
SagResult solve(const Rows& rows, Index n, const SagProblem& pb, Matrix& coef, Vector& intercept,
                const Vector& row_norm2) {
  const Index K = pb.K, p = coef.cols();
  const double dn = static_cast<double>(n), inv_n = 1.0 / dn;
  // The objective as (1 / n) sum_i f_i with f_i = (n w_i) loss_i: per-sample
  // weights of mean 1.
  const Vector omega = pb.weight * dn;
  // Lipschitz constant of f_i's gradient: the binomial loss's curvature is at
  // most 1/4, the multinomial's at most 1/2 (scikit-learn uses 1/4 for both).
  const double curvature = K == 1 ? 0.25 : 0.5;
  double lipschitz = 0;
  for (Index i = 0; i < n; ++i)
    lipschitz = std::max(lipschitz, omega(i) * (row_norm2(i) + (pb.fit_intercept ? 1.0 : 0.0)));
  lipschitz = curvature * lipschitz + pb.l2;
  // Step sizes as scikit-learn's get_auto_step_size.
  const double eta =
      pb.saga ? 1.0 / (2 * lipschitz + std::min(2 * dn * pb.l2, lipschitz)) : 1.0 / std::max(lipschitz, 1e-300);
  const double decay = 1 - eta * pb.l2;

  // Gradient memory, initialized at the starting point (exact SAG / SAGA
  // from the first step), and the sums sum_i d_i x_i, sum_i d_i.
  Matrix memory(K, n);
  Matrix sum = Matrix::Zero(K, p);
  Vector sum_b = Vector::Zero(K);
  Vector z(K), d(K), delta(K);
  for (Index i = 0; i < n; ++i) {
    z = intercept;
    rows.for_each(i, [&](Index k, double x) { z += x * coef.col(k); });
    loss_gradient(z.data(), K, pb.label[static_cast<std::size_t>(i)], omega(i), memory.col(i).data());
    rows.for_each(i, [&](Index k, double x) { sum.col(k) += x * memory.col(i); });
    sum_b += memory.col(i);
  }

  LazyCoef lazy(coef, sum, inv_n, pb.l1, n);
  Generator rng = default_rng(pb.seed);
  Matrix previous = coef;
  Vector previous_intercept = intercept;
  SagResult result;
  const double correction = pb.saga ? 1 - inv_n : 0.0;
  while (result.n_iter < pb.max_iter && !result.converged) {
    for (Index it = 0; it < n; ++it) {
      const Index i = static_cast<Index>(rng.integers(0, n));
      rows.for_each(i, [&](Index k, double) { lazy.catch_up(k); });
      z.setZero();
      rows.for_each(i, [&](Index k, double x) {
        const double* v = lazy.column(k);
        for (Index c = 0; c < K; ++c) z(c) += x * v[c];
      });
      z = lazy.scale() * z + intercept;
      loss_gradient(z.data(), K, pb.label[static_cast<std::size_t>(i)], omega(i), d.data());
      delta = d - memory.col(i);
      memory.col(i) = d;
      const double a = lazy.step(eta, decay);
      rows.for_each(i, [&](Index k, double x) {
        double* v = lazy.column(k);
        double* s = sum.data() + k * K;
        for (Index c = 0; c < K; ++c) {
          s[c] += x * delta(c);
          v[c] -= a * correction * x * delta(c);
        }
      });
      sum_b += delta;
      if (pb.fit_intercept) intercept -= eta * (correction * delta + inv_n * sum_b);
      if (lazy.full()) lazy.flush();
    }
    lazy.flush();
    ++result.n_iter;
    // scikit-learn's stopping rule, the largest change of the epoch relative
    // to the largest value, over the intercepts too: scikit-learn looks at the
    // coefficients only and so stops after one epoch whenever they all stay
    // zero (strong L1), with the intercept wherever that epoch left it.
    const double change =
        std::max((coef - previous).cwiseAbs().maxCoeff(), (intercept - previous_intercept).cwiseAbs().maxCoeff());
    const double largest = std::max(coef.cwiseAbs().maxCoeff(), intercept.cwiseAbs().maxCoeff());
    result.converged = largest > 0 ? change <= pb.tol * largest : change == 0;
    previous = coef;
    previous_intercept = intercept;
  }
  return result;
}

}  // namespace

SagResult solve_sag(const CsrMatrix& X, const SagProblem& problem, Matrix& coef, Vector& intercept) {
  Vector norm2(X.rows());
  for (Index i = 0; i < X.rows(); ++i) norm2(i) = X.row(i).squaredNorm();
  return solve(CsrRows{X}, X.rows(), problem, coef, intercept, norm2);
}

SagResult solve_sag(const RowMajorMatrix& X, const SagProblem& problem, Matrix& coef, Vector& intercept) {
  return solve(DenseRows{X}, X.rows(), problem, coef, intercept, X.rowwise().squaredNorm());
}

}  // namespace scilearn::learn::detail
