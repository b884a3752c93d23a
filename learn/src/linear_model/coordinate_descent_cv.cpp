#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <optional>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/coordinate_descent_cv.hpp>
#include <scilearn/learn/model_selection/split.hpp>
#include <type_traits>

#include "linear_model/cd_solver.hpp"

namespace scilearn::learn {

namespace detail {

namespace {

void check_cv_settings(std::string_view where, const EnetCVSettings& s, Index n) {
  if (s.l1_ratios.empty()) throw ValueError(cat(where, ": l1_ratio is empty"));
  for (const double r : s.l1_ratios)
    if (!(r >= 0 && r <= 1)) throw ValueError(cat(where, ": l1_ratio must be in [0, 1], got ", r));
  if (!(s.eps > 0)) throw ValueError(cat(where, ": eps must be > 0, got ", s.eps));
  if (s.max_iter < 1) throw ValueError(cat(where, ": max_iter must be >= 1, got ", s.max_iter));
  if (!(s.tol >= 0)) throw ValueError(cat(where, ": tol must be >= 0, got ", s.tol));
  if (s.cv < 2) throw ValueError(cat(where, ": cv must be >= 2 folds, got ", s.cv));
  if (s.cv > n) throw ValueError(cat(where, ": cannot have cv=", s.cv, " folds with only ", n, " samples"));
  if (s.alphas.is_list()) {
    if (s.alphas.values().empty()) throw ValueError(cat(where, ": alphas is empty"));
    for (const double a : s.alphas.values())
      if (!(a >= 0) || !std::isfinite(a)) throw ValueError(cat(where, ": alphas must be finite and >= 0, got ", a));
  } else if (s.alphas.count() < 1) {
    throw ValueError(cat(where, ": alphas must be >= 1, got ", s.alphas.count()));
  }
}

// The alphas of each l1_ratio (rows): the automatic grid from all the data
// (scikit-learn's _alpha_grid with fit_intercept and the raw sample weights),
// or the given list sorted decreasing.
template <class XType>
Matrix alpha_rows(std::string_view where, const EnetCVSettings& s, const XType& X, const VectorView& y,
                  const VectorView* sample_weight) {
  const Index n_l1 = static_cast<Index>(s.l1_ratios.size());
  if (s.alphas.is_list()) {
    std::vector<double> sorted = s.alphas.values();
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    Matrix rows(n_l1, static_cast<Index>(sorted.size()));
    for (Index r = 0; r < n_l1; ++r)
      for (Index k = 0; k < rows.cols(); ++k) rows(r, k) = sorted[static_cast<std::size_t>(k)];
    return rows;
  }
  const Index n = X.rows();
  Vector yw = y;
  double n_eff = static_cast<double>(n);
  Vector x_mean;
  if (sample_weight) n_eff = sample_weight->sum();
  if (s.fit_intercept) {
    const double y_mean = sample_weight ? sample_weight->dot(y) / n_eff : y.mean();
    yw.array() -= y_mean;
    x_mean = sample_weight ? Vector(X.transpose() * *sample_weight) : Vector(X.transpose() * Vector::Ones(n));
    x_mean /= sample_weight ? n_eff : static_cast<double>(n);
  }
  if (sample_weight) yw = yw.cwiseProduct(*sample_weight);
  Matrix Xy = X.transpose() * yw;
  if (s.fit_intercept) Xy.col(0) -= x_mean * yw.sum();
  Matrix rows(n_l1, s.alphas.count());
  for (Index r = 0; r < n_l1; ++r)
    rows.row(r) =
        alpha_grid(Xy, n_eff, s.l1_ratios[static_cast<std::size_t>(r)], s.eps, s.alphas.count(), s.positive, where)
            .transpose();
  return rows;
}

CdSettings path_settings(const EnetCVSettings& s) {
  return {.max_iter = s.max_iter,
          .tol = s.tol,
          .positive = s.positive,
          .random = s.selection == CdSelection::random,
          .seed = cd_seed(s.random_state)};
}

Vector take(const VectorView& v, const std::vector<Index>& idx) {
  Vector out(static_cast<Index>(idx.size()));
  for (std::size_t i = 0; i < idx.size(); ++i) out(static_cast<Index>(i)) = v(idx[i]);
  return out;
}

// The training fold's offsets and rescaled weights (ElasticNet.fit's preprocessing).
struct FoldPrep {
  Vector s;  // weights rescaled to sum to n_train, or empty
  Vector x_offset;
  double y_offset = 0;
};

template <class XType>
FoldPrep prepare(const XType& X_train, const Vector& y_train, const Vector& sw_train, bool fit_intercept) {
  FoldPrep f;
  const Index n = X_train.rows();
  const double dn = static_cast<double>(n);
  if (sw_train.size()) f.s = sw_train * (dn / sw_train.sum());
  f.x_offset = Vector::Zero(X_train.cols());
  if (fit_intercept) {
    if (f.s.size()) {
      f.x_offset = X_train.transpose() * f.s;
      f.x_offset /= dn;
      f.y_offset = f.s.dot(y_train) / dn;
    } else {
      f.x_offset = X_train.transpose() * Vector::Ones(n);
      f.x_offset /= dn;
      f.y_offset = y_train.mean();
    }
  }
  return f;
}

// The test MSE of each column of coefs (with its intercept).
template <class XType>
Vector test_mse(const XType& X_test, const Vector& y_test, const Vector& sw_test, const Matrix& coefs,
                const FoldPrep& f, bool fit_intercept) {
  Matrix residues = X_test * coefs;
  for (Index k = 0; k < coefs.cols(); ++k) {
    const double intercept = fit_intercept ? f.y_offset - f.x_offset.dot(coefs.col(k)) : 0.0;
    residues.col(k).array() += intercept - y_test.array();
  }
  if (sw_test.size()) return (residues.array().square().matrix().transpose() * sw_test) / sw_test.sum();
  return residues.array().square().colwise().mean().transpose();
}

// The Gram path of the folds without a Gram matrix per training fold: with
// w the sample weights (or ones), z_i = x_i - m0 and t_i = y_i - y0 around the
// global weighted means, the training fold's centered, rescaled Gram matrix
// is kappa (S_train - W d d') with S_train = S_all - S_test (S = sum w z z'),
// W the fold's weight, d its mean of z and kappa = n_train / W; X'y and ||y||^2
// likewise. The test folds of KFold partition the rows, so the Gram
// matrices of the test folds, summed, give S_all: one Gram matrix of all rows
// in total replaces one of each training fold (a quarter of the flops for 5
// folds), and the training rows are never copied.
struct FoldGram {
  Matrix S;    // sum over the fold's rows of w z z'
  Vector Szt;  // sum w z t
  double Stt = 0, W = 0, T = 0;
  Vector U;  // sum w z
};

struct GlobalGram {
  Vector m0;
  double y0 = 0;
  FoldGram all;
  // Each test fold's own sums (the test folds of KFold partition the rows,
  // so these add up to `all`: one Gram matrix of all rows in total); empty
  // when they would take too much memory, then each fold computes its own.
  std::vector<FoldGram> folds;
};

// The sums over the given rows (all rows when `rows` is null).
FoldGram fold_gram(const MatrixView& X, const VectorView& y, const VectorView* sw, const Vector& m0, double y0,
                   const std::vector<Index>* rows) {
  FoldGram g;
  const Matrix X_rows = rows ? Matrix(X(*rows, Eigen::all)) : Matrix();
  const MatrixView Xr = rows ? MatrixView(X_rows) : X;
  const Vector y_rows = rows ? take(y, *rows) : Vector(y);
  const Index n = Xr.rows();
  const Vector w = sw ? (rows ? take(*sw, *rows) : Vector(*sw)) : Vector::Ones(n);
  const Vector t = y_rows.array() - y0;
  Matrix Xy;
  const Eigen::Map<const Matrix> Y(y_rows.data(), n, 1);
  centered_gram(Xr, Y, m0, Vector::Constant(1, y0), sw ? Vector(w.cwiseSqrt()) : Vector(), g.S, Xy);
  g.Szt = Xy.col(0);
  g.W = w.sum();
  g.Stt = t.cwiseProduct(t).dot(w);
  g.T = w.dot(t);
  g.U = Xr.transpose() * w - g.W * m0;
  return g;
}

GlobalGram global_gram(const MatrixView& X, const VectorView& y, const VectorView* sw,
                       const std::vector<TrainTestIndices>& folds) {
  GlobalGram g;
  const Index n = X.rows(), p = X.cols();
  const Vector w = sw ? Vector(*sw) : Vector::Ones(n);
  const double W = w.sum();
  g.m0 = X.transpose() * w;
  g.m0 /= W;
  g.y0 = w.dot(y) / W;
  constexpr double max_bytes = 256.0 * 1024 * 1024;
  if (static_cast<double>(folds.size()) * static_cast<double>(p * p) * 8.0 <= max_bytes) {
    for (const auto& fold : folds) g.folds.push_back(fold_gram(X, y, sw, g.m0, g.y0, &fold.test));
    g.all = g.folds.front();
    for (std::size_t k = 1; k < g.folds.size(); ++k) {
      const FoldGram& f = g.folds[k];
      g.all.S += f.S;
      g.all.Szt += f.Szt;
      g.all.Stt += f.Stt;
      g.all.W += f.W;
      g.all.T += f.T;
      g.all.U += f.U;
    }
  } else {
    g.all = fold_gram(X, y, sw, g.m0, g.y0, nullptr);
  }
  return g;
}

// One (l1_ratio, fold) path on the Gram matrix derived from the global one.
Vector fold_path_gram(const EnetCVSettings& s, const MatrixView& X, const VectorView& y, const VectorView* sw,
                      const TrainTestIndices& fold, std::size_t k, const Vector& alphas, double l1_ratio,
                      const GlobalGram& g) {
  const Index p = X.cols();
  const FoldGram test = g.folds.empty() ? fold_gram(X, y, sw, g.m0, g.y0, &fold.test) : FoldGram();
  const FoldGram& t = g.folds.empty() ? test : g.folds[k];
  const double W = g.all.W - t.W;
  const double n_train = static_cast<double>(fold.train.size());
  const double kappa = n_train / W;
  const Vector d = (g.all.U - t.U) / W;
  const double e = (g.all.T - t.T) / W;
  Matrix Q = g.all.S - t.S;
  Q.noalias() -= W * d * d.transpose();
  Q *= kappa;
  const Vector q = kappa * (g.all.Szt - t.Szt - W * e * d);
  const double y_norm2 = kappa * (g.all.Stt - t.Stt - W * e * e);
  FoldPrep f;
  f.x_offset = g.m0 + d;
  f.y_offset = g.y0 + e;
  GramCd cd(Q, q, y_norm2);
  Vector w = Vector::Zero(p), gaps;
  Matrix coefs;
  std::vector<Index> iters;
  solve_path(cd, alphas, l1_ratio, n_train, path_settings(s), w, coefs, gaps, iters);
  const Matrix X_test = X(fold.test, Eigen::all);
  return test_mse(X_test, take(y, fold.test), sw ? take(*sw, fold.test) : Vector(), coefs, f, s.fit_intercept);
}

// One (l1_ratio, fold) path on dense X.
Vector fold_path(const EnetCVSettings& s, const MatrixView& X, const VectorView& y, const VectorView* sw,
                 const TrainTestIndices& fold, std::size_t k, const Vector& alphas, double l1_ratio,
                 const GlobalGram* global) {
  if (global) return fold_path_gram(s, X, y, sw, fold, k, alphas, l1_ratio, *global);
  const Matrix X_train = X(fold.train, Eigen::all);
  const Vector y_train = take(y, fold.train);
  const Vector sw_train = sw ? take(*sw, fold.train) : Vector();
  const FoldPrep f = prepare(X_train, y_train, sw_train, s.fit_intercept);
  const Index n = X_train.rows(), p = X_train.cols();
  const double dn = static_cast<double>(n);
  const Vector sqrt_s = f.s.cwiseSqrt();
  Precompute::Kind kind = s.precompute.kind();
  if (kind == Precompute::Kind::gram) {
    if (s.fit_intercept || s.precompute.gram().rows() != p) kind = Precompute::Kind::automatic;
  }
  if (kind == Precompute::Kind::automatic) kind = n > p ? Precompute::Kind::yes : Precompute::Kind::no;
  Vector w = Vector::Zero(p), gaps;
  Matrix coefs;
  std::vector<Index> iters;
  if (kind == Precompute::Kind::no) {
    Vector norm2;
    const Matrix A = center_scale(X_train, f.x_offset, sqrt_s, &norm2);
    const Vector b =
        f.s.size() ? Vector((y_train.array() - f.y_offset) * sqrt_s.array()) : Vector(y_train.array() - f.y_offset);
    DenseCd cd(A, b, std::move(norm2));
    solve_path(cd, alphas, l1_ratio, dn, path_settings(s), w, coefs, gaps, iters);
  } else {
    Matrix Q, Xy;
    const Eigen::Map<const Matrix> Y(y_train.data(), n, 1);
    if (kind == Precompute::Kind::yes) {
      centered_gram(X_train, Y, f.x_offset, Vector::Constant(1, f.y_offset), sqrt_s, Q, Xy);
    } else {
      const Vector r = f.s.size() ? Vector(f.s.cwiseProduct(y_train)) : y_train;
      Xy = X_train.transpose() * r;
    }
    const Vector q = Xy.col(0);
    const Vector yc = y_train.array() - f.y_offset;
    const double y_norm2 = f.s.size() ? yc.cwiseProduct(yc).dot(f.s) : yc.squaredNorm();
    GramCd cd(kind == Precompute::Kind::yes ? Q : s.precompute.gram(), q, y_norm2);
    solve_path(cd, alphas, l1_ratio, dn, path_settings(s), w, coefs, gaps, iters);
  }
  const Matrix X_test = X(fold.test, Eigen::all);
  return test_mse(X_test, take(y, fold.test), sw ? take(*sw, fold.test) : Vector(), coefs, f, s.fit_intercept);
}

CsrMatrix take_rows(const CsrMatrix& X, const std::vector<Index>& rows) {
  Index nnz = 0;
  for (const Index r : rows) nnz += X.outerIndexPtr()[r + 1] - X.outerIndexPtr()[r];
  CsrMatrix out(static_cast<Index>(rows.size()), X.cols());
  out.reserve(nnz);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.startVec(static_cast<Index>(i));
    for (CsrMatrix::InnerIterator it(X, rows[i]); it; ++it)
      out.insertBack(static_cast<Index>(i), it.col()) = it.value();
  }
  out.finalize();
  return out;
}

// One (l1_ratio, fold) path on sparse X (rows gathered from CSR storage).
Vector fold_path(const EnetCVSettings& s, const CsrMatrix& X_rows, const VectorView& y, const VectorView* sw,
                 const TrainTestIndices& fold, std::size_t, const Vector& alphas, double l1_ratio, const GlobalGram*) {
  CscMatrix X_train = take_rows(X_rows, fold.train);
  X_train.makeCompressed();
  const Vector y_train = take(y, fold.train);
  const Vector sw_train = sw ? take(*sw, fold.train) : Vector();
  const FoldPrep f = prepare(X_train, y_train, sw_train, s.fit_intercept);
  const Index n = X_train.rows(), p = X_train.cols();
  const Vector yc = y_train.array() - f.y_offset;
  SparseCd cd(X_train, yc, f.s, f.x_offset);
  Vector w = Vector::Zero(p), gaps;
  Matrix coefs;
  std::vector<Index> iters;
  solve_path(cd, alphas, l1_ratio, static_cast<double>(n), path_settings(s), w, coefs, gaps, iters);
  const CsrMatrix X_test = take_rows(X_rows, fold.test);
  return test_mse(X_test, take(y, fold.test), sw ? take(*sw, fold.test) : Vector(), coefs, f, s.fit_intercept);
}

// The paths of every (l1_ratio, fold), possibly on several threads, the
// choice of alpha and l1_ratio, and the refit.
template <class XType, class XFolds>
EnetCVFitted run_cv(std::string_view where, const EnetCVSettings& s, const XType& X, const XFolds& X_folds,
                    const VectorView& y, const VectorView* sample_weight) {
  const Index n = X.rows();
  check_cv_settings(where, s, n);
  const Matrix alphas = alpha_rows(where, s, X, y, sample_weight);
  const std::vector<TrainTestIndices> folds = KFold({.n_splits = s.cv}).split(n);
  const Index n_l1 = static_cast<Index>(s.l1_ratios.size()), n_folds = static_cast<Index>(folds.size());
  const Index n_alphas = alphas.cols();
  std::vector<Matrix> mse(static_cast<std::size_t>(n_l1), Matrix(n_alphas, n_folds));
  // The Gram path (precompute true, or "auto" and more training rows than
  // features in every fold) with an intercept: one global Gram matrix.
  std::optional<GlobalGram> global;
  if constexpr (std::is_same_v<XFolds, MatrixView>) {
    const Index p = X.cols();
    Index smallest = n;
    for (const auto& fold : folds) smallest = std::min(smallest, static_cast<Index>(fold.train.size()));
    const auto kind = s.precompute.kind();
    if (s.fit_intercept && (kind == Precompute::Kind::yes || (kind == Precompute::Kind::automatic && smallest > p)))
      global = global_gram(X_folds, y, sample_weight, folds);
  }
  const Index jobs = n_l1 * n_folds;
  const int threads = std::min<int>(effective_n_jobs(s.n_jobs), static_cast<int>(jobs));
  std::optional<BlasThreadLimit> single_blas;
  if (threads > 1) single_blas.emplace(1);
  std::exception_ptr failure;
  std::mutex failure_lock;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (threads > 1)
  for (Index job = 0; job < jobs; ++job) {
    const Index r = job / n_folds, k = job % n_folds;
    try {
      mse[static_cast<std::size_t>(r)].col(k) =
          fold_path(s, X_folds, y, sample_weight, folds[static_cast<std::size_t>(k)], static_cast<std::size_t>(k),
                    alphas.row(r).transpose(), s.l1_ratios[static_cast<std::size_t>(r)], global ? &*global : nullptr);
    } catch (...) {
      const std::lock_guard<std::mutex> guard(failure_lock);
      if (!failure) failure = std::current_exception();
    }
  }
  single_blas.reset();
  if (failure) std::rethrow_exception(failure);

  EnetCVFitted out;
  double best = std::numeric_limits<double>::infinity();
  for (Index r = 0; r < n_l1; ++r) {
    const Vector mean = mse[static_cast<std::size_t>(r)].rowwise().mean();
    Index i_best = 0;
    for (Index i = 1; i < n_alphas; ++i)
      if (mean(i) < mean(i_best)) i_best = i;
    if (mean(i_best) < best) {
      best = mean(i_best);
      out.alpha = alphas(r, i_best);
      out.l1_ratio = s.l1_ratios[static_cast<std::size_t>(r)];
    }
  }
  if (!std::isfinite(best)) throw ValueError(cat(where, ": every cross-validated MSE is NaN or infinite"));
  out.alphas = s.alphas.is_list() ? Matrix(alphas.topRows(1)) : alphas;
  out.mse_path = std::move(mse);

  const EnetSettings refit{
      .alpha = out.alpha,
      .l1_ratio = out.l1_ratio,
      .fit_intercept = s.fit_intercept,
      .precompute = s.precompute.kind() == Precompute::Kind::automatic ? Precompute(false) : s.precompute,
      .max_iter = s.max_iter,
      .tol = s.tol,
      .positive = s.positive,
      .random_state = s.random_state,
      .selection = s.selection};
  ElasticNetFitted model = enet_fit(where, refit, X, y, sample_weight, nullptr);
  out.n_features_in = model.n_features_in;
  out.coef = std::move(model.coef);
  out.intercept = model.intercept;
  out.dual_gap = model.dual_gap;
  out.n_iter = model.n_iter;
  return out;
}

}  // namespace

EnetCVFitted enet_cv_fit(std::string_view where, const EnetCVSettings& settings, const MatrixView& X,
                         const VectorView& y, const VectorView* sample_weight) {
  return run_cv(where, settings, X, X, y, sample_weight);
}

EnetCVFitted enet_cv_fit(std::string_view where, const EnetCVSettings& settings, const CscMatrix& X,
                         const VectorView& y, const VectorView* sample_weight) {
  const CsrMatrix rows = X;
  return run_cv(where, settings, X, rows, y, sample_weight);
}

void check_cv_state(const EnetCVFitted& s) {
  if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
  if (s.mse_path.empty() || s.alphas.rows() < 1) throw ValueError("mse_path and alphas are empty");
}

}  // namespace detail

// ---------------------------------------------------------------- LassoCV, ElasticNetCV

detail::EnetCVSettings LassoCV::settings() const {
  const Params& p = params_;
  return {{1.0}, p.eps, p.alphas, p.fit_intercept, p.precompute,   p.max_iter,
          p.tol, p.cv,  p.n_jobs, p.positive,      p.random_state, p.selection};
}

detail::EnetCVSettings ElasticNetCV::settings() const {
  const Params& p = params_;
  return {p.l1_ratio, p.eps, p.alphas, p.fit_intercept, p.precompute,   p.max_iter,
          p.tol,      p.cv,  p.n_jobs, p.positive,      p.random_state, p.selection};
}

LassoCV::Fitted LassoCV::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  if (!y) throw ValueError("LassoCV.fit: y is required");
  return detail::enet_cv_fit("LassoCV.fit", settings(), X, *y, sample_weight);
}

LassoCV& LassoCV::fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("LassoCV.fit", X, y, sample_weight);
  fitted_ = detail::enet_cv_fit("LassoCV.fit", settings(), X, y, sample_weight.size() ? &sample_weight : nullptr);
  return *this;
}

Vector LassoCV::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  Vector out = X * state.coef;
  out.array() += state.intercept;
  return out;
}

Vector LassoCV::predict(const CsrMatrix& X) const {
  const Fitted& state = fitted();
  return detail::predict_sparse(class_name, X, state.coef, state.intercept, state.n_features_in);
}

ElasticNetCV::Fitted ElasticNetCV::learn(const MatrixView& X, const VectorView* y,
                                         const VectorView* sample_weight) const {
  if (!y) throw ValueError("ElasticNetCV.fit: y is required");
  return detail::enet_cv_fit("ElasticNetCV.fit", settings(), X, *y, sample_weight);
}

ElasticNetCV& ElasticNetCV::fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("ElasticNetCV.fit", X, y, sample_weight);
  fitted_ = detail::enet_cv_fit("ElasticNetCV.fit", settings(), X, y, sample_weight.size() ? &sample_weight : nullptr);
  return *this;
}

Vector ElasticNetCV::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  Vector out = X * state.coef;
  out.array() += state.intercept;
  return out;
}

Vector ElasticNetCV::predict(const CsrMatrix& X) const {
  const Fitted& state = fitted();
  return detail::predict_sparse(class_name, X, state.coef, state.intercept, state.n_features_in);
}

}  // namespace scilearn::learn
