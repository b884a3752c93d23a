#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/least_angle.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <string>
#include <utility>

#include "bayes_lars_detail.hpp"

namespace scilearn::learn {

namespace {

constexpr double tiny32 = FLT_MIN;  // keeps divisions by zero away, as scikit-learn
constexpr double equality_tolerance = FLT_EPSILON;
constexpr double huge = std::numeric_limits<double>::max();

// The smallest strictly positive entry; `huge` when there is none.
template <class V>
double min_pos(const V& values) {
  double best = huge;
  for (Index i = 0; i < values.size(); ++i)
    if (values(i) > 0 && values(i) < best) best = values(i);
  return best;
}

// numpy.around(x, 15): scikit-learn rounds the correlations with the
// equiangular direction to the precision of a double, so that ties in the
// next argmax do not depend on the last bits.
double round15(double x) {
  constexpr double scale = 1e15;
  return std::nearbyint(x * scale) / scale;
}

// Removes row and column `k` from the factor of L L' (k x k lower
// triangular, in the top-left corner of L): the rows below move up and
// Givens rotations on column pairs restore the triangle.
void cholesky_delete(Matrix& L, Index size, Index k) {
  for (Index i = k; i + 1 < size; ++i) L.row(i).head(size) = L.row(i + 1).head(size);
  for (Index j = k; j + 1 < size; ++j) {
    const double a = L(j, j), b = L(j, j + 1);
    const double r = std::hypot(a, b);
    if (r == 0) continue;
    const double c = a / r, s = b / r;
    for (Index i = j; i + 1 < size; ++i) {
      const double u = L(i, j), v = L(i, j + 1);
      L(i, j) = c * u + s * v;
      L(i, j + 1) = -s * u + c * v;
    }
    L(j, j + 1) = 0;
  }
}

// The solver. Columns of X (or rows and columns of Gram) are swapped in a
// private copy exactly as scikit-learn's solver swaps them, so that the active
// variables occupy the leading positions (contiguous blocks for BLAS) and the
// order of the inactive ones, which decides ties, is the same.
LarsPathResult solve_path(const MatrixView* X_in, const VectorView* y_in, const Vector& Xy, const Matrix* Gram_in,
                          Index n_samples, const LarsPathOptions& o) {
  const bool use_gram = Gram_in != nullptr;
  const bool lasso = o.method == LarsMethod::lasso;
  const Index p = Xy.size();
  const Index max_features = std::min(o.max_iter, p);
  Matrix X, Gram;
  if (use_gram)
    Gram = *Gram_in;
  else
    X = *X_in;
  const Vector& Xy_original = Xy;
  Vector cov = Xy;  // cov(k), k >= n_active: the inactive variable indices[k]'s correlation
  std::vector<Index> indices(static_cast<std::size_t>(p));
  for (Index j = 0; j < p; ++j) indices[static_cast<std::size_t>(j)] = j;
  std::vector<Index> active;
  Vector sign_active = Vector::Zero(std::max<Index>(max_features, 1));
  Matrix L = Matrix::Zero(std::max<Index>(max_features, 1), std::max<Index>(max_features, 1));
  std::vector<double> alphas;
  std::vector<Vector> coefs;
  alphas.reserve(static_cast<std::size_t>(max_features + 1));
  coefs.reserve(static_cast<std::size_t>(max_features + 1));
  alphas.push_back(0);
  coefs.push_back(Vector::Zero(p));

  auto swap_positions = [&](Index a, Index b) {
    if (a == b) return;
    std::swap(indices[static_cast<std::size_t>(a)], indices[static_cast<std::size_t>(b)]);
    if (use_gram) {
      Gram.row(a).swap(Gram.row(b));
      Gram.col(a).swap(Gram.col(b));
    } else {
      X.col(a).swap(X.col(b));
    }
  };

  Index n_iter = 0, n_active = 0;
  bool drop = false;
  std::vector<Index> idx;  // positions in `active` that leave at this step
  Vector least_squares, corr_eq_dir, eq_dir, row;
  while (true) {
    double C = 0, C_ = 0;
    Index C_idx = 0;
    const Index n_inactive = p - n_active;
    if (n_inactive > 0) {
      auto inactive = cov.segment(n_active, n_inactive);
      if (o.positive)
        inactive.maxCoeff(&C_idx);
      else
        inactive.cwiseAbs().maxCoeff(&C_idx);
      C_ = inactive(C_idx);
      C = o.positive ? C_ : std::abs(C_);
    }
    double& alpha = alphas[static_cast<std::size_t>(n_iter)];
    Vector& coef = coefs[static_cast<std::size_t>(n_iter)];
    alpha = C / static_cast<double>(n_samples);
    if (alpha <= o.alpha_min + equality_tolerance) {  // early stopping
      if (std::abs(alpha - o.alpha_min) > equality_tolerance) {
        if (n_iter > 0) {  // interpolate the last step to alpha_min
          const double prev_alpha = alphas[static_cast<std::size_t>(n_iter - 1)];
          const Vector& prev_coef = coefs[static_cast<std::size_t>(n_iter - 1)];
          const double ss = (prev_alpha - o.alpha_min) / (prev_alpha - alpha);
          coef = prev_coef + ss * (coef - prev_coef);
        }
        alpha = o.alpha_min;
      }
      break;
    }
    if (n_iter >= o.max_iter || n_active >= p) break;

    if (!drop) {
      // Append x_j to the Cholesky factor of Xa'Xa: L -> [L 0; w' z] with
      // L w = Xa' x_j and z = sqrt(||x_j||^2 - ||w||^2).
      sign_active(n_active) = o.positive ? 1.0 : (C_ > 0 ? 1.0 : (C_ < 0 ? -1.0 : 0.0));
      const Index m = n_active, nn = C_idx + n_active;
      std::swap(cov(nn), cov(m));
      swap_positions(nn, m);
      double c;
      if (use_gram) {
        c = Gram(m, m);
        row = Gram.row(m).head(m).transpose();
      } else {
        c = X.col(m).squaredNorm();
        row = X.leftCols(m).transpose() * X.col(m);
      }
      if (m > 0) L.topLeftCorner(m, m).triangularView<Eigen::Lower>().solveInPlace(row);
      L.row(m).head(m) = row.transpose();
      const double v = row.squaredNorm();
      const double diag = std::max(std::sqrt(std::abs(c - v)), o.eps);
      L(m, m) = diag;
      if (diag < 1e-7) {
        // The active set is nearly degenerate: this regressor is dropped
        // for good (its correlation zeroed), as in scikit-learn.
        warn(WarningCategory::convergence,
             cat("lars_path: regressors in active set degenerate. Dropping a regressor, after ", n_iter,
                 " iterations, i.e. alpha=", alpha, ", with an active set of ", n_active,
                 " regressors, and the smallest cholesky pivot element being ", diag,
                 ". Reduce max_iter or increase eps parameters."));
        cov(m) = 0;
        std::swap(cov(nn), cov(m));
        continue;
      }
      active.push_back(indices[static_cast<std::size_t>(m)]);
      ++n_active;
    }

    if (lasso && n_iter > 0 && alphas[static_cast<std::size_t>(n_iter - 1)] < alpha) {
      warn(WarningCategory::convergence,
           cat("lars_path: early stopping the lars path, as the residues are small and the current value of alpha "
               "is no longer well controlled. ",
               n_iter, " iterations, alpha=", alpha, ", previous alpha=", alphas[static_cast<std::size_t>(n_iter - 1)],
               ", with an active set of ", n_active, " regressors."));
      break;
    }

    // The equiangular direction: solve (Xa'Xa) w = sign, w scaled so that
    // Xa w has unit correlation with each active variable.
    const auto Lk = L.topLeftCorner(n_active, n_active);
    const Vector signs = sign_active.head(n_active);
    least_squares = Lk.triangularView<Eigen::Lower>().solve(signs);
    Lk.triangularView<Eigen::Lower>().transpose().solveInPlace(least_squares);
    double AA;
    if (least_squares.size() == 1 && least_squares(0) == 0) {
      least_squares(0) = 1;
      AA = 1.0;
    } else {
      AA = 1.0 / std::sqrt(least_squares.dot(signs));
      if (!std::isfinite(AA)) {
        // L is too ill-conditioned: add growing multiples of eps to its diagonal.
        Matrix L_ = Lk;
        for (int i = 0; !std::isfinite(AA); ++i) {
          L_.diagonal().array() += std::ldexp(1.0, i) * o.eps;
          least_squares = L_.triangularView<Eigen::Lower>().solve(signs);
          L_.triangularView<Eigen::Lower>().transpose().solveInPlace(least_squares);
          AA = 1.0 / std::sqrt(std::max(least_squares.dot(signs), o.eps));
        }
      }
      least_squares *= AA;
    }

    const Index n_rest = p - n_active;
    if (use_gram) {
      corr_eq_dir.noalias() = Gram.block(0, n_active, n_active, n_rest).transpose() * least_squares;
    } else {
      eq_dir.noalias() = X.leftCols(n_active) * least_squares;
      corr_eq_dir.noalias() = X.rightCols(n_rest).transpose() * eq_dir;
    }
    for (double& v : corr_eq_dir) v = round15(v);

    auto Cov = cov.segment(n_active, n_rest);
    const double g1 = min_pos(((C - Cov.array()) / (AA - corr_eq_dir.array() + tiny32)).matrix());
    double gamma;
    if (o.positive) {
      gamma = std::min(g1, C / AA);
    } else {
      const double g2 = min_pos(((C + Cov.array()) / (AA + corr_eq_dir.array() + tiny32)).matrix());
      gamma = std::min({g1, g2, C / AA});
    }

    // A coefficient that would cross zero before the next variable enters.
    drop = false;
    Vector z(n_active);
    for (Index i = 0; i < n_active; ++i)
      z(i) = -coef(active[static_cast<std::size_t>(i)]) / (least_squares(i) + tiny32);
    const double z_pos = min_pos(z);
    idx.clear();
    if (z_pos < gamma) {
      for (Index i = n_active - 1; i >= 0; --i)
        if (z(i) == z_pos) idx.push_back(i);  // descending, as scikit-learn's [::-1]
      for (const Index i : idx) sign_active(i) = -sign_active(i);
      if (lasso) gamma = z_pos;
      drop = true;
    }

    ++n_iter;
    alphas.push_back(0);
    coefs.push_back(Vector::Zero(p));
    const Vector& prev_coef = coefs[static_cast<std::size_t>(n_iter - 1)];
    Vector& next = coefs.back();
    for (Index i = 0; i < n_active; ++i) {
      const Index j = active[static_cast<std::size_t>(i)];
      next(j) = prev_coef(j) + gamma * least_squares(i);
    }
    Cov.noalias() -= gamma * corr_eq_dir;

    if (drop && lasso) {
      // Several coefficients may reach zero at the same step: they leave one
      // at a time, the highest position first (idx is descending), so the
      // positions still to remove stay valid. (scikit-learn removes them
      // together but shrinks the active set by one only.)
      for (const Index ii : idx) {
        cholesky_delete(L, n_active, ii);
        --n_active;
        const Index leaving = active[static_cast<std::size_t>(ii)];
        active.erase(active.begin() + ii);
        // The leaving variable moves to the first inactive position.
        for (Index i = ii; i < n_active; ++i) swap_positions(i, i + 1);
        if (use_gram) {
          // Its correlation, recomputed from the original Gram and X'y.
          double temp = Xy_original(leaving);
          for (Index j = 0; j < p; ++j) temp -= (*Gram_in)(leaving, j) * next(j);
          cov(n_active) = temp;
        } else {
          Vector residual = *y_in;
          for (Index i = 0; i < n_active; ++i) residual -= X.col(i) * next(active[static_cast<std::size_t>(i)]);
          cov(n_active) = X.col(n_active).dot(residual);
        }
        // sign_active loses entry ii (kept at its size with zeros).
        for (Index i = ii; i + 1 < sign_active.size(); ++i) sign_active(i) = sign_active(i + 1);
        sign_active(sign_active.size() - 1) = 0;
      }
    }
  }

  LarsPathResult out;
  out.n_iter = n_iter;
  out.alphas = Eigen::Map<const Vector>(alphas.data(), n_iter + 1);
  out.coefs.resize(p, n_iter + 1);
  for (Index k = 0; k <= n_iter; ++k) out.coefs.col(k) = coefs[static_cast<std::size_t>(k)];
  out.active = std::move(active);
  return out;
}

void check_options(std::string_view where, const LarsPathOptions& o) {
  if (o.method == LarsMethod::lar && o.positive)
    throw ValueError(cat(where, ": positive constraint not supported for 'lar' coding method"));
  if (o.max_iter < 0) throw ValueError(cat(where, ": max_iter must be >= 0, got ", o.max_iter));
  if (!(o.alpha_min >= 0)) throw ValueError(cat(where, ": alpha_min must be >= 0, got ", o.alpha_min));
  if (!(o.eps > 0)) throw ValueError(cat(where, ": eps must be > 0, got ", o.eps));
}

void check_gram(std::string_view where, const MatrixView& Gram, Index p) {
  if (Gram.rows() != p || Gram.cols() != p)
    throw ValueError(cat(where, ": Gram is ", Gram.rows(), "x", Gram.cols(), " but there are ", p, " features"));
  if (!Gram.allFinite()) throw ValueError(cat(where, ": Gram contains NaN or infinity"));
}

}  // namespace

LarsPathResult lars_path(const MatrixView& X, const VectorView& y, const LarsPathOptions& options) {
  check_X_y("lars_path", X, y);
  check_options("lars_path", options);
  const Vector Xy = X.transpose() * y;
  return solve_path(&X, &y, Xy, nullptr, y.size(), options);
}

LarsPathResult lars_path(const MatrixView& X, const VectorView& y, const MatrixView& Gram,
                         const LarsPathOptions& options) {
  check_X_y("lars_path", X, y);
  check_options("lars_path", options);
  check_gram("lars_path", Gram, X.cols());
  const Vector Xy = X.transpose() * y;
  const Matrix G = Gram;
  return solve_path(&X, &y, Xy, &G, y.size(), options);
}

LarsPathResult lars_path_gram(const VectorView& Xy, const MatrixView& Gram, Index n_samples,
                              const LarsPathOptions& options) {
  check_options("lars_path_gram", options);
  if (Xy.size() == 0) throw ValueError("lars_path_gram: Xy is empty");
  if (!Xy.allFinite()) throw ValueError("lars_path_gram: Xy contains NaN or infinity");
  if (n_samples < 1) throw ValueError(cat("lars_path_gram: n_samples must be >= 1, got ", n_samples));
  check_gram("lars_path_gram", Gram, Xy.size());
  const Vector xy = Xy;
  const Matrix G = Gram;
  return solve_path(nullptr, nullptr, xy, &G, n_samples, options);
}

namespace {

// The path on the centered data, as scikit-learn's Lars._fit (one target).
LarsFitted fit_lars(std::string_view where, const MatrixView& X_in, const VectorView& y_in, bool fit_intercept,
                    const GramPrecompute& precompute, const LarsPathOptions& options, bool fit_path) {
  check_options(where, options);
  const bayes_lars_detail::CenteredData data = bayes_lars_detail::center_data(X_in, y_in, fit_intercept);
  const Index n = data.X.rows(), p = data.X.cols();
  const Vector Xy = data.X.transpose() * data.y;
  LarsPathResult path;
  if (precompute.resolve(n, p)) {
    const Matrix Gram = bayes_lars_detail::gram_matrix(data.X);
    path = solve_path(nullptr, nullptr, Xy, &Gram, n, options);
  } else {
    const MatrixView X(data.X);
    const VectorView y(data.y);
    path = solve_path(&X, &y, Xy, nullptr, n, options);
  }
  LarsFitted out;
  out.n_features_in = p;
  out.coef = path.coefs.col(path.coefs.cols() - 1);
  out.n_iter = path.n_iter;
  if (fit_path) {
    out.alphas = std::move(path.alphas);
    out.active = std::move(path.active);
    out.coef_path = std::move(path.coefs);
  } else {
    out.alphas = path.alphas.tail(1);
  }
  out.intercept = fit_intercept ? data.y_offset - data.x_offset.dot(out.coef) : 0.0;
  return out;
}

}  // namespace

namespace detail {

LarsFitted fit_lars_targets(std::string_view where, const MatrixView& X_in, const MatrixView& Y_in, bool fit_intercept,
                            const GramPrecompute& precompute, const LarsPathOptions& options, bool fit_path) {
  const std::string fit_where = cat(where, ".fit");
  check_X(fit_where, X_in);
  if (Y_in.rows() != X_in.rows())
    throw ValueError(cat(fit_where, ": X has ", X_in.rows(), " samples but Y has ", Y_in.rows()));
  if (Y_in.cols() == 0) throw ValueError(cat(fit_where, ": Y has no target (", Y_in.rows(), "x0)"));
  if (!Y_in.allFinite()) throw ValueError(cat(fit_where, ": Y contains NaN or infinity"));
  check_options(where, options);
  const Index n = X_in.rows(), p = X_in.cols(), targets = Y_in.cols();
  Vector x_offset = Vector::Zero(p), y_offset = Vector::Zero(targets);
  Matrix X, Y;
  if (fit_intercept) {
    x_offset = X_in.colwise().mean().transpose();
    y_offset = Y_in.colwise().mean().transpose();
    X = X_in.rowwise() - x_offset.transpose();
    Y = Y_in.rowwise() - y_offset.transpose();
  } else {
    X = X_in;
    Y = Y_in;
  }
  // scikit-learn's Lars._get_gram: "auto" means the Gram matrix for several targets.
  const bool use_gram = precompute.is_auto() ? (targets > 1 || n > p) : precompute.resolve(n, p);
  const Matrix Gram = use_gram ? bayes_lars_detail::gram_matrix(X) : Matrix();
  const Matrix XY = X.transpose() * Y;
  LarsFitted out;
  out.n_features_in = p;
  out.multi_target = true;
  out.coef_targets.resize(targets, p);
  for (Index k = 0; k < targets; ++k) {
    const Vector Xy = XY.col(k);
    LarsPathResult path;
    if (use_gram) {
      path = solve_path(nullptr, nullptr, Xy, &Gram, n, options);
    } else {
      const MatrixView Xv(X);
      const Vector y = Y.col(k);
      const VectorView yv(y);
      path = solve_path(&Xv, &yv, Xy, nullptr, n, options);
    }
    out.coef_targets.row(k) = path.coefs.col(path.coefs.cols() - 1).transpose();
    out.n_iter_targets.push_back(path.n_iter);
    if (fit_path) {
      out.alphas_targets.push_back(std::move(path.alphas));
      out.active_targets.push_back(std::move(path.active));
      out.coef_path_targets.push_back(std::move(path.coefs));
    } else {
      out.alphas_targets.push_back(path.alphas.tail(1));
    }
  }
  out.intercept_targets = fit_intercept ? Vector(y_offset - out.coef_targets * x_offset) : Vector::Zero(targets);
  return out;
}

Matrix predict_lars_targets(const LarsFitted& state, const MatrixView& X) {
  if (!state.multi_target) {
    Matrix out(X.rows(), 1);
    out.col(0) = (X * state.coef).array() + state.intercept;
    return out;
  }
  Matrix out = X * state.coef_targets.transpose();
  out.rowwise() += state.intercept_targets.transpose();
  return out;
}

}  // namespace detail

namespace {

void reject_multi_target(std::string_view where, const LarsFitted& state) {
  if (state.multi_target)
    throw ValueError(
        cat(where, ".predict: the model was fitted on ", state.coef_targets.rows(), " targets; use predict_targets"));
}

}  // namespace

void Lars::check_fitted(const Fitted& s) {
  const Index p = s.n_features_in;
  if (s.multi_target) {
    const Index t = s.coef_targets.rows();
    if (s.coef_targets.cols() != p || s.intercept_targets.size() != t ||
        static_cast<Index>(s.n_iter_targets.size()) != t || static_cast<Index>(s.alphas_targets.size()) != t)
      throw ValueError("the multi-target state's sizes disagree");
    return;
  }
  if (s.coef.size() != p) throw ValueError("coef and n_features_in disagree");
  if (s.coef_path.size() != 0 && (s.coef_path.rows() != p || s.coef_path.cols() != s.alphas.size()))
    throw ValueError("coef_path and alphas disagree");
  for (const Index j : s.active)
    if (j < 0 || j >= p) throw ValueError("an active index is out of range");
}

namespace {

/// Y plus scikit-learn's jitter: noise uniform on [0, jitter) from
/// Generator(seed), one draw per sample, added to every column; Y itself
/// without jitter. Throws ValueError for a negative or non-finite jitter
/// (scikit-learn's range [0, inf); 0 adds nothing).
Matrix jittered(std::string_view where, const MatrixView& Y, const std::optional<double>& jitter,
                const std::optional<std::uint64_t>& seed) {
  if (!jitter) return Y;
  if (!(*jitter >= 0) || !std::isfinite(*jitter)) {
    throw ValueError(cat("The 'jitter' parameter of ", where, " must be a float in the range [0.0, inf) or None. Got ",
                         *jitter, " instead."));
  }
  Generator rng = default_rng(seed);
  Vector noise(Y.rows());
  for (Index i = 0; i < Y.rows(); ++i) noise(i) = rng.uniform(0.0, *jitter);
  return Y.colwise() + noise;
}

}  // namespace

Lars::Fitted Lars::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  bayes_lars_detail::reject_sample_weight(class_name, sample_weight);
  if (!y) throw ValueError("Lars.fit: y is required");
  if (params_.n_nonzero_coefs < 1)
    throw ValueError(cat("Lars: n_nonzero_coefs must be >= 1, got ", params_.n_nonzero_coefs));
  const Vector target = jittered(class_name, *y, params_.jitter, params_.random_state);
  return fit_lars("Lars", X, target, params_.fit_intercept, params_.precompute,
                  {.method = LarsMethod::lar, .max_iter = params_.n_nonzero_coefs, .alpha_min = 0, .eps = params_.eps},
                  params_.fit_path);
}

void Lars::fit_targets(const MatrixView& X, const MatrixView& Y) {
  if (params_.n_nonzero_coefs < 1)
    throw ValueError(cat("Lars: n_nonzero_coefs must be >= 1, got ", params_.n_nonzero_coefs));
  fitted_ = detail::fit_lars_targets(
      class_name, X, jittered(class_name, Y, params_.jitter, params_.random_state), params_.fit_intercept,
      params_.precompute,
      {.method = LarsMethod::lar, .max_iter = params_.n_nonzero_coefs, .alpha_min = 0, .eps = params_.eps},
      params_.fit_path);
}

Vector Lars::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  reject_multi_target(class_name, state);
  return (X * state.coef).array() + state.intercept;
}

LassoLars::Fitted LassoLars::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  bayes_lars_detail::reject_sample_weight(class_name, sample_weight);
  if (!y) throw ValueError("LassoLars.fit: y is required");
  if (!(params_.alpha >= 0)) throw ValueError(cat("LassoLars: alpha must be >= 0, got ", params_.alpha));
  const Vector target = jittered(class_name, *y, params_.jitter, params_.random_state);
  return fit_lars("LassoLars", X, target, params_.fit_intercept, params_.precompute,
                  {.method = LarsMethod::lasso,
                   .max_iter = params_.max_iter,
                   .alpha_min = params_.alpha,
                   .eps = params_.eps,
                   .positive = params_.positive},
                  params_.fit_path);
}

void LassoLars::fit_targets(const MatrixView& X, const MatrixView& Y) {
  if (!(params_.alpha >= 0)) throw ValueError(cat("LassoLars: alpha must be >= 0, got ", params_.alpha));
  fitted_ = detail::fit_lars_targets(class_name, X, jittered(class_name, Y, params_.jitter, params_.random_state),
                                     params_.fit_intercept, params_.precompute,
                                     {.method = LarsMethod::lasso,
                                      .max_iter = params_.max_iter,
                                      .alpha_min = params_.alpha,
                                      .eps = params_.eps,
                                      .positive = params_.positive},
                                     params_.fit_path);
}

Vector LassoLars::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  reject_multi_target(class_name, state);
  return (X * state.coef).array() + state.intercept;
}

void LassoLarsIC::check_fitted(const Fitted& s) {
  if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
  if (s.criterion.size() != s.alphas.size()) throw ValueError("criterion and alphas disagree");
}

LassoLarsIC::Fitted LassoLarsIC::learn(const MatrixView& X_in, const VectorView* y_in,
                                       const VectorView* sample_weight) const {
  bayes_lars_detail::reject_sample_weight(class_name, sample_weight);
  if (!y_in) throw ValueError("LassoLarsIC.fit: y is required");
  if (params_.noise_variance && !(*params_.noise_variance >= 0))
    throw ValueError(cat("LassoLarsIC: noise_variance must be >= 0, got ", *params_.noise_variance));
  const LarsPathOptions options{
      .method = LarsMethod::lasso, .max_iter = params_.max_iter, .eps = params_.eps, .positive = params_.positive};
  check_options("LassoLarsIC", options);
  const bayes_lars_detail::CenteredData data = bayes_lars_detail::center_data(X_in, *y_in, params_.fit_intercept);
  const Index n = data.X.rows(), p = data.X.cols();
  const Vector Xy = data.X.transpose() * data.y;
  LarsPathResult path;
  if (params_.precompute.resolve(n, p)) {
    const Matrix Gram = bayes_lars_detail::gram_matrix(data.X);
    path = solve_path(nullptr, nullptr, Xy, &Gram, n, options);
  } else {
    const MatrixView X(data.X);
    const VectorView y(data.y);
    path = solve_path(&X, &y, Xy, nullptr, n, options);
  }
  double noise_variance;
  if (params_.noise_variance) {
    noise_variance = *params_.noise_variance;
  } else {
    const Index fi = params_.fit_intercept ? 1 : 0;
    if (n <= p + fi)
      throw ValueError(cat("LassoLarsIC.fit: the noise variance cannot be estimated with ", n, " samples and ", p,
                           " features (n_samples must exceed n_features + fit_intercept); give noise_variance"));
    // An unpenalized least squares fit of the centered data, as scikit-learn.
    LinearRegression ols({.fit_intercept = false, .positive = params_.positive});
    ols.fit(data.X, data.y);
    noise_variance = (data.y - ols.predict(data.X)).squaredNorm() / static_cast<double>(n - p - fi);
  }
  const double factor = params_.criterion == InformationCriterion::aic ? 2.0 : std::log(static_cast<double>(n));
  const Index steps = path.coefs.cols();
  Vector criterion(steps);
  const Matrix residuals = (-(data.X * path.coefs)).colwise() + data.y;
  for (Index k = 0; k < steps; ++k) {
    const double df =
        static_cast<double>((path.coefs.col(k).array().abs() > std::numeric_limits<double>::epsilon()).count());
    criterion(k) = static_cast<double>(n) * std::log(2 * std::numbers::pi * noise_variance) +
                   residuals.col(k).squaredNorm() / noise_variance + factor * df;
  }
  Index best = 0;
  criterion.minCoeff(&best);
  Fitted out;
  out.n_features_in = p;
  out.n_iter = path.n_iter;
  out.alphas = path.alphas;
  out.alpha = path.alphas(best);
  out.coef = path.coefs.col(best);
  out.criterion = std::move(criterion);
  out.noise_variance = noise_variance;
  out.intercept = params_.fit_intercept ? data.y_offset - data.x_offset.dot(out.coef) : 0.0;
  return out;
}

Vector LassoLarsIC::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

}  // namespace scilearn::learn
