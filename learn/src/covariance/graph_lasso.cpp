#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/covariance/graph_lasso.hpp>
#include <scilearn/linalg/inv.hpp>
#include <vector>

namespace scilearn::learn {

namespace {

// The lasso in Gram form, min_w w'Qw / 2 - q'w + alpha |w|_1 (+ y'y / 2),
// by cyclic coordinate descent with gap-safe screening (Ndiaye et al. 2017,
// eq. 11), stopping when the duality gap is below tol y'y; the schedule of
// scikit-learn 1.9's enet_coordinate_descent_gram (beta = 0, alpha > 0):
// the gap is checked after a sweep whose largest change is at most tol
// times the largest coefficient, and on the last sweep.
class GramLasso {
 public:
  explicit GramLasso(Index n) : Qw_(n), XtA_(n), excluded_(static_cast<std::size_t>(n)) {
    active_.reserve(static_cast<std::size_t>(n));
  }

  void solve(Vector& w, double alpha, const Matrix& Q, const Vector& q, double yy, Index max_iter, double tol) {
    const Index n = w.size();
    Qw_.noalias() = Q * w;
    const double d_w_tol = tol;  // before scaling: yy may be 0
    tol *= yy;
    double gap = duality_gap(w, alpha, q, yy);
    if (gap >= 0 && gap <= tol) return;
    // First screening: every feature is a candidate.
    active_.clear();
    for (Index j = 0; j < n; ++j) {
      excluded_[static_cast<std::size_t>(j)] = 0;
      if (Q(j, j) == 0) {
        w(j) = 0;
        excluded_[static_cast<std::size_t>(j)] = 1;
      }
    }
    screen(w, alpha, Q, gap);
    for (Index it = 0; it < max_iter; ++it) {
      double w_max = 0, d_w_max = 0;
      for (const Index j : active_) {
        const double qjj = Q(j, j);
        if (qjj == 0) continue;
        const double old = w(j);
        const double t = q(j) - Qw_(j) + old * qjj;
        const double shrunk = std::max(std::abs(t) - alpha, 0.0);
        const double updated = (t > 0 ? shrunk : (t < 0 ? -shrunk : 0.0)) / qjj;
        w(j) = updated;
        if (updated != old) Qw_.noalias() += (updated - old) * Q.col(j);
        d_w_max = std::max(d_w_max, std::abs(updated - old));
        w_max = std::max(w_max, std::abs(updated));
      }
      if (w_max == 0 || d_w_max / w_max <= d_w_tol || it == max_iter - 1) {
        gap = duality_gap(w, alpha, q, yy);
        if (gap <= tol) break;
        screen(w, alpha, Q, gap);
      }
    }
  }

 private:
  // The duality gap of formulation A (a dual point scaled into the
  // feasible set); leaves X'R = q - Qw in XtA_ and returns its max norm in dual_.
  double duality_gap(const Vector& w, double alpha, const Vector& q, double yy) {
    XtA_ = q - Qw_;
    dual_ = XtA_.cwiseAbs().maxCoeff();
    const double q_dot_w = w.dot(q), wQw = w.dot(Qw_);
    const double R_norm2 = yy + wQw - 2.0 * q_dot_w;
    const double Ry = yy - q_dot_w;
    const double primal = 0.5 * R_norm2 + alpha * w.lpNorm<1>();
    const double scale = dual_ > alpha ? alpha / dual_ : 1.0;
    const double dual = -0.5 * scale * scale * R_norm2 + scale * Ry;
    return primal - dual;
  }

  // Keeps the features that the gap-safe sphere cannot exclude; an excluded
  // feature's coefficient becomes 0 for good.
  void screen(Vector& w, double alpha, const Matrix& Q, double gap) {
    const double radius = std::sqrt(2 * std::abs(gap)) / alpha;
    active_.clear();
    for (Index j = 0; j < w.size(); ++j) {
      auto& out = excluded_[static_cast<std::size_t>(j)];
      if (out) continue;
      const double theta = XtA_(j) / std::max(alpha, dual_);
      const double d = (1 - std::abs(theta)) / std::sqrt(Q(j, j));
      if (d <= radius) {
        active_.push_back(j);
      } else {
        if (w(j) != 0) {
          Qw_.noalias() -= w(j) * Q.col(j);
          w(j) = 0;
        }
        out = 1;
      }
    }
  }

  Vector Qw_, XtA_;
  double dual_ = 0;
  std::vector<Index> active_;
  std::vector<char> excluded_;
};

// The off-diagonal l1 norm.
double off_diagonal_l1(const Matrix& P) { return P.cwiseAbs().sum() - P.diagonal().cwiseAbs().sum(); }

double objective(const Matrix& S, const Matrix& P, double alpha) {
  const auto p = static_cast<double>(P.rows());
  return -2.0 * log_likelihood(S, P) + p * std::log(2 * std::numbers::pi) + alpha * off_diagonal_l1(P);
}

double dual_gap(const Matrix& S, const Matrix& P, double alpha) {
  return (S.array() * P.array()).sum() - static_cast<double>(P.rows()) + alpha * off_diagonal_l1(P);
}

void check_options(std::string_view where, double alpha, const GraphicalLassoOptions& o) {
  if (!(alpha >= 0)) throw ValueError(cat(where, ": alpha must be >= 0, got ", alpha));
  if (!(o.tol > 0)) throw ValueError(cat(where, ": tol must be > 0, got ", o.tol));
  if (!(o.enet_tol > 0)) throw ValueError(cat(where, ": enet_tol must be > 0, got ", o.enet_tol));
  if (o.max_iter < 0) throw ValueError(cat(where, ": max_iter must be >= 0, got ", o.max_iter));
  if (!(o.eps >= 0)) throw ValueError(cat(where, ": eps must be >= 0, got ", o.eps));
}

GraphicalLassoResult solve(const Matrix& S, double alpha, const GraphicalLassoOptions& o) {
  const Index p = S.rows();
  GraphicalLassoResult r;
  if (alpha == 0) {
    r.precision = linalg::inv(S);
    r.covariance = S;
    r.costs.resize(1, 2);
    r.costs(0, 0) = -2.0 * log_likelihood(S, r.precision) + static_cast<double>(p) * std::log(2 * std::numbers::pi);
    r.costs(0, 1) = (S.array() * r.precision.array()).sum() - static_cast<double>(p);
    r.n_iter = 0;
    return r;
  }
  Matrix W = 0.95 * S;
  W.diagonal() = S.diagonal();
  Matrix P = detail::pinvh(W);
  std::vector<Index> others(static_cast<std::size_t>(p - 1));
  Matrix sub(p - 1, p - 1);
  Vector row(p - 1), coefs(p - 1), column(p - 1);
  GramLasso lasso(p - 1);
  std::vector<std::array<double, 2>> costs;
  const Index lasso_iter = std::max<Index>(20, o.max_iter);
  Index i = 0;
  bool converged = false;
  double gap = std::numeric_limits<double>::infinity();
  for (i = 0; i < o.max_iter; ++i) {
    for (Index idx = 0; idx < p; ++idx) {
      for (Index k = 0, m = 0; k < p; ++k)
        if (k != idx) others[static_cast<std::size_t>(m++)] = k;
      sub = W(others, others);
      row = S(idx, others).transpose();
      coefs = -(P(others, idx) / (P(idx, idx) + 1000 * o.eps));
      lasso.solve(coefs, alpha, sub, row, row.squaredNorm(), lasso_iter, o.enet_tol);
      P(idx, idx) = 1.0 / (W(idx, idx) - W(others, idx).dot(coefs));
      column = -P(idx, idx) * coefs;
      P(others, idx) = column;
      P(idx, others) = column.transpose();
      column.noalias() = sub * coefs;
      W(idx, others) = column.transpose();
      W(others, idx) = column;
    }
    if (!std::isfinite(P.sum())) throw LinAlgError("The system is too ill-conditioned for this solver");
    gap = dual_gap(S, P, alpha);
    const double cost = objective(S, P, alpha);
    costs.push_back({cost, gap});
    if (std::abs(gap) < o.tol) {
      converged = true;
      break;
    }
    if (!std::isfinite(cost) && i > 0)
      throw LinAlgError("Non SPD result: the system is too ill-conditioned for this solver");
  }
  if (!converged) {
    warn(WarningCategory::convergence,
         cat("graphical_lasso: did not converge after ", o.max_iter, " iteration: dual gap: ", gap));
    i = std::max<Index>(i - 1, 0);  // the index of the last sweep, as scikit-learn's loop variable
  }
  r.covariance = std::move(W);
  r.precision = std::move(P);
  r.costs.resize(static_cast<Index>(costs.size()), 2);
  for (std::size_t k = 0; k < costs.size(); ++k) {
    r.costs(static_cast<Index>(k), 0) = costs[k][0];
    r.costs(static_cast<Index>(k), 1) = costs[k][1];
  }
  r.n_iter = i + 1;
  return r;
}

}  // namespace

GraphicalLassoResult graphical_lasso(const MatrixView& emp_cov, double alpha, const GraphicalLassoOptions& options) {
  constexpr std::string_view where = "graphical_lasso";
  check_square(where, "emp_cov", emp_cov);
  check_finite(where, "emp_cov", emp_cov);
  if (emp_cov.rows() < 2)
    throw ValueError(cat(where, ": emp_cov has ", emp_cov.rows(), " feature(s), a minimum of 2 is required"));
  check_options(where, alpha, options);
  return solve(emp_cov, alpha, options);
}

GraphicalLasso::Fitted GraphicalLasso::learn(const MatrixView& X, const VectorView*, const VectorView*) const {
  constexpr std::string_view where = "GraphicalLasso.fit";
  if (params_.mode != "cd") throw ValueError(cat(where, ": only mode 'cd' is provided, got '", params_.mode, "'"));
  if (params_.covariance && *params_.covariance != "precomputed")
    throw ValueError(cat(where, ": covariance must be 'precomputed' or None, got '", *params_.covariance, "'"));
  const GraphicalLassoOptions options{
      .tol = params_.tol, .enet_tol = params_.enet_tol, .max_iter = params_.max_iter, .eps = params_.eps};
  check_options(where, params_.alpha, options);
  if (X.rows() < 2)
    throw ValueError(cat("Found array with ", X.rows(), " sample(s) (shape=(", X.rows(), ", ", X.cols(),
                         ")) while a minimum of 2 is required by GraphicalLasso."));
  if (X.cols() < 2)
    throw ValueError(cat("Found array with ", X.cols(), " feature(s) (shape=(", X.rows(), ", ", X.cols(),
                         ")) while a minimum of 2 is required by GraphicalLasso."));
  Matrix S;
  Vector location;
  if (params_.covariance) {
    check_square(where, "X (a precomputed covariance)", X);
    S = X;
    location = Vector::Zero(X.cols());
  } else {
    S = empirical_covariance(X, params_.assume_centered);
    location = params_.assume_centered ? Vector::Zero(X.cols())
                                       : Vector(X.colwise().sum().transpose() / static_cast<double>(X.rows()));
  }
  GraphicalLassoResult r = solve(S, params_.alpha, options);
  Fitted s;
  s.n_features_in = X.cols();
  s.location = std::move(location);
  s.covariance = std::move(r.covariance);
  s.precision = std::move(r.precision);
  s.n_iter = r.n_iter;
  s.costs = std::move(r.costs);
  return s;
}

}  // namespace scilearn::learn
