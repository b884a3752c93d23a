#pragma once
// Coordinate descent for the elastic net (internal): the solvers behind
// ElasticNet, Lasso, enet_path, the CV estimators and the multi-task models.
//
// Every solver minimizes, in scikit-learn's unnormalized scaling,
//
//   P(w) = 1/2 ||y - X w||^2 + l1 ||w||_1 + l2 / 2 ||w||^2
//
// by cyclic (or random) coordinate descent (Friedman, Hastie & Tibshirani
// 2010), with scikit-learn 1.9's stopping rule: after a sweep whose largest
// coefficient change is at most tol times the largest coefficient (or at the
// last sweep), the duality gap G(w, v) is computed (Fercoq, Gramfort & Salmon
// 2015, dual point v = R scaled into the feasible set; for l1 = 0 Dünner et
// al. 2016's formulation) and the solver stops when G <= tol ||y||^2. The same
// gap drives the Gap Safe screening rules (Ndiaye et al. 2017, eq. 11), which
// drop features that are provably zero at the optimum.
//
// The three single-target variants share one driver and differ in how they
// keep the residual: a dense residual R = y - X w (columns of X contiguous),
// the Gram form (Q w kept up to date, Q = X'X), and a sparse CSC X whose
// centering X - 1 x_mean' is never formed: the residual is stored as
// u = s * (y - X w) plus one scalar c = x_mean . w (see SparseCd).

#include <cstdint>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <scilearn/learn/validation.hpp>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

/// Settings of one coordinate-descent solve.
struct CdSettings {
  double l1 = 0;  ///< alpha * l1_ratio * n_samples
  double l2 = 0;  ///< alpha * (1 - l1_ratio) * n_samples
  int max_iter = 1000;
  double tol = 1e-4;
  bool positive = false;
  bool random = false;     ///< selection = "random"
  std::uint64_t seed = 0;  ///< seed of the random selection
};

/// How a solve ended: the final duality gap (unnormalized), the gap
/// tolerance tol * ||y||^2 and the number of sweeps (scikit-learn's n_iter).
struct CdOutcome {
  double gap = 0;
  double tol = 0;
  Index n_iter = 0;
  bool converged = false;
};

/// Dense X (any scaling the caller chose; columns contiguous) and y.
/// Keeps the column norms and work vectors between solves (a path).
class DenseCd {
 public:
  /// norm2: the squared norms of the (centered) columns when the caller has
  /// them (else computed); mean: the column means to center X by implicitly
  /// (empty: none), y then being centered by the caller.
  /// xty: X'y of the centered X when the caller has it (saves a pass at w = 0).
  DenseCd(const MatrixView& X, const VectorView& y, Vector norm2 = Vector(), Vector mean = Vector(),
          Vector xty = Vector());
  CdOutcome solve(Vector& w, const CdSettings& settings);

 private:
  MatrixView X_;  // a view of the caller's matrix, which outlives the solver
  VectorView y_;
  Vector norm2_, mean_, initial_xta_, colsum_, R_, XtA_;
  double y_norm2_ = 0, y_sum_ = 0, c_ = 0, r_sum_ = 0;
  bool center_ = false, use_initial_ = false;
  std::vector<Index> active_, support_;
  std::vector<unsigned char> excluded_;
  friend struct DenseOps;
};

/// The Gram form: Q = X'X (full, symmetric), q = X'y and ||y||^2.
class GramCd {
 public:
  GramCd(const Matrix& Q, const Vector& q, double y_norm2);
  CdOutcome solve(Vector& w, const CdSettings& settings);

 private:
  const Matrix& Q_;  // owned by the caller, outlive the solver
  const Vector& q_;
  double y_norm2_;
  Vector norm2_, Qw_, XtA_;
  std::vector<Index> active_, support_;
  std::vector<unsigned char> excluded_;
  friend struct GramOps;
};

/// Sparse CSC X (compressed), implicitly centered by x_mean (zeros: no
/// centering), weights s (empty: all 1; they must sum to n for
/// scikit-learn's scaling, which the caller arranges) and y (already
/// centered by the weighted mean). The objective is
/// 1/2 sum_i s_i (y_i - (x_i - x_mean) . w)^2 + penalties.
class SparseCd {
 public:
  SparseCd(const CscMatrix& X, const VectorView& y, const Vector& sample_weight, const Vector& x_mean);
  CdOutcome solve(Vector& w, const CdSettings& settings);

 private:
  const CscMatrix& X_;  // compressed; owned by the caller, outlives the solver
  VectorView y_;
  Vector s_, mean_;
  bool center_ = false;
  Vector norm2_, colsw_, u_, XtA_;
  double c_ = 0, r_sum_ = 0, y_norm2_ = 0, sy_ = 0, s_sum_ = 0;
  std::vector<Index> active_, support_;
  std::vector<unsigned char> excluded_;
  friend struct SparseOps;
};

/// Multi-task (block) coordinate descent on dense X and Y (n x T), W is
/// T x p (scikit-learn's coef_ layout): the L1 norm becomes the sum of the
/// feature rows' L2 norms (||W||_21).
class MultiTaskCd {
 public:
  MultiTaskCd(const MatrixView& X, const MatrixView& Y);
  CdOutcome solve(Matrix& W, const CdSettings& settings);

 private:
  MatrixView X_;
  MatrixView Y_;
  Vector norm2_, row_norms_;
  Matrix R_, XtA_;
  double y_norm2_ = 0;
  std::vector<Index> active_;
  std::vector<unsigned char> excluded_;
};

/// scikit-learn's _alpha_grid from Xy (p x T; T = 1 for one target):
/// alpha_max = max_j ||Xy_j||_2 / (n_samples * l1_ratio) (with positive: the
/// largest positive entry), then n_alphas values from alpha_max down to
/// eps * alpha_max, log-spaced as numpy.geomspace computes them.
[[nodiscard]] Vector alpha_grid(const Matrix& Xy, double n_samples, double l1_ratio, double eps, Index n_alphas,
                                bool positive, std::string_view where);

/// The centered, sqrt(s)-scaled copy of X (scikit-learn's _preprocess_data
/// with _rescale_data), built in one pass (columns in parallel); s empty: no
/// scaling. With norm2, also the copy's squared column norms.
[[nodiscard]] Matrix center_scale(const MatrixView& X, const Vector& x_offset, const Vector& sqrt_s,
                                  Vector* norm2 = nullptr);

/// The column means of X and the squared norms of the centered columns, in
/// one pass (columns in parallel).
/// With yc (centered y), also xty = (X - 1 mean')' yc.
/// Returns whether every entry of X is finite (checked in the same pass).
[[nodiscard]] bool column_stats(const MatrixView& X, Vector& mean, Vector& norm2, const Vector* yc = nullptr,
                                Vector* xty = nullptr);

/// Q = A'A and Xy = A'b for A = sqrt(s) (X - x_offset), b = sqrt(s) (y -
/// y_offset) (columns of Y), accumulated over row blocks so X is never copied
/// whole; Q full symmetric.
void centered_gram(const MatrixView& X, const MatrixView& Y, const Vector& x_offset, const Vector& y_offset,
                   const Vector& sqrt_s, Matrix& Q, Matrix& Xy);

}  // namespace scilearn::learn::detail

namespace scilearn::learn::detail {

/// The solutions at each of `alphas` (decreasing), each solve warm-started
/// from the previous one: coefs (p x n_alphas), gaps divided by n_samples.
template <class Solver>
void solve_path(Solver& solver, const Vector& alphas, double l1_ratio, double n_samples, CdSettings settings, Vector& w,
                Matrix& coefs, Vector& dual_gaps, std::vector<Index>& n_iters) {
  const Index k = alphas.size();
  coefs.resize(w.size(), k);
  dual_gaps.resize(k);
  n_iters.assign(static_cast<std::size_t>(k), 0);
  for (Index i = 0; i < k; ++i) {
    settings.l1 = alphas(i) * l1_ratio * n_samples;
    settings.l2 = alphas(i) * (1.0 - l1_ratio) * n_samples;
    const CdOutcome out = solver.solve(w, settings);
    coefs.col(i) = w;
    dual_gaps(i) = out.gap / n_samples;
    n_iters[static_cast<std::size_t>(i)] = out.n_iter;
  }
}

/// The seed of selection = random: random_state, or fresh entropy.
std::uint64_t cd_seed(const std::optional<std::uint64_t>& random_state);

}  // namespace scilearn::learn::detail
