#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/naive_bayes/gaussian_nb.hpp>
#include <string>

#include "metrics/label_utils.hpp"

namespace scilearn::learn {

namespace {

// One batch's statistics per class, and its unweighted column variances.
struct BatchStats {
  Vector n;           // samples per class
  Vector weight;      // their weight sum (n without weights)
  Matrix mean;        // K x p, weighted
  Matrix var;         // K x p, weighted, about the weighted mean (0 where weight is 0)
  Vector column_var;  // p: numpy's X.var(axis=0)
};

// Two passes over X, columns in parallel: per-class sums, then per-class
// squared deviations. The unweighted column variance comes from the same
// sums (Chan, Golub & LeVeque's pairwise merge of the classes' sums of
// squares), so X is read twice in all. Four banks of sums break the chains
// of additions into one class's accumulator.
BatchStats batch_stats(const MatrixView& X, const std::vector<Index>& codes, const VectorView* sample_weight, Index K) {
  const Index n = X.rows(), p = X.cols();
  const auto Ks = static_cast<std::size_t>(K);
  BatchStats s{Vector::Zero(K), Vector::Zero(K), Matrix::Zero(K, p), Matrix::Zero(K, p), Vector::Zero(p)};
  for (Index i = 0; i < n; ++i) {
    const Index c = codes[static_cast<std::size_t>(i)];
    s.n(c) += 1;
    if (sample_weight) s.weight(c) += (*sample_weight)(i);
  }
  if (!sample_weight) s.weight = s.n;
  const double* w = sample_weight ? sample_weight->data() : nullptr;
  const Index* code = codes.data();
#pragma omp parallel for schedule(static)
  for (Index j = 0; j < p; ++j) {
    const double* x = X.col(j).data();
    std::vector<double> plain(4 * Ks, 0.0), weighted(w ? 4 * Ks : 0, 0.0);
    for (Index i = 0; i < n; ++i) {
      const auto at = static_cast<std::size_t>(i & 3) * Ks + static_cast<std::size_t>(code[i]);
      plain[at] += x[i];
      if (w) weighted[at] += w[i] * x[i];
    }
    const auto fold = [&](const std::vector<double>& bank, std::size_t c) {
      return (bank[c] + bank[Ks + c]) + (bank[2 * Ks + c] + bank[3 * Ks + c]);
    };
    std::vector<double> plain_mean(Ks, 0.0), mean(Ks, 0.0);
    double total = 0;
    for (std::size_t c = 0; c < Ks; ++c) {
      const auto k = static_cast<Index>(c);
      const double sum = fold(plain, c);
      total += sum;
      plain_mean[c] = s.n(k) > 0 ? sum / s.n(k) : 0.0;
      mean[c] = !w ? plain_mean[c] : (s.weight(k) > 0 ? fold(weighted, c) / s.weight(k) : 0.0);
    }
    std::fill(plain.begin(), plain.end(), 0.0);
    std::fill(weighted.begin(), weighted.end(), 0.0);
    for (Index i = 0; i < n; ++i) {
      const auto c = static_cast<std::size_t>(code[i]);
      const auto at = static_cast<std::size_t>(i & 3) * Ks + c;
      const double d = x[i] - plain_mean[c];
      plain[at] += d * d;
      if (w) {
        const double e = x[i] - mean[c];
        weighted[at] += w[i] * e * e;
      }
    }
    const double grand_mean = total / static_cast<double>(n);
    double ssd = 0;
    for (std::size_t c = 0; c < Ks; ++c) {
      const auto k = static_cast<Index>(c);
      const double plain_ssd = fold(plain, c);
      ssd += plain_ssd + s.n(k) * (plain_mean[c] - grand_mean) * (plain_mean[c] - grand_mean);
      s.mean(k, j) = mean[c];
      const double class_ssd = w ? fold(weighted, c) : plain_ssd;
      s.var(k, j) = s.weight(k) > 0 ? class_ssd / s.weight(k) : 0.0;
    }
    s.column_var(j) = ssd / static_cast<double>(n);
  }
  return s;
}

void check_params(const GaussianNBParams& p) {
  if (!(p.var_smoothing >= 0))
    throw ValueError(cat("The 'var_smoothing' parameter of GaussianNB must be a float in the range [0.0, inf). Got ",
                         p.var_smoothing, " instead."));
}

// Features whose class means sit more than sqrt(kSeparated) standard
// deviations from the centre are summed directly (see the header).
constexpr double kSeparated = 64.0;

}  // namespace

void GaussianNB::check_fitted(const Fitted& s) {
  const Index K = s.classes.size(), p = s.n_features_in;
  if (K < 1 || s.theta.rows() != K || s.theta.cols() != p || s.var.rows() != K || s.var.cols() != p ||
      s.class_prior.size() != K || s.class_count.size() != K)
    throw ValueError("the shapes of theta, var, class_prior and class_count disagree with the classes and features");
  detail::nb_check_classes(s.classes);
}

GaussianNB::Fitted GaussianNB::update(const Params& p, const Fitted* previous, const MatrixView& X, const VectorView& y,
                                      const std::vector<Index>& codes, const Vector& classes,
                                      const VectorView* sample_weight) {
  check_params(p);
  const Index K = classes.size(), n_features = X.cols();
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (codes[i] < 0) {
      std::vector<double> unknown;
      for (std::size_t r = 0; r < codes.size(); ++r)
        if (codes[r] < 0) unknown.push_back(y(static_cast<Index>(r)));
      const detail::Labels missing = detail::sorted_unique(std::move(unknown));
      throw ValueError(cat("GaussianNB.partial_fit: The target label(s) ", detail::labels_text(missing),
                           " in y do not exist in the initial classes ",
                           detail::labels_text(detail::Labels(classes.data(), classes.data() + K))));
    }
  Fitted out;
  if (previous) {
    out = *previous;
  } else {
    out.n_features_in = n_features;
    out.classes = classes;
    out.theta = Matrix::Zero(K, n_features);
    out.var = Matrix::Zero(K, n_features);
    out.class_count = Vector::Zero(K);
    if (p.priors) {
      const Eigen::Map<const Vector> priors(p.priors->data(), static_cast<Index>(p.priors->size()));
      if (priors.size() != K)
        throw ValueError(
            cat("Number of priors must match number of classes (", priors.size(), " priors, ", K, " classes)."));
      // numpy.isclose(sum, 1): |sum - 1| <= 1e-8 + 1e-5.
      if (!(std::abs(priors.sum() - 1.0) <= 1e-8 + 1e-5))
        throw ValueError(cat("The sum of the priors should be 1 (got ", priors.sum(), ")."));
      if ((priors.array() < 0).any()) throw ValueError("Priors must be non-negative.");
      out.class_prior = priors;
    } else {
      out.class_prior = Vector::Zero(K);
    }
  }
  const BatchStats batch = batch_stats(X, codes, sample_weight, K);
  // A NaN or Inf in X poisons its class's sums and the column variances
  // (fit leaves the check of X to this pass).
  if (!batch.column_var.allFinite() || !batch.mean.allFinite()) check_finite("GaussianNB.fit", "X", X);
  // As scikit-learn: this batch's epsilon replaces the previous one, and is
  // taken off the variances before the merge (so a later batch with another
  // spread shifts them by the difference).
  out.epsilon = p.var_smoothing * batch.column_var.maxCoeff();
  if (previous) out.var.array() -= out.epsilon;
  for (Index c = 0; c < K; ++c) {
    if (batch.n(c) == 0) continue;  // not in this batch
    const double n_new = batch.weight(c), n_past = out.class_count(c);
    out.class_count(c) += n_new;
    // numpy.isclose(n_new, 0): a class of (nearly) no weight keeps its statistics.
    if (sample_weight && std::abs(n_new) <= 1e-8) continue;
    if (n_past == 0) {
      out.theta.row(c) = batch.mean.row(c);
      out.var.row(c) = batch.var.row(c);
      continue;
    }
    const double n_total = n_past + n_new;
    const auto mu = out.theta.row(c).array();
    const auto new_mu = batch.mean.row(c).array();
    const Eigen::ArrayXXd ssd = n_past * out.var.row(c).array() + n_new * batch.var.row(c).array() +
                                (n_new * n_past / n_total) * (mu - new_mu).square();
    out.theta.row(c) = (n_new * new_mu + n_past * mu) / n_total;
    out.var.row(c) = ssd / n_total;
  }
  out.var.array() += out.epsilon;
  // scikit-learn divides by a zero variance and predicts NaN; we refuse it.
  for (Index c = 0; c < K; ++c)
    for (Index j = 0; j < n_features; ++j)
      if (out.class_count(c) > 0 && !(out.var(c, j) > 0))
        throw ValueError(cat("GaussianNB.fit: feature ", j, " of class ", classes(c),
                             " has variance 0 after smoothing (epsilon = ", out.epsilon,
                             "): every feature of the batch is constant, or var_smoothing is 0 and the feature is "
                             "constant within the class"));
  if (!p.priors) out.class_prior = out.class_count / out.class_count.sum();
  return out;
}

Matrix GaussianNB::joint_log_likelihood(const Params&, const Fitted& s, const MatrixView& X) {
  const Index n = X.rows(), p = X.cols(), K = s.classes.size();
  // The centre of each feature: the midpoint of the class means.
  const Eigen::RowVectorXd centre = 0.5 * (s.theta.colwise().minCoeff() + s.theta.colwise().maxCoeff());
  const Matrix t = s.theta.rowwise() - centre;  // K x p
  const Matrix inv_var = s.var.cwiseInverse();
  // Features for the GEMM (every class within sqrt(kSeparated) sd of the centre) and the rest.
  std::vector<Index> expanded, direct;
  for (Index j = 0; j < p; ++j)
    ((t.col(j).array().square() * inv_var.col(j).array()).maxCoeff() <= kSeparated ? expanded : direct).push_back(j);
  const auto g = static_cast<Index>(expanded.size());
  // Coefficients of [d^2, d] (2g x K), and the constant per class.
  Matrix W(2 * g, K);
  Vector constant = s.class_prior.array().log() - 0.5 * (2 * std::numbers::pi * s.var.array()).log().rowwise().sum();
  for (Index e = 0; e < g; ++e) {
    const Index j = expanded[static_cast<std::size_t>(e)];
    W.row(e) = -0.5 * inv_var.col(j).transpose();
    W.row(g + e) = (t.col(j).array() * inv_var.col(j).array()).transpose();
    constant -= 0.5 * (t.col(j).array().square() * inv_var.col(j).array()).matrix();
  }
  Matrix jll(n, K);
  const Index block = 2048;
  const Index n_blocks = (n + block - 1) / block;
  const int threads = static_cast<int>(std::max<Index>(1, std::min<Index>(omp_get_max_threads(), n_blocks)));
  const BlasThreadLimit limit(1);
#pragma omp parallel num_threads(threads)
  {
    Matrix A(block, 2 * g);
#pragma omp for schedule(static)
    for (Index b = 0; b < n_blocks; ++b) {
      const Index start = b * block, m = std::min(block, n - start);
      auto out = jll.middleRows(start, m);
      out.rowwise() = constant.transpose();
      if (g > 0) {
        for (Index e = 0; e < g; ++e) {
          const Index j = expanded[static_cast<std::size_t>(e)];
          A.col(g + e).head(m) = X.col(j).segment(start, m).array() - centre(j);
          A.col(e).head(m) = A.col(g + e).head(m).array().square();
        }
        out.noalias() += A.topRows(m) * W;
      }
      for (const Index j : direct) {
        const auto x = X.col(j).segment(start, m).array();
        for (Index c = 0; c < K; ++c) out.col(c).array() -= 0.5 * inv_var(c, j) * (x - s.theta(c, j)).square();
      }
    }
  }
  return jll;
}

}  // namespace scilearn::learn
