#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/theil_sen_regressor.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <vector>

namespace scilearn::learn {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// C(n, k) in floating point, as scipy.special.binom (inf past the range).
double binomial(Index n, Index k) {
  if (k < 0 || k > n) return 0;
  k = std::min(k, n - k);
  double out = 1;
  for (Index i = 1; i <= k; ++i) out = out * static_cast<double>(n - k + i) / static_cast<double>(i);
  return out;
}

// One step of the modified Weiszfeld iteration (Vardi & Zhang 2000) from x,
// over the rows of W, written as scikit-learn's _modified_weiszfeld_step:
// rows at distance < eps from x are left out, and x itself pulls by the
// count of such rows.
Vector weiszfeld_step(const Matrix& W, const Vector& x) {
  const Index m = W.rows(), d = W.cols();
  Vector direction_sum = Vector::Zero(d), weighted_sum = Vector::Zero(d);
  double inverse_sum = 0;
  Index kept = 0;
  for (Index i = 0; i < m; ++i) {
    const Vector diff = W.row(i).transpose() - x;
    const double norm = diff.norm();
    if (!(norm >= kEps)) continue;
    ++kept;
    direction_sum += diff / norm;
    weighted_sum += W.row(i).transpose() / norm;
    inverse_sum += 1 / norm;
  }
  const double x_in_W = kept < m ? 1.0 : 0.0;
  double quotient = direction_sum.norm();
  Vector direction;
  if (quotient > kEps) {
    direction = weighted_sum / inverse_sum;
  } else {
    direction = Vector::Ones(d);
    quotient = 1;
  }
  return std::max(0.0, 1 - x_in_W / quotient) * direction + std::min(1.0, x_in_W / quotient) * x;
}

}  // namespace

TheilSenRegressor::Fitted TheilSenRegressor::learn(const MatrixView& X, const VectorView* y,
                                                   const VectorView* sample_weight) const {
  constexpr std::string_view where = "TheilSenRegressor.fit";
  if (!y) throw ValueError(cat(where, ": y is required"));
  if (sample_weight) throw ValueError(cat(where, ": TheilSenRegressor does not take sample_weight"));
  const auto& p = params_;
  if (!(p.max_subpopulation >= 1 && std::isfinite(p.max_subpopulation)))
    throw ValueError(
        cat("TheilSenRegressor: max_subpopulation must be a finite number >= 1, got ", p.max_subpopulation));
  if (p.max_iter < 0) throw ValueError(cat("TheilSenRegressor: max_iter must be >= 0, got ", p.max_iter));
  if (!(p.tol >= 0)) throw ValueError(cat("TheilSenRegressor: tol must be >= 0, got ", p.tol));
  const Index n = X.rows(), n_features = X.cols();
  const Index offset = p.fit_intercept ? 1 : 0;
  const Index n_dim = n_features + offset;
  Index k = 0;
  if (p.n_subsamples) {
    k = *p.n_subsamples;
    if (k > n) throw ValueError(cat("Invalid parameter since n_subsamples > n_samples (", k, " > ", n, ")."));
    if (n >= n_features) {
      if (n_dim > k)
        throw ValueError(cat("Invalid parameter since n_features", p.fit_intercept ? "+1" : "", " > n_subsamples (",
                             n_dim, " > ", k, ")."));
    } else if (k != n) {
      throw ValueError(
          cat("Invalid parameter since n_subsamples != n_samples (", k, " != ", n, ") while n_samples < n_features."));
    }
  } else {
    k = std::min(n_dim, n);
  }
  if (k < 1) throw ValueError(cat(where, ": n_subsamples must be >= 1, got ", k));
  const double all = std::rint(binomial(n, k));
  const auto n_subpopulation = static_cast<Index>(std::min(p.max_subpopulation, std::max(1.0, all)));

  Fitted out;
  out.n_features_in = n_features;
  out.n_subpopulation = n_subpopulation;
  out.breakdown =
      1 - (std::pow(0.5, 1.0 / static_cast<double>(k)) * static_cast<double>(n - k + 1) + static_cast<double>(k) - 1) /
              static_cast<double>(n);

  // The subsets, k row indices each (row s of `subsets`).
  Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> subsets(n_subpopulation, k);
  if (all <= p.max_subpopulation) {
    // Every combination, in lexicographic order (itertools.combinations).
    std::vector<Index> c(static_cast<std::size_t>(k));
    for (Index j = 0; j < k; ++j) c[static_cast<std::size_t>(j)] = j;
    for (Index s = 0; s < n_subpopulation; ++s) {
      for (Index j = 0; j < k; ++j) subsets(s, j) = c[static_cast<std::size_t>(j)];
      Index j = k - 1;
      while (j >= 0 && c[static_cast<std::size_t>(j)] == n - k + j) --j;
      if (j < 0) break;
      ++c[static_cast<std::size_t>(j)];
      for (Index i = j + 1; i < k; ++i) c[static_cast<std::size_t>(i)] = c[static_cast<std::size_t>(i - 1)] + 1;
    }
  } else {
    Generator rng = default_rng(p.random_state);
    std::vector<Index> pool(static_cast<std::size_t>(n));
    for (Index s = 0; s < n_subpopulation; ++s) {
      for (Index i = 0; i < n; ++i) pool[static_cast<std::size_t>(i)] = i;
      for (Index j = 0; j < k; ++j) {
        const auto r = static_cast<std::size_t>(rng.integers(j, n));
        std::swap(pool[static_cast<std::size_t>(j)], pool[r]);
        subsets(s, j) = pool[static_cast<std::size_t>(j)];
      }
    }
  }

  // The least-squares solution of every subset: the minimum-norm one where a
  // subset is rank-deficient (or has fewer rows than unknowns), as gelss.
  Matrix weights(n_subpopulation, n_dim);
  const int threads = p.n_jobs && *p.n_jobs > 0 ? *p.n_jobs : effective_n_jobs(-1);
  std::optional<BlasThreadLimit> single_blas;
  if (threads > 1) single_blas.emplace(1);  // our threads, not BLAS's, run the subsets
#pragma omp parallel num_threads(threads) if (threads > 1 && n_subpopulation > 64)
  {
    Matrix A(k, n_dim);
    Vector b(k);
    if (p.fit_intercept) A.col(0).setOnes();
#pragma omp for schedule(static)
    for (Index s = 0; s < n_subpopulation; ++s) {
      for (Index j = 0; j < k; ++j) {
        const Index row = subsets(s, j);
        A.row(j).tail(n_features) = X.row(row);
        b(j) = (*y)(row);
      }
      const Eigen::CompleteOrthogonalDecomposition<Matrix> cod(A);
      weights.row(s) = cod.solve(b).transpose();
    }
  }

  // Their spatial median.
  Vector center;
  if (n_dim == 1) {
    center = Vector::Constant(1, stats::median(weights.col(0)));
    out.n_iter = 1;
  } else {
    const double tol2 = p.tol * p.tol;  // the test is on the squared step
    Vector old = weights.colwise().mean().transpose();
    center = old;
    bool converged = false;
    for (Index iteration = 0; iteration < p.max_iter; ++iteration) {
      center = weiszfeld_step(weights, old);
      out.n_iter = iteration;
      if ((old - center).squaredNorm() < tol2) {
        converged = true;
        break;
      }
      old = center;
    }
    if (!converged)
      warn(WarningCategory::convergence,
           cat("Maximum number of iterations ", p.max_iter, " reached in spatial median for TheilSen regressor."));
  }
  if (p.fit_intercept) {
    out.intercept = center(0);
    out.coef = center.tail(n_features);
  } else {
    out.coef = center;
  }
  return out;
}

Vector TheilSenRegressor::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

}  // namespace scilearn::learn
