#include <Eigen/LU>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/covariance/empirical_covariance.hpp>
#include <scilearn/linalg/eigh.hpp>
#include <scilearn/linalg/svd.hpp>

namespace scilearn::learn {

namespace {

// The column means of X (its location).
Vector column_means(const MatrixView& X) { return X.colwise().sum().transpose() / static_cast<double>(X.rows()); }

// (X - location)^T (X - location) / n through one GEMM on the centred copy.
Matrix centred_gram(const MatrixView& X, const Vector* location) {
  Matrix out(X.cols(), X.cols());
  if (location) {
    const Matrix centred = X.rowwise() - location->transpose();
    out.noalias() = centred.transpose() * centred;
  } else {
    out.noalias() = X.transpose() * X;
  }
  out /= static_cast<double>(X.rows());
  return out;
}

void check_data(std::string_view where, const MatrixView& X) {
  check_non_empty(where, "X", X);
  check_finite(where, "X", X);
}

// trace(S) / p.
double mean_diagonal(const MatrixView& S) { return S.trace() / static_cast<double>(S.rows()); }

// The Ledoit-Wolf coefficient of X, centred already: the squared distance
// delta of the empirical covariance S to mu I and the estimate beta of its
// variance (Ledoit & Wolf 2004, lemmas 3.2-3.4), as scikit-learn computes
// them: beta_ = sum_i |x_i|^4 and delta_ = ||X^T X||_F^2 / n^2.
double ledoit_wolf_coefficient(const MatrixView& Xc) {
  const Index n = Xc.rows(), p = Xc.cols();
  if (p == 1) return 0.0;
  const auto nd = static_cast<double>(n), pd = static_cast<double>(p);
  const Vector trace_terms = Xc.array().square().colwise().sum().transpose() / nd;  // diag(S)
  const double mu = trace_terms.sum() / pd;
  Matrix gram(p, p);
  gram.noalias() = Xc.transpose() * Xc;
  double delta_ = gram.squaredNorm() / (nd * nd);
  const double beta_ = Xc.rowwise().squaredNorm().squaredNorm();
  double beta = 1.0 / (pd * nd) * (beta_ / nd - delta_);
  double delta = delta_ - 2.0 * mu * trace_terms.sum() + pd * mu * mu;
  delta /= pd;
  beta = std::min(beta, delta);
  return beta == 0 ? 0.0 : beta / delta;
}

Matrix shrink(Matrix S, double shrinkage) {
  const double mu = mean_diagonal(S);
  S *= 1.0 - shrinkage;
  S.diagonal().array() += shrinkage * mu;
  return S;
}

ShrunkCovarianceResult ledoit_wolf_centred(const MatrixView& Xc) {
  if (Xc.cols() == 1) return {Matrix::Constant(1, 1, Xc.squaredNorm() / static_cast<double>(Xc.rows())), 0.0};
  const double coefficient = ledoit_wolf_coefficient(Xc);
  return {shrink(centred_gram(Xc, nullptr), coefficient), coefficient};
}

ShrunkCovarianceResult oas_centred(const MatrixView& Xc) {
  const auto n = static_cast<double>(Xc.rows()), p = static_cast<double>(Xc.cols());
  if (Xc.cols() == 1) return {Matrix::Constant(1, 1, Xc.squaredNorm() / n), 0.0};
  Matrix S = centred_gram(Xc, nullptr);
  const double alpha = S.squaredNorm() / (p * p);
  const double mu = mean_diagonal(S);
  const double num = alpha + mu * mu;
  const double den = (n + 1) * (alpha - mu * mu / p);
  const double coefficient = den == 0 ? 1.0 : std::min(num / den, 1.0);
  return {shrink(std::move(S), coefficient), coefficient};
}

void check_shrinkage(std::string_view where, double shrinkage) {
  if (!(shrinkage >= 0 && shrinkage <= 1))
    throw ValueError(cat("The 'shrinkage' parameter of ", where, " must be a float in the range [0.0, 1.0]. Got ",
                         shrinkage, " instead."));
}

void check_block_size(std::string_view where, Index block_size) {
  if (block_size < 1)
    throw ValueError(cat("The 'block_size' parameter of ", where, " must be an int in the range [1, inf). Got ",
                         block_size, " instead."));
}

// The centred data and location of fit.
struct Centred {
  Vector location;
  Matrix X;
};
Centred centre(const MatrixView& X, bool assume_centered) {
  if (assume_centered) return {Vector::Zero(X.cols()), X};
  Vector location = column_means(X);
  Matrix Xc = X.rowwise() - location.transpose();
  return {std::move(location), std::move(Xc)};
}

}  // namespace

Matrix empirical_covariance(const MatrixView& X, bool assume_centered) {
  check_data("empirical_covariance", X);
  if (assume_centered) return centred_gram(X, nullptr);
  const Vector location = column_means(X);
  return centred_gram(X, &location);
}

double log_likelihood(const MatrixView& emp_cov, const MatrixView& precision) {
  check_square("log_likelihood", "emp_cov", emp_cov);
  check_square("log_likelihood", "precision", precision);
  if (emp_cov.rows() != precision.rows())
    throw ValueError(cat("log_likelihood: emp_cov is ", emp_cov.rows(), "x", emp_cov.cols(), " but precision is ",
                         precision.rows(), "x", precision.cols()));
  const auto p = static_cast<double>(precision.rows());
  const double logdet = detail::fast_logdet(precision);
  double result = -(emp_cov.array() * precision.array()).sum() + logdet;
  result -= p * std::log(2 * std::numbers::pi);
  return result / 2.0;
}

Matrix shrunk_covariance(const MatrixView& emp_cov, double shrinkage) {
  check_square("shrunk_covariance", "emp_cov", emp_cov);
  check_non_empty("shrunk_covariance", "emp_cov", emp_cov);
  check_shrinkage("shrunk_covariance", shrinkage);
  return shrink(emp_cov, shrinkage);
}

double ledoit_wolf_shrinkage(const MatrixView& X, bool assume_centered, Index block_size) {
  check_data("ledoit_wolf_shrinkage", X);
  check_block_size("ledoit_wolf_shrinkage", block_size);
  if (X.cols() == 1) return 0.0;
  if (assume_centered) return ledoit_wolf_coefficient(X);
  return ledoit_wolf_coefficient(centre(X, false).X);
}

ShrunkCovarianceResult ledoit_wolf(const MatrixView& X, bool assume_centered, Index block_size) {
  check_data("ledoit_wolf", X);
  check_block_size("ledoit_wolf", block_size);
  if (assume_centered) return ledoit_wolf_centred(X);
  return ledoit_wolf_centred(centre(X, false).X);
}

ShrunkCovarianceResult oas(const MatrixView& X, bool assume_centered) {
  check_data("oas", X);
  if (assume_centered) return oas_centred(X);
  return oas_centred(centre(X, false).X);
}

namespace detail {

double fast_logdet(const MatrixView& a) {
  if (a.size() == 0) return 0;
  const Eigen::PartialPivLU<Matrix> lu(a);
  const Matrix& f = lu.matrixLU();
  double sign = static_cast<double>(lu.permutationP().determinant());
  double sum = 0;
  for (Index i = 0; i < f.rows(); ++i) {
    const double d = f(i, i);
    if (d == 0 || !std::isfinite(d)) return -std::numeric_limits<double>::infinity();
    if (d < 0) sign = -sign;
    sum += std::log(std::abs(d));
  }
  return sign > 0 ? sum : -std::numeric_limits<double>::infinity();
}

Matrix pinvh(const Matrix& a) {
  const Index p = a.rows();
  if (p == 0) return a;
  auto [w, v] = linalg::eigh(a, {.check_finite = false});
  const double largest = w.cwiseAbs().maxCoeff();
  const double cut = static_cast<double>(p) * std::numeric_limits<double>::epsilon() * largest;
  Matrix scaled(p, p);
  Index kept = 0;
  for (Index j = 0; j < p; ++j)
    if (std::abs(w(j)) > cut) {
      scaled.col(kept) = v.col(j) / w(j);
      v.col(kept) = v.col(j);
      ++kept;
    }
  Matrix out(p, p);
  out.noalias() = scaled.leftCols(kept) * v.leftCols(kept).transpose();
  return out;
}

CovarianceFitted covariance_state(Vector location, Matrix covariance, bool store_precision, double shrinkage) {
  CovarianceFitted s;
  s.n_features_in = covariance.rows();
  s.location = std::move(location);
  if (store_precision) s.precision = pinvh(covariance);
  s.covariance = std::move(covariance);
  s.shrinkage = shrinkage;
  return s;
}

Matrix covariance_precision(const CovarianceFitted& s) {
  return s.precision.size() ? s.precision : pinvh(s.covariance);
}

double covariance_score(const CovarianceFitted& s, const MatrixView& X) {
  const Matrix test_cov = centred_gram(X, &s.location);
  return log_likelihood(test_cov, covariance_precision(s));
}

Vector covariance_mahalanobis(const CovarianceFitted& s, const MatrixView& X) {
  const Matrix centred = X.rowwise() - s.location.transpose();
  Matrix projected(X.rows(), X.cols());
  projected.noalias() = centred * covariance_precision(s);
  return (projected.array() * centred.array()).rowwise().sum();
}

double covariance_error_norm(const CovarianceFitted& s, const MatrixView& comp_cov, CovarianceErrorNorm norm,
                             bool scaling, bool squared) {
  check_shape("error_norm", "comp_cov", comp_cov, s.covariance.rows(), s.covariance.cols());
  const Matrix error = comp_cov - s.covariance;
  double squared_norm = 0;
  if (norm == CovarianceErrorNorm::frobenius) {
    squared_norm = error.squaredNorm();
  } else {
    const Matrix ete = error.transpose() * error;
    squared_norm = linalg::svdvals(ete).maxCoeff();
  }
  if (scaling) squared_norm /= static_cast<double>(error.rows());
  return squared ? squared_norm : std::sqrt(squared_norm);
}

void check_covariance_fitted(const CovarianceFitted& s) {
  const Index p = s.n_features_in;
  if (s.location.size() != p || s.covariance.rows() != p || s.covariance.cols() != p ||
      (s.precision.size() && (s.precision.rows() != p || s.precision.cols() != p)))
    throw ValueError("the shapes of location, covariance and precision disagree with n_features_in");
}

}  // namespace detail

EmpiricalCovariance::Fitted EmpiricalCovariance::learn(const MatrixView& X, const VectorView*,
                                                       const VectorView*) const {
  const Centred c = centre(X, params_.assume_centered);
  return detail::covariance_state(c.location, centred_gram(c.X, nullptr), params_.store_precision);
}

ShrunkCovariance::Fitted ShrunkCovariance::learn(const MatrixView& X, const VectorView*, const VectorView*) const {
  check_shrinkage("ShrunkCovariance", params_.shrinkage);
  const Centred c = centre(X, params_.assume_centered);
  return detail::covariance_state(c.location, shrink(centred_gram(c.X, nullptr), params_.shrinkage),
                                  params_.store_precision);
}

LedoitWolf::Fitted LedoitWolf::learn(const MatrixView& X, const VectorView*, const VectorView*) const {
  check_block_size("LedoitWolf", params_.block_size);
  const Centred c = centre(X, params_.assume_centered);
  ShrunkCovarianceResult r = ledoit_wolf_centred(c.X);
  return detail::covariance_state(c.location, std::move(r.covariance), params_.store_precision, r.shrinkage);
}

OAS::Fitted OAS::learn(const MatrixView& X, const VectorView*, const VectorView*) const {
  const Centred c = centre(X, params_.assume_centered);
  ShrunkCovarianceResult r = oas_centred(c.X);
  return detail::covariance_state(c.location, std::move(r.covariance), params_.store_precision, r.shrinkage);
}

}  // namespace scilearn::learn
