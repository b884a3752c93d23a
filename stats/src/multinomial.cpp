// multinomial and dirichlet: closed forms on lgamma / digamma (Boost.Math).

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/discrete_distributions.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/multivariate.hpp>
#include <utility>

#include "distribution_support.hpp"

namespace scilearn::stats {

namespace {

using detail::kInf;
using detail::kNaN;
using detail::xlogy;
double lgamma(double x) { return boost::math::lgamma(x, detail::Policy()); }
double digamma(double x) { return boost::math::digamma(x, detail::Policy()); }

}  // namespace

// ---- multinomial ------------------------------------------------------------

// SciPy: where p does not sum to 1 within 10 eps the last entry becomes
// 1 - sum of the others (with a FutureWarning); then n < 0 or an entry
// outside [0, 1] makes the parameters invalid.
Multinomial::Multinomial(Index n, Vector p) : n_(n), p_(std::move(p)), valid_(false) {
  check_non_empty("multinomial", "p", p_);
  const Index k = p_.size();
  if (std::abs(1 - p_.sum()) > 10 * std::numeric_limits<double>::epsilon()) {
    warn(WarningCategory::user, "multinomial: p does not sum to 1 within 10 eps; its last entry is replaced by 1 - "
                                "the sum of the others (SciPy 1.17 does the same, with a FutureWarning)");
    p_(k - 1) = 1 - p_.head(k - 1).sum();
  }
  valid_ = n_ >= 0 && (p_.array() >= 0).all() && (p_.array() <= 1).all();
}

Multinomial multinomial(Index n, Vector p) { return Multinomial(n, std::move(p)); }

double Multinomial::logpmf(const Vector& x) const {
  if (x.size() != p_.size()) {
    throw ValueError(cat("multinomial.logpmf: x has ", x.size(), " entries, p ", p_.size()));
  }
  if (!valid_ || x.hasNaN()) return kNaN;
  // Counts must be non-negative integers summing to n (SciPy: else -inf).
  double total = 0;
  for (Index i = 0; i < x.size(); ++i) {
    if (x(i) < 0 || x(i) != std::floor(x(i))) return -kInf;
    total += x(i);
  }
  if (total != static_cast<double>(n_)) return -kInf;
  double out = lgamma(static_cast<double>(n_) + 1);
  for (Index i = 0; i < x.size(); ++i) out += xlogy(x(i), p_(i)) - lgamma(x(i) + 1);
  return out;
}

double Multinomial::pmf(const Vector& x) const { return std::exp(logpmf(x)); }

Vector Multinomial::mean() const {
  return valid_ ? Vector(static_cast<double>(n_) * p_) : Vector::Constant(p_.size(), kNaN);
}

Matrix Multinomial::cov() const {
  if (!valid_) return Matrix::Constant(p_.size(), p_.size(), kNaN);
  const auto n = static_cast<double>(n_);
  Matrix out = -n * p_ * p_.transpose();
  out.diagonal() += n * p_;
  return out;
}

// H = -log n! - n sum p_i log p_i + sum_i sum_{x=1..n} binom(x; n, p_i) log x!
// (SciPy's expression).
double Multinomial::entropy() const {
  if (!valid_) return kNaN;
  const auto n = static_cast<double>(n_);
  double h = -lgamma(n + 1);
  for (Index i = 0; i < p_.size(); ++i) {
    h -= n * xlogy(p_(i), p_(i));
    const Binomial b = binom(n, p_(i));
    for (Index x = 1; x <= n_; ++x) h += b.pmf(static_cast<double>(x)) * lgamma(static_cast<double>(x) + 1);
  }
  return h;
}

// Category by category: x_i ~ binom(n - x_1 - ... - x_{i-1}, p_i / (p_i + ... + p_k)).
Matrix Multinomial::rvs(Index size, Generator& rng) const {
  if (size < 0) throw ValueError(cat("multinomial.rvs: size must be >= 0, got ", size));
  if (!valid_) throw ValueError("multinomial.rvs: the parameters are outside their domain");
  const Index k = p_.size();
  Matrix out = Matrix::Zero(size, k);
  for (Index r = 0; r < size; ++r) {
    double left = static_cast<double>(n_), mass = 1;
    for (Index i = 0; i + 1 < k && left > 0; ++i) {
      const double q = mass > 0 ? std::clamp(p_(i) / mass, 0.0, 1.0) : 0.0;
      out(r, i) = binom(left, q).rvs(1, rng)(0);
      left -= out(r, i);
      mass -= p_(i);
    }
    out(r, k - 1) = left;
  }
  return out;
}

Matrix Multinomial::rvs(Index size, std::optional<std::uint64_t> random_state) const {
  Generator rng = default_rng(random_state);
  return rvs(size, rng);
}

// ---- dirichlet --------------------------------------------------------------

Dirichlet::Dirichlet(Vector alpha) : alpha_(std::move(alpha)), log_beta_(0) {
  if (alpha_.size() < 2) throw ValueError(cat("dirichlet: alpha needs at least 2 entries, got ", alpha_.size()));
  for (Index i = 0; i < alpha_.size(); ++i) {
    if (!(alpha_(i) > 0) || !std::isfinite(alpha_(i))) {
      throw ValueError(cat("dirichlet: every entry of alpha must be > 0 and finite, entry ", i, " is ", alpha_(i)));
    }
    log_beta_ += lgamma(alpha_(i));
  }
  log_beta_ -= lgamma(alpha_.sum());
}

Dirichlet dirichlet(Vector alpha) { return Dirichlet(std::move(alpha)); }

double Dirichlet::logpdf(const Vector& given) const {
  const Index k = alpha_.size();
  if (given.size() != k && given.size() != k - 1) {
    throw ValueError(cat("dirichlet.logpdf: x must have ", k, " or ", k - 1, " entries, got ", given.size()));
  }
  Vector x(k);
  x.head(given.size()) = given;
  if (given.size() == k - 1) x(k - 1) = 1 - given.sum();
  if ((x.array() < 0).any()) throw ValueError("dirichlet.logpdf: each entry of x must be >= 0");
  if ((x.array() > 1).any()) throw ValueError("dirichlet.logpdf: each entry of x must be <= 1");
  for (Index i = 0; i < k; ++i) {
    if (x(i) == 0 && alpha_(i) < 1) {
      throw ValueError("dirichlet.logpdf: each entry of x must be > 0 where its alpha is below 1");
    }
  }
  if (std::abs(x.sum() - 1) > 1e-9) throw ValueError(cat("dirichlet.logpdf: x must lie on the simplex, its sum is ", x.sum()));
  double out = -log_beta_;
  for (Index i = 0; i < k; ++i) out += xlogy(alpha_(i) - 1, x(i));
  return out;
}

double Dirichlet::pdf(const Vector& x) const { return std::exp(logpdf(x)); }

Vector Dirichlet::mean() const { return alpha_ / alpha_.sum(); }

Vector Dirichlet::var() const {
  const double a0 = alpha_.sum();
  return (alpha_.array() * (a0 - alpha_.array()) / (a0 * a0 * (a0 + 1))).matrix();
}

Matrix Dirichlet::cov() const {
  const double a0 = alpha_.sum();
  const Vector m = mean();
  Matrix out = -m * m.transpose() / (a0 + 1);
  out.diagonal() = var();
  return out;
}

// log B(alpha) + (a0 - k) psi(a0) - sum (alpha_i - 1) psi(alpha_i).
double Dirichlet::entropy() const {
  const double a0 = alpha_.sum();
  const auto k = static_cast<double>(alpha_.size());
  double h = log_beta_ + (a0 - k) * digamma(a0);
  for (Index i = 0; i < alpha_.size(); ++i) h -= (alpha_(i) - 1) * digamma(alpha_(i));
  return h;
}

Matrix Dirichlet::rvs(Index size, Generator& rng) const {
  if (size < 0) throw ValueError(cat("dirichlet.rvs: size must be >= 0, got ", size));
  Matrix out(size, alpha_.size());
  for (Index r = 0; r < size; ++r) {
    for (Index i = 0; i < alpha_.size(); ++i) out(r, i) = Gamma::standard_gamma(alpha_(i), rng);
    out.row(r) /= out.row(r).sum();
  }
  return out;
}

Matrix Dirichlet::rvs(Index size, std::optional<std::uint64_t> random_state) const {
  Generator rng = default_rng(random_state);
  return rvs(size, rng);
}

}  // namespace scilearn::stats
