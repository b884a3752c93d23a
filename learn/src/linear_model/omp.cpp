#include <cmath>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/omp.hpp>
#include <string>
#include <utility>

#include "bayes_lars_detail.hpp"

namespace scilearn::learn {

namespace {

constexpr double min_float = std::numeric_limits<double>::epsilon();

void premature() {
  warn(WarningCategory::runtime,
       "Orthogonal matching pursuit ended prematurely due to linear dependence in the dictionary. The requested "
       "precision might not have been met.");
}

// Solves L L' x = b for the k x k lower factor in L's corner.
Vector cholesky_solve(const Matrix& L, Index k, const Vector& b) {
  const auto Lk = L.topLeftCorner(k, k);
  Vector x = Lk.triangularView<Eigen::Lower>().solve(b);
  Lk.triangularView<Eigen::Lower>().transpose().solveInPlace(x);
  return x;
}

// Appends row `row` (X_active' x_new, or the Gram row) to the factor: false
// when the new atom is dependent on the selected ones.
bool cholesky_append(Matrix& L, Index k, Vector row, double norm_squared) {
  if (k == 0) {
    L(0, 0) = std::sqrt(norm_squared);
    return true;
  }
  L.topLeftCorner(k, k).triangularView<Eigen::Lower>().solveInPlace(row);
  const double Lkk = norm_squared - row.squaredNorm();
  if (Lkk <= min_float) return false;
  L.row(k).head(k) = row.transpose();
  L(k, k) = std::sqrt(Lkk);
  return true;
}

// scikit-learn's _cholesky_omp: columns swapped into a private copy so the
// selected atoms lead.
OrthogonalMpResult cholesky_omp(const MatrixView& X_in, const VectorView& y, Index n_nonzero_coefs,
                                std::optional<double> tol) {
  Matrix X = X_in;
  const Index p = X.cols();
  Vector alpha = X.transpose() * y;
  Vector residual = y, gamma;
  std::vector<Index> indices(static_cast<std::size_t>(p));
  for (Index j = 0; j < p; ++j) indices[static_cast<std::size_t>(j)] = j;
  const Index max_features = tol ? p : n_nonzero_coefs;
  Matrix L = Matrix::Zero(max_features, max_features);
  Index n_active = 0;
  Vector correlation;
  while (true) {
    correlation.noalias() = X.transpose() * residual;
    Index lam = 0;
    correlation.cwiseAbs().maxCoeff(&lam);
    if (lam < n_active || alpha(lam) * alpha(lam) < min_float) {
      premature();
      break;
    }
    if (n_active > 0) {
      Vector row = X.leftCols(n_active).transpose() * X.col(lam);
      if (!cholesky_append(L, n_active, std::move(row), X.col(lam).squaredNorm())) {
        premature();
        break;
      }
    } else {
      L(0, 0) = X.col(lam).norm();
    }
    X.col(n_active).swap(X.col(lam));
    std::swap(alpha(n_active), alpha(lam));
    std::swap(indices[static_cast<std::size_t>(n_active)], indices[static_cast<std::size_t>(lam)]);
    ++n_active;
    gamma = cholesky_solve(L, n_active, alpha.head(n_active));
    residual = y;
    residual.noalias() -= X.leftCols(n_active) * gamma;
    if (tol && residual.squaredNorm() <= *tol) break;
    if (n_active == max_features) break;
  }
  OrthogonalMpResult out;
  out.coef = Vector::Zero(p);
  for (Index i = 0; i < n_active; ++i) out.coef(indices[static_cast<std::size_t>(i)]) = gamma(i);
  out.n_iter = n_active;
  return out;
}

// scikit-learn's _gram_omp: rows and columns of a private Gram copy swapped alike.
OrthogonalMpResult gram_omp(const MatrixView& Gram_in, const VectorView& Xy_in, Index n_nonzero_coefs,
                            std::optional<double> tol_0, std::optional<double> tol) {
  Matrix Gram = Gram_in;
  Vector Xy = Xy_in;
  const Index p = Gram.rows();
  std::vector<Index> indices(static_cast<std::size_t>(p));
  for (Index j = 0; j < p; ++j) indices[static_cast<std::size_t>(j)] = j;
  Vector alpha = Xy, gamma, beta;
  double tol_curr = tol_0.value_or(0), delta = 0;
  const Index max_features = tol ? p : n_nonzero_coefs;
  Matrix L = Matrix::Zero(max_features, max_features);
  Index n_active = 0;
  while (true) {
    Index lam = 0;
    alpha.cwiseAbs().maxCoeff(&lam);
    if (lam < n_active || alpha(lam) * alpha(lam) < min_float) {
      premature();
      break;
    }
    if (n_active > 0) {
      if (!cholesky_append(L, n_active, Gram.row(lam).head(n_active).transpose(), Gram(lam, lam))) {
        premature();
        break;
      }
    } else {
      L(0, 0) = std::sqrt(Gram(lam, lam));
    }
    Gram.row(n_active).swap(Gram.row(lam));
    Gram.col(n_active).swap(Gram.col(lam));
    std::swap(indices[static_cast<std::size_t>(n_active)], indices[static_cast<std::size_t>(lam)]);
    std::swap(Xy(n_active), Xy(lam));
    ++n_active;
    gamma = cholesky_solve(L, n_active, Xy.head(n_active));
    beta.noalias() = Gram.leftCols(n_active) * gamma;
    alpha = Xy - beta;
    if (tol) {
      // The squared residual norm, updated: ||y||^2 - gamma' X_a' y.
      tol_curr += delta;
      delta = gamma.dot(beta.head(n_active));
      tol_curr -= delta;
      if (std::abs(tol_curr) <= *tol) break;
    } else if (n_active == max_features) {
      break;
    }
  }
  OrthogonalMpResult out;
  out.coef = Vector::Zero(p);
  for (Index i = 0; i < n_active; ++i) out.coef(indices[static_cast<std::size_t>(i)]) = gamma(i);
  out.n_iter = n_active;
  return out;
}

Index atoms(std::string_view where, const OrthogonalMpOptions& o, Index p, bool at_least_one) {
  if (o.tol) {
    if (!(*o.tol >= 0)) throw ValueError(cat(where, ": tol must be >= 0, got ", *o.tol));
    return p;
  }
  const Index k = o.n_nonzero_coefs
                      ? *o.n_nonzero_coefs
                      : (at_least_one ? std::max<Index>(p / 10, 1) : static_cast<Index>(0.1 * static_cast<double>(p)));
  if (k < 1) throw ValueError(cat(where, ": the number of atoms must be positive, got ", k));
  if (k > p)
    throw ValueError(
        cat(where, ": the number of atoms (", k, ") cannot be more than the number of features (", p, ")"));
  return k;
}

}  // namespace

OrthogonalMpResult orthogonal_mp(const MatrixView& X, const VectorView& y, const OrthogonalMpOptions& options) {
  check_X_y("orthogonal_mp", X, y);
  const Index k = atoms("orthogonal_mp", options, X.cols(), true);
  if (options.precompute.resolve(X.rows(), X.cols())) {
    const Matrix Gram = bayes_lars_detail::gram_matrix(X);
    const Vector Xy = X.transpose() * y;
    std::optional<double> norms;
    if (options.tol) norms = y.squaredNorm();
    return gram_omp(Gram, Xy, k, norms, options.tol);
  }
  return cholesky_omp(X, y, k, options.tol);
}

OrthogonalMpResult orthogonal_mp_gram(const MatrixView& Gram, const VectorView& Xy, const OrthogonalMpOptions& options,
                                      std::optional<double> norms_squared) {
  const Index p = Xy.size();
  if (p == 0) throw ValueError("orthogonal_mp_gram: Xy is empty");
  if (Gram.rows() != p || Gram.cols() != p)
    throw ValueError(cat("orthogonal_mp_gram: Gram is ", Gram.rows(), "x", Gram.cols(), " but Xy has ", p, " entries"));
  if (!Gram.allFinite() || !Xy.allFinite()) throw ValueError("orthogonal_mp_gram: Gram or Xy contains NaN or infinity");
  if (options.tol && !norms_squared)
    throw ValueError(
        "orthogonal_mp_gram: Gram OMP needs the precomputed norms in order to evaluate the error sum of squares");
  const Index k = atoms("orthogonal_mp_gram", options, p, false);
  return gram_omp(Gram, Xy, k, norms_squared, options.tol);
}

OrthogonalMatchingPursuit::Fitted OrthogonalMatchingPursuit::learn(const MatrixView& X_in, const VectorView* y_in,
                                                                   const VectorView* sample_weight) const {
  bayes_lars_detail::reject_sample_weight(class_name, sample_weight);
  if (!y_in) throw ValueError("OrthogonalMatchingPursuit.fit: y is required");
  const Index n = X_in.rows(), p = X_in.cols();
  OrthogonalMpOptions options{.n_nonzero_coefs = params_.n_nonzero_coefs, .tol = params_.tol};
  Fitted out;
  out.n_features_in = p;
  if (params_.tol)
    out.n_nonzero_coefs = -1;
  else
    out.n_nonzero_coefs = params_.n_nonzero_coefs ? *params_.n_nonzero_coefs : std::max<Index>(p / 10, 1);
  options.n_nonzero_coefs = out.n_nonzero_coefs > 0 ? std::optional<Index>(out.n_nonzero_coefs) : std::nullopt;
  const Index k = atoms("OrthogonalMatchingPursuit", options, p, true);
  const bayes_lars_detail::CenteredData data = bayes_lars_detail::center_data(X_in, *y_in, params_.fit_intercept);
  OrthogonalMpResult result;
  if (params_.precompute.resolve(n, p)) {
    const Matrix Gram = bayes_lars_detail::gram_matrix(data.X);
    const Vector Xy = data.X.transpose() * data.y;
    std::optional<double> norms;
    if (params_.tol) norms = data.y.squaredNorm();
    result = gram_omp(Gram, Xy, k, norms, params_.tol);
  } else {
    result = cholesky_omp(data.X, data.y, k, params_.tol);
  }
  out.coef = std::move(result.coef);
  out.n_iter = result.n_iter;
  out.intercept = params_.fit_intercept ? data.y_offset - data.x_offset.dot(out.coef) : 0.0;
  return out;
}

void OrthogonalMatchingPursuit::check_fitted(const Fitted& s) {
  if (s.multi_target) {
    const Index t = s.coef_targets.rows();
    if (s.coef_targets.cols() != s.n_features_in || s.intercept_targets.size() != t ||
        static_cast<Index>(s.n_iter_targets.size()) != t)
      throw ValueError("the multi-target state's sizes disagree");
    return;
  }
  if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
}

void OrthogonalMatchingPursuit::fit_targets(const MatrixView& X, const MatrixView& Y) {
  const std::string where = "OrthogonalMatchingPursuit.fit";
  check_X(where, X);
  if (Y.rows() != X.rows()) throw ValueError(cat(where, ": X has ", X.rows(), " samples but Y has ", Y.rows()));
  if (Y.cols() == 0) throw ValueError(cat(where, ": Y has no target (", Y.rows(), "x0)"));
  if (!Y.allFinite()) throw ValueError(cat(where, ": Y contains NaN or infinity"));
  const Index n = X.rows(), p = X.cols(), targets = Y.cols();
  Fitted out;
  out.n_features_in = p;
  out.multi_target = true;
  out.n_nonzero_coefs =
      params_.tol ? -1 : (params_.n_nonzero_coefs ? *params_.n_nonzero_coefs : std::max<Index>(p / 10, 1));
  OrthogonalMpOptions options{.tol = params_.tol};
  if (out.n_nonzero_coefs > 0) options.n_nonzero_coefs = out.n_nonzero_coefs;
  const Index k = atoms("OrthogonalMatchingPursuit", options, p, true);
  Vector x_offset = Vector::Zero(p), y_offset = Vector::Zero(targets);
  Matrix Xc = X, Yc = Y;
  if (params_.fit_intercept) {
    x_offset = X.colwise().mean().transpose();
    y_offset = Y.colwise().mean().transpose();
    Xc.rowwise() -= x_offset.transpose();
    Yc.rowwise() -= y_offset.transpose();
  }
  const bool use_gram = params_.precompute.resolve(n, p);
  const Matrix Gram = use_gram ? bayes_lars_detail::gram_matrix(Xc) : Matrix();
  const Matrix XY = use_gram ? Matrix(Xc.transpose() * Yc) : Matrix();
  out.coef_targets.resize(targets, p);
  for (Index t = 0; t < targets; ++t) {
    OrthogonalMpResult result;
    if (use_gram) {
      std::optional<double> norms;
      if (params_.tol) norms = Yc.col(t).squaredNorm();
      result = gram_omp(Gram, XY.col(t), k, norms, params_.tol);
    } else {
      result = cholesky_omp(Xc, Yc.col(t), k, params_.tol);
    }
    out.coef_targets.row(t) = result.coef.transpose();
    out.n_iter_targets.push_back(result.n_iter);
  }
  out.intercept_targets =
      params_.fit_intercept ? Vector(y_offset - out.coef_targets * x_offset) : Vector::Zero(targets);
  fitted_ = std::move(out);
}

Vector OrthogonalMatchingPursuit::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  if (state.multi_target)
    throw ValueError(cat("OrthogonalMatchingPursuit.predict: the model was fitted on ", state.coef_targets.rows(),
                         " targets; use predict_targets"));
  return (X * state.coef).array() + state.intercept;
}

Matrix OrthogonalMatchingPursuit::predict_targets(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  if (!state.multi_target) {
    Matrix out(X.rows(), 1);
    out.col(0) = (X * state.coef).array() + state.intercept;
    return out;
  }
  Matrix out = X * state.coef_targets.transpose();
  out.rowwise() += state.intercept_targets.transpose();
  return out;
}

}  // namespace scilearn::learn
