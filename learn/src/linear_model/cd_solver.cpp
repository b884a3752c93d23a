#include "linear_model/cd_solver.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <tuple>
#include <utility>

// BLAS level 1 through the declarations Eigen's BLAS support provides
// (EIGEN_USE_BLAS): OpenBLAS picks its widest SIMD kernel at run time, where
// Eigen's own loops are built for the baseline instruction set. The
// reference BLAS interface takes non-const pointers it does not write.

namespace scilearn::learn::detail {

namespace {

// x . y over n contiguous entries.
inline double dot(Index n, const double* x, const double* y) {
  int m = static_cast<int>(n), one = 1;
  return ddot_(&m, const_cast<double*>(x), &one, const_cast<double*>(y), &one);
}
// y += a x over n contiguous entries.
inline void axpy(Index n, double a, const double* x, double* y) {
  const int m = static_cast<int>(n), one = 1;
  daxpy_(&m, &a, x, &one, y, &one);
}

// The duality gap from the residual's pieces, as scikit-learn 1.9's
// gap_enet*: XtA holds X'R on entry (X'R - l2 w on exit when l1 > 0).
// Returns {gap, dual norm of XtA}.
std::pair<double, double> finish_gap(Vector& XtA, const Vector& w, double l1, double l2, double R_norm2, double Ry,
                                     bool positive) {
  const double w_l2 = l2 > 0 ? w.squaredNorm() : 0.0;
  if (l1 == 0) {
    const double norm = XtA.squaredNorm();
    if (l2 == 0) return {norm, norm};  // least squares: the first-order condition
    // Ridge: formulation B of the gap (Dünner et al. 2016).
    return {R_norm2 + 0.5 * l2 * w_l2 - Ry + norm / (2 * l2), norm};
  }
  if (l2 != 0) XtA -= l2 * w;
  const double dual_norm = positive ? XtA.maxCoeff() : XtA.cwiseAbs().maxCoeff();
  const double w_l1 = w.cwiseAbs().sum();
  const double primal = 0.5 * (R_norm2 + l2 * w_l2) + l1 * w_l1;
  const double scale = dual_norm > l1 ? l1 / dual_norm : 1.0;
  const double dual = -0.5 * scale * scale * (R_norm2 + l2 * w_l2) + scale * Ry;
  return {primal - dual, dual_norm};
}

void warn_not_converged(const CdOutcome& out, double l1) {
  std::string message =
      cat("Objective did not converge. You might want to increase the number of iterations, check the scale of the "
          "features or consider increasing regularisation. Duality gap: ",
          out.gap, ", tolerance: ", out.tol);
  if (l1 < std::numeric_limits<double>::epsilon())
    message +=
        "\nLinear regression models with a zero l1 penalization strength are more efficiently fitted using "
        "LinearRegression or Ridge instead.";
  warn(WarningCategory::convergence, std::move(message));
}

// The sweeps, the gap checks and the screening, shared by the dense, Gram and
// sparse solvers. Ops provides partial(j, w_j) = x_j . (R + w_j x_j),
// update(j, delta) for R -= delta x_j, and gap(w) -> {gap, dual norm} which
// also fills xta (X'R - l2 w).
template <class Ops>
CdOutcome run(Ops& ops, Vector& w, const Vector& norm2, const Vector& xta, std::vector<Index>& active,
              std::vector<unsigned char>& excluded, std::vector<Index>& support, const CdSettings& s, double tol,
              bool gram, bool working_set) {
  const Index p = w.size();
  const double l1 = s.l1, l2 = s.l2;
  const bool screening = l1 != 0;  // no screening without an L1 penalty
  CdOutcome out;
  out.tol = tol;
  // Plain variables, not a structured binding: the screening lambda captures
  // them (clang 14 cannot capture structured bindings).
  double gap = 0, dual_norm = 0;
  std::tie(gap, dual_norm) = ops.gap(w);
  out.gap = gap;
  // The Gram form's gap may come out negative from rounding on a singular Q.
  if (gram ? (gap >= 0 && gap <= tol) : gap <= tol) {
    out.converged = true;
    return out;
  }
  active.resize(static_cast<std::size_t>(p));
  excluded.assign(static_cast<std::size_t>(p), 0);
  Index n_active = p;
  std::iota(active.begin(), active.end(), Index{0});
  // Gap Safe screening (Ndiaye et al. 2017, eq. 11): feature j is zero at the
  // optimum when (1 - |x_j . theta|) / ||x_j|| > sqrt(2 gap) / l1.
  auto screen = [&](bool first) {
    const double radius = std::sqrt(2 * std::abs(gap)) / l1;
    const double denominator = std::max(l1, dual_norm);
    n_active = 0;
    for (Index j = 0; j < p; ++j) {
      auto& ex = excluded[static_cast<std::size_t>(j)];
      if (first) {
        if (norm2(j) == 0) {
          w(j) = 0;
          ex = 1;
          continue;
        }
      } else if (ex) {
        continue;
      }
      const double d_j = (1 - std::abs(xta(j) / denominator)) / std::sqrt(norm2(j) + l2);
      if (d_j <= radius) {
        active[static_cast<std::size_t>(n_active++)] = j;
        ex = 0;
      } else {
        if (w(j) != 0) {
          ops.update(j, -w(j));
          w(j) = 0;
        }
        ex = 1;
      }
    }
  };
  if (screening) screen(true);

  std::optional<Generator> rng;
  if (s.random) rng.emplace(s.seed);
  // The working set (with `working_set`): after a full sweep that is not yet
  // converged, sweep the non-zero coefficients only until their largest
  // change is below tol, then sweep all again (Friedman et al. 2010, sec.
  // 2.6). A full sweep reads every active column of X, a sweep of the
  // support only the support's: on a dense X that is most of the cost. The
  // stopping rule is scikit-learn's, checked after full sweeps only.
  support.clear();
  support.reserve(static_cast<std::size_t>(p));
  bool inner = false;
  Index n_iter = 0;
  bool converged = false;
  for (; n_iter < s.max_iter; ++n_iter) {
    double w_max = 0, d_w_max = 0;
    const Index count = inner ? static_cast<Index>(support.size()) : n_active;
    const Index* order = inner ? support.data() : active.data();
    for (Index f = 0; f < count; ++f) {
      const Index j = order[rng ? rng->integers(0, count) : f];
      const double n2 = norm2(j);
      if (n2 == 0) continue;
      const double w_j = w(j);
      const double tmp = ops.partial(j, w_j);
      double updated;
      if (s.positive && tmp < 0)
        updated = 0;
      else
        updated = std::copysign(std::max(std::abs(tmp) - l1, 0.0), tmp) / (n2 + l2);
      if (updated != w_j) {
        ops.update(j, updated - w_j);
        w(j) = updated;
      }
      d_w_max = std::max(d_w_max, std::abs(updated - w_j));
      w_max = std::max(w_max, std::abs(updated));
    }
    const bool small = w_max == 0 || d_w_max / w_max <= s.tol;
    if (inner) {
      if (small) inner = false;
      if (n_iter != s.max_iter - 1) continue;
    } else if (!small && working_set && n_iter != s.max_iter - 1) {
      support.clear();
      for (Index f = 0; f < n_active; ++f)
        if (w(active[static_cast<std::size_t>(f)]) != 0) support.push_back(active[static_cast<std::size_t>(f)]);
      inner = support.size() < static_cast<std::size_t>(n_active);
      continue;
    }
    if (small || n_iter == s.max_iter - 1) {
      std::tie(gap, dual_norm) = ops.gap(w);
      if (gap <= tol) {
        converged = true;
        break;
      }
      if (screening) screen(false);
    }
  }
  out.gap = gap;
  out.converged = converged;
  // scikit-learn counts the sweeps done, and 1 when max_iter is 0.
  out.n_iter = converged ? n_iter + 1 : std::max<Index>(s.max_iter, 1);
  if (!converged) warn_not_converged(out, l1);
  return out;
}

}  // namespace

// ---------------------------------------------------------------- dense

// With `mean` (fit_intercept, no weights) X is centered implicitly, as for
// sparse X: the residual y - (X - 1 m') w is kept as R + c with c = m . w, so
// x_j's centered product with it is x_j . R + c sum(x_j) - m_j sum(R + c), and
// the sum of the residual does not change (centered columns sum to 0). An
// update is one axpy on the contiguous column, and X is never copied. The
// products lose about eps n |c m_j| to cancellation, far below the solver's
// tolerances unless the offsets are extreme.
struct DenseOps {
  DenseCd& cd;
  double l1, l2;
  bool positive;
  double partial(Index j, double w_j) const {
    double tmp = dot(cd.R_.size(), cd.X_.col(j).data(), cd.R_.data()) + w_j * cd.norm2_(j);
    if (cd.center_) tmp += cd.c_ * cd.colsum_(j) - cd.mean_(j) * cd.r_sum_;
    return tmp;
  }
  void update(Index j, double delta) const {
    axpy(cd.R_.size(), -delta, cd.X_.col(j).data(), cd.R_.data());
    if (cd.center_) cd.c_ += cd.mean_(j) * delta;
  }
  std::pair<double, double> gap(const Vector& coef) const {
    if (cd.use_initial_) {
      // At w = 0 the residual is y: X'y came with the column statistics.
      cd.use_initial_ = false;
      cd.XtA_ = cd.initial_xta_;
      const double y_norm2 = cd.y_norm2_;
      return finish_gap(cd.XtA_, coef, l1, l2, y_norm2, y_norm2, positive);
    }
    cd.XtA_.noalias() = cd.X_.transpose() * cd.R_;
    double R_norm2, Ry;
    if (cd.center_) {
      cd.XtA_ += cd.c_ * cd.colsum_ - cd.r_sum_ * cd.mean_;
      R_norm2 = (cd.R_.array() + cd.c_).square().sum();
      Ry = cd.R_.dot(cd.y_) + cd.c_ * cd.y_sum_;
    } else {
      R_norm2 = cd.R_.squaredNorm();
      Ry = cd.R_.dot(cd.y_);
    }
    return finish_gap(cd.XtA_, coef, l1, l2, R_norm2, Ry, positive);
  }
};

DenseCd::DenseCd(const MatrixView& X, const VectorView& y, Vector norm2, Vector mean, Vector xty)
    : X_(X),
      y_(y),
      norm2_(std::move(norm2)),
      mean_(std::move(mean)),
      initial_xta_(std::move(xty)),
      R_(X.rows()),
      XtA_(X.cols()),
      y_norm2_(y.squaredNorm()) {
  center_ = mean_.size() == X.cols() && (mean_.array() != 0).any();
  if (norm2_.size() != X.cols()) {
    norm2_.resize(X.cols());
    for (Index j = 0; j < X.cols(); ++j)
      norm2_(j) = center_ ? (X.col(j).array() - mean_(j)).square().sum() : X.col(j).squaredNorm();
  }
  if (center_) {
    colsum_ = X.colwise().sum().transpose();
    y_sum_ = y.sum();
  }
}

CdOutcome DenseCd::solve(Vector& w, const CdSettings& s) {
  R_ = y_;
  c_ = 0;
  if (!w.isZero(0)) {
    R_.noalias() -= X_ * w;
    if (center_) c_ = mean_.dot(w);
  }
  r_sum_ = center_ ? R_.sum() + c_ * static_cast<double>(R_.size()) : 0.0;
  use_initial_ = initial_xta_.size() == w.size() && w.isZero(0);
  DenseOps ops{*this, s.l1, s.l2, s.positive};
  return run(ops, w, norm2_, XtA_, active_, excluded_, support_, s, s.tol * y_norm2_, false, true);
}

// ---------------------------------------------------------------- Gram

struct GramOps {
  GramCd& cd;
  double l1, l2;
  bool positive;
  double partial(Index j, double w_j) const { return cd.q_(j) - cd.Qw_(j) + w_j * cd.norm2_(j); }
  void update(Index j, double delta) const { axpy(cd.Qw_.size(), delta, cd.Q_.col(j).data(), cd.Qw_.data()); }
  std::pair<double, double> gap(const Vector& w) const {
    const double q_w = w.dot(cd.q_);
    const double wQw = w.dot(cd.Qw_);
    const double R_norm2 = cd.y_norm2_ + wQw - 2.0 * q_w;
    const double Ry = cd.y_norm2_ - q_w;
    cd.XtA_ = cd.q_ - cd.Qw_;
    return finish_gap(cd.XtA_, w, l1, l2, R_norm2, Ry, positive);
  }
};

GramCd::GramCd(const Matrix& Q, const Vector& q, double y_norm2)
    : Q_(Q), q_(q), y_norm2_(y_norm2), norm2_(Q.diagonal()), Qw_(Q.rows()), XtA_(Q.rows()) {}

CdOutcome GramCd::solve(Vector& w, const CdSettings& s) {
  if (w.isZero(0))
    Qw_.setZero();
  else
    Qw_.noalias() = Q_ * w;
  GramOps ops{*this, s.l1, s.l2, s.positive};
  return run(ops, w, norm2_, XtA_, active_, excluded_, support_, s, s.tol * y_norm2_, true, false);
}

// ---------------------------------------------------------------- sparse
//
// With weights s and centering m the weighted residual is
//   R_i = s_i (y_i - x_i . w + m . w) = u_i + s_i c,  u = s (y - X w), c = m . w,
// so x_j's centered inner product with R is
//   sum_i (X_ij - m_j) R_i = X_j . u + c a_j - m_j sum(R),  a_j = sum_i s_i X_ij,
// and sum(R) does not change (centered columns have weighted sum 0). An
// update of w_j touches u on x_j's non-zeros only and c: O(nnz_j), where
// forming R would cost O(n) per update.

struct SparseOps {
  SparseCd& cd;
  double l1, l2;
  bool positive;
  const double* values;
  const int* inner;
  const int* outer;
  bool weighted;
  double col_dot(Index j) const {
    double sum = 0;
    const double* u = cd.u_.data();
    for (int k = outer[j]; k < outer[j + 1]; ++k) sum += values[k] * u[inner[k]];
    return sum;
  }
  double partial(Index j, double w_j) const {
    double tmp = col_dot(j) + w_j * cd.norm2_(j);
    if (cd.center_) tmp += cd.c_ * cd.colsw_(j) - cd.mean_(j) * cd.r_sum_;
    return tmp;
  }
  void update(Index j, double delta) const {
    double* u = cd.u_.data();
    if (weighted) {
      const double* s = cd.s_.data();
      for (int k = outer[j]; k < outer[j + 1]; ++k) u[inner[k]] -= delta * values[k] * s[inner[k]];
    } else {
      for (int k = outer[j]; k < outer[j + 1]; ++k) u[inner[k]] -= delta * values[k];
    }
    if (cd.center_) cd.c_ += cd.mean_(j) * delta;
  }
  std::pair<double, double> gap(const Vector& w) const {
    const Index p = w.size();
    for (Index j = 0; j < p; ++j) {
      double v = col_dot(j);
      if (cd.center_) v += cd.c_ * cd.colsw_(j) - cd.mean_(j) * cd.r_sum_;
      cd.XtA_(j) = v;
    }
    double R_norm2 = 0;
    const double c = cd.c_;
    if (weighted) {
      for (Index i = 0; i < cd.u_.size(); ++i) {
        const double si = cd.s_(i);
        if (si != 0) {
          const double r = cd.u_(i) + si * c;
          R_norm2 += r * r / si;
        }
      }
    } else {
      R_norm2 = (cd.u_.array() + c).square().sum();
    }
    const double Ry = cd.u_.dot(cd.y_) + c * cd.sy_;
    return finish_gap(cd.XtA_, w, l1, l2, R_norm2, Ry, positive);
  }
};

SparseCd::SparseCd(const CscMatrix& X, const VectorView& y, const Vector& sample_weight, const Vector& x_mean)
    : X_(X), y_(y), s_(sample_weight), mean_(x_mean) {
  const Index n = X.rows(), p = X.cols();
  center_ = (mean_.array() != 0).any();
  const bool weighted = s_.size() > 0;
  s_sum_ = weighted ? s_.sum() : static_cast<double>(n);
  norm2_.resize(p);
  colsw_.resize(p);
  const double* values = X.valuePtr();
  const int* inner = X.innerIndexPtr();
  const int* outer = X.outerIndexPtr();
  for (Index j = 0; j < p; ++j) {
    double sq = 0, a = 0;
    for (int k = outer[j]; k < outer[j + 1]; ++k) {
      const double si = weighted ? s_(inner[k]) : 1.0;
      sq += si * values[k] * values[k];
      a += si * values[k];
    }
    colsw_(j) = a;
    const double m = mean_(j);
    // sum_i s_i (X_ij - m)^2 over all rows, zeros included.
    norm2_(j) = center_ ? sq - 2 * m * a + m * m * s_sum_ : sq;
    if (norm2_(j) < 0) norm2_(j) = 0;
  }
  y_norm2_ = weighted ? y_.dot(s_.cwiseProduct(y_)) : y_.squaredNorm();
  sy_ = weighted ? s_.dot(y_) : y_.sum();
  u_.resize(n);
  XtA_.resize(p);
}

CdOutcome SparseCd::solve(Vector& w, const CdSettings& s) {
  const bool weighted = s_.size() > 0;
  // u = s (y - X w), c = m . w, sum(R) = sum(u) + c sum(s).
  u_ = weighted ? Vector(s_.cwiseProduct(y_)) : Vector(y_);
  SparseOps ops{*this, s.l1, s.l2, s.positive, X_.valuePtr(), X_.innerIndexPtr(), X_.outerIndexPtr(), weighted};
  c_ = 0;
  for (Index j = 0; j < w.size(); ++j)
    if (w(j) != 0) ops.update(j, w(j));
  r_sum_ = center_ ? u_.sum() + c_ * s_sum_ : 0.0;
  return run(ops, w, norm2_, XtA_, active_, excluded_, support_, s, s.tol * y_norm2_, false, true);
}

// ---------------------------------------------------------------- multi-task

MultiTaskCd::MultiTaskCd(const MatrixView& X, const MatrixView& Y)
    : X_(X),
      Y_(Y),
      norm2_(X.colwise().squaredNorm().transpose()),
      row_norms_(X.cols()),
      R_(Y.rows(), Y.cols()),
      XtA_(Y.cols(), X.cols()),
      y_norm2_(Y.squaredNorm()) {}

CdOutcome MultiTaskCd::solve(Matrix& W, const CdSettings& s) {
  const Index p = X_.cols(), T = Y_.cols();
  const double l1 = s.l1, l2 = s.l2;
  R_ = Y_;
  if (!W.isZero(0)) R_.noalias() -= X_ * W.transpose();
  const double tol = s.tol * y_norm2_;
  // XtA = (X'R)' - l2 W (T x p); the dual norm is its largest column norm.
  auto gap_of = [&]() -> std::pair<double, double> {
    XtA_.noalias() = R_.transpose() * X_;
    const double R_norm2 = R_.squaredNorm();
    const double Ry = R_.cwiseProduct(Y_).sum();
    const double w_l2 = l2 > 0 ? W.squaredNorm() : 0.0;
    if (l1 == 0) {
      const double norm = XtA_.squaredNorm();
      if (l2 == 0) return {norm, norm};
      return {R_norm2 + 0.5 * l2 * w_l2 - Ry + norm / (2 * l2), norm};
    }
    if (l2 != 0) XtA_ -= l2 * W;
    row_norms_ = XtA_.colwise().norm().transpose();
    const double dual_norm = row_norms_.maxCoeff();
    const double w_l21 = W.colwise().norm().sum();
    const double primal = 0.5 * (R_norm2 + l2 * w_l2) + l1 * w_l21;
    const double scale = dual_norm > l1 ? l1 / dual_norm : 1.0;
    const double dual = -0.5 * scale * scale * (R_norm2 + l2 * w_l2) + scale * Ry;
    return {primal - dual, dual_norm};
  };
  CdOutcome out;
  out.tol = tol;
  double gap = 0, dual_norm = 0;  // captured below: no structured binding (clang 14)
  std::tie(gap, dual_norm) = gap_of();
  out.gap = gap;
  if (gap <= tol) {
    out.converged = true;
    return out;
  }
  const bool screening = l1 != 0;
  active_.resize(static_cast<std::size_t>(p));
  std::iota(active_.begin(), active_.end(), Index{0});
  excluded_.assign(static_cast<std::size_t>(p), 0);
  Index n_active = p;
  // Gap Safe rules for the multi-task Lasso (Ndiaye et al. 2015, eq. 2.2).
  auto screen = [&](bool first) {
    const double radius = std::sqrt(2 * std::abs(gap)) / l1;
    const double denominator = std::max(l1, dual_norm);
    n_active = 0;
    for (Index j = 0; j < p; ++j) {
      auto& ex = excluded_[static_cast<std::size_t>(j)];
      if (first) {
        if (norm2_(j) == 0) {
          W.col(j).setZero();
          ex = 1;
          continue;
        }
      } else if (ex) {
        continue;
      }
      const double d_j = (1 - row_norms_(j) / denominator) / std::sqrt(norm2_(j) + l2);
      if (d_j <= radius) {
        active_[static_cast<std::size_t>(n_active++)] = j;
        ex = 0;
      } else {
        if (!W.col(j).isZero(0)) {
          R_.noalias() += X_.col(j) * W.col(j).transpose();
          W.col(j).setZero();
        }
        ex = 1;
      }
    }
  };
  if (screening) screen(true);
  std::optional<Generator> rng;
  if (s.random) rng.emplace(s.seed);
  Vector tmp(T), old(T), delta(T);
  Index n_iter = 0;
  bool converged = false;
  for (; n_iter < s.max_iter; ++n_iter) {
    double w_max = 0, d_w_max = 0;
    for (Index f = 0; f < n_active; ++f) {
      const Index j = active_[static_cast<std::size_t>(rng ? rng->integers(0, n_active) : f)];
      const double n2 = norm2_(j);
      if (n2 == 0) continue;
      old = W.col(j);
      tmp.noalias() = R_.transpose() * X_.col(j);
      tmp += n2 * old;
      const double nn = tmp.norm();
      const double shrink = nn > 0 ? std::max(1.0 - l1 / nn, 0.0) / (n2 + l2) : 0.0;
      W.col(j) = shrink * tmp;
      delta = W.col(j) - old;
      if (!delta.isZero(0)) R_.noalias() -= X_.col(j) * delta.transpose();
      d_w_max = std::max(d_w_max, delta.cwiseAbs().maxCoeff());
      w_max = std::max(w_max, W.col(j).cwiseAbs().maxCoeff());
    }
    if (w_max == 0 || d_w_max / w_max <= s.tol || n_iter == s.max_iter - 1) {
      std::tie(gap, dual_norm) = gap_of();
      if (gap <= tol) {
        converged = true;
        break;
      }
      if (screening) screen(false);
    }
  }
  out.gap = gap;
  out.converged = converged;
  out.n_iter = converged ? n_iter + 1 : std::max<Index>(s.max_iter, 1);
  if (!converged) warn_not_converged(out, l1);
  return out;
}

// ---------------------------------------------------------------- helpers

Vector alpha_grid(const Matrix& Xy, double n_samples, double l1_ratio, double eps, Index n_alphas, bool positive,
                  std::string_view where) {
  if (l1_ratio == 0)
    throw ValueError(cat(where,
                         ": automatic alpha grid generation is not supported for l1_ratio=0; give the alphas "
                         "as a list"));
  double alpha_max;
  if (!positive)
    alpha_max = std::sqrt(Xy.rowwise().squaredNorm().maxCoeff()) / (n_samples * l1_ratio);
  else
    alpha_max = std::max(0.0, Xy.maxCoeff()) / (n_samples * l1_ratio);
  constexpr double resolution = 1e-15;  // numpy's finfo(float64).resolution
  if (alpha_max <= resolution) return Vector::Constant(n_alphas, resolution);
  // numpy.geomspace(alpha_max, alpha_max * eps, n_alphas): 10 ** linspace of
  // the logarithms, endpoints set exactly.
  Vector out(n_alphas);
  const double stop = alpha_max * eps;
  const double log_start = std::log10(alpha_max), log_stop = std::log10(stop);
  if (n_alphas == 1) {
    out(0) = alpha_max;
    return out;
  }
  const double step = (log_stop - log_start) / static_cast<double>(n_alphas - 1);
  for (Index i = 0; i < n_alphas; ++i) out(i) = std::pow(10.0, static_cast<double>(i) * step + log_start);
  out(0) = alpha_max;
  out(n_alphas - 1) = stop;
  return out;
}

Matrix center_scale(const MatrixView& X, const Vector& x_offset, const Vector& sqrt_s, Vector* norm2) {
  const Index n = X.rows(), p = X.cols();
  Matrix A(n, p);
  if (norm2) norm2->resize(p);
  // Columns are independent: any thread count gives the same A and norms.
  const int threads = static_cast<int>(std::min<Index>(effective_n_jobs(-1), std::max<Index>(1, n * p / 1000000)));
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1)
  for (Index j = 0; j < p; ++j) {
    if (sqrt_s.size())
      A.col(j) = (X.col(j).array() - x_offset(j)) * sqrt_s.array();
    else
      A.col(j) = X.col(j).array() - x_offset(j);
    if (norm2) (*norm2)(j) = A.col(j).squaredNorm();  // while the column is in cache
  }
  return A;
}

bool column_stats(const MatrixView& X, Vector& mean, Vector& norm2, const Vector* yc, Vector* xty) {
  const Index n = X.rows(), p = X.cols();
  mean.resize(p);
  norm2.resize(p);
  if (xty) xty->resize(p);
  bool finite = true;
  const int threads = static_cast<int>(std::min<Index>(effective_n_jobs(-1), std::max<Index>(1, n * p / 1000000)));
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1) reduction(&& : finite)
  for (Index j = 0; j < p; ++j) {
    const double m = X.col(j).mean();
    mean(j) = m;
    // While the column is in cache: its centered norm and product with y, and
    // its finiteness (x * 0 sums to 0 exactly when every x is finite).
    norm2(j) = (X.col(j).array() - m).square().sum();
    if (xty) (*xty)(j) = ((X.col(j).array() - m) * yc->array()).sum();
    finite = finite && (X.col(j).array() * 0.0).sum() == 0.0;
  }
  return finite;
}

void centered_gram(const MatrixView& X, const MatrixView& Y, const Vector& x_offset, const Vector& y_offset,
                   const Vector& sqrt_s, Matrix& Q, Matrix& Xy) {
  constexpr Index block_rows = 2048;
  const Index n = X.rows(), p = X.cols(), T = Y.cols();
  Q.setZero(p, p);
  Xy.setZero(p, T);
  Matrix a, b;
  for (Index start = 0; start < n; start += block_rows) {
    const Index rows = std::min(block_rows, n - start);
    a = X.middleRows(start, rows).rowwise() - x_offset.transpose();
    b = Y.middleRows(start, rows).rowwise() - y_offset.transpose();
    if (sqrt_s.size()) {
      a = sqrt_s.segment(start, rows).asDiagonal() * a;
      b = sqrt_s.segment(start, rows).asDiagonal() * b;
    }
    Q.selfadjointView<Eigen::Lower>().rankUpdate(a.transpose());
    Xy.noalias() += a.transpose() * b;
  }
  Q.triangularView<Eigen::StrictlyUpper>() = Q.transpose();
}

}  // namespace scilearn::learn::detail

namespace scilearn::learn::detail {

std::uint64_t cd_seed(const std::optional<std::uint64_t>& random_state) {
  if (random_state) return *random_state;
  return default_rng()();
}

}  // namespace scilearn::learn::detail
