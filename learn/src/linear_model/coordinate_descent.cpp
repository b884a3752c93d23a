#include <algorithm>
#include <cmath>
#include <functional>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/coordinate_descent.hpp>

#include "linear_model/cd_solver.hpp"

namespace scilearn::learn {

// ---------------------------------------------------------------- parameter types

Precompute::Precompute(std::string_view text) : kind_(Kind::automatic) {
  if (text != "auto") throw ValueError(cat("precompute must be a bool, 'auto' or a Gram matrix, got '", text, "'"));
}

Precompute::Precompute(Matrix gram) : kind_(Kind::gram), gram_(std::make_shared<const Matrix>(std::move(gram))) {}

const Matrix& Precompute::gram() const noexcept {
  static const Matrix empty;
  return gram_ ? *gram_ : empty;
}

ParamValue to_param(const Precompute& value) {
  switch (value.kind()) {
    case Precompute::Kind::no: return false;
    case Precompute::Kind::yes: return true;
    case Precompute::Kind::automatic: return std::string("auto");
    case Precompute::Kind::gram: break;
  }
  const Matrix& g = value.gram();
  std::vector<double> flat;
  flat.reserve(static_cast<std::size_t>(g.size()));
  for (Index i = 0; i < g.rows(); ++i)
    for (Index j = 0; j < g.cols(); ++j) flat.push_back(g(i, j));
  return flat;
}

void from_param(const ParamValue& value, Precompute& field, std::string_view where, std::string_view param) {
  if (const auto* b = std::get_if<bool>(&value)) {
    field = Precompute(*b);
  } else if (const auto* s = std::get_if<std::string>(&value); s && *s == "auto") {
    field = Precompute("auto");
  } else if (const auto* v = std::get_if<std::vector<double>>(&value)) {
    const auto p = static_cast<Index>(std::llround(std::sqrt(static_cast<double>(v->size()))));
    if (p < 1 || p * p != static_cast<Index>(v->size()))
      throw ValueError(
          cat(where, ": '", param, "' as a list must hold p * p entries of a Gram matrix, got ", v->size()));
    Matrix g(p, p);
    for (Index i = 0; i < p; ++i)
      for (Index j = 0; j < p; ++j) g(i, j) = (*v)[static_cast<std::size_t>(i * p + j)];
    field = Precompute(std::move(g));
  } else {
    detail::throw_param_type(where, param, "a bool, 'auto' or a Gram matrix", value);
  }
}

ParamValue to_param(const AlphaGrid& value) {
  if (value.is_list()) return value.values();
  return static_cast<std::int64_t>(value.count());
}

void from_param(const ParamValue& value, AlphaGrid& field, std::string_view where, std::string_view param) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    field = AlphaGrid(static_cast<Index>(*i));
  } else if (const auto* v = std::get_if<std::vector<double>>(&value)) {
    field = AlphaGrid(*v);
  } else if (const auto* vi = std::get_if<std::vector<std::int64_t>>(&value)) {
    field = AlphaGrid(std::vector<double>(vi->begin(), vi->end()));
  } else {
    detail::throw_param_type(where, param, "an int or a list of floats", value);
  }
}

namespace detail {

namespace {

void check_settings(std::string_view where, const EnetSettings& s) {
  if (!(s.alpha >= 0) || !std::isfinite(s.alpha))
    throw ValueError(cat(where, ": alpha must be a finite number >= 0, got ", s.alpha));
  if (!(s.l1_ratio >= 0 && s.l1_ratio <= 1))
    throw ValueError(cat(where, ": l1_ratio must be in [0, 1], got ", s.l1_ratio));
  if (s.max_iter < 1) throw ValueError(cat(where, ": max_iter must be >= 1, got ", s.max_iter));
  if (!(s.tol >= 0)) throw ValueError(cat(where, ": tol must be >= 0, got ", s.tol));
  if (s.alpha == 0)
    warn(WarningCategory::user, cat(where,
                                    ": with alpha=0, this algorithm does not converge well. You are advised to use the "
                                    "LinearRegression estimator"));
}

CdSettings cd_settings(const EnetSettings& s, double n) {
  return {.l1 = s.alpha * s.l1_ratio * n,
          .l2 = s.alpha * (1.0 - s.l1_ratio) * n,
          .max_iter = s.max_iter,
          .tol = s.tol,
          .positive = s.positive,
          .random = s.selection == CdSelection::random,
          .seed = cd_seed(s.random_state)};
}

// Weights rescaled to sum to n_samples (scikit-learn's ElasticNet.fit), or empty.
Vector rescaled_weights(const VectorView* sample_weight, Index n) {
  if (!sample_weight) return Vector();
  return *sample_weight * (static_cast<double>(n) / sample_weight->sum());
}

ElasticNetFitted finish(std::string_view where, Vector w, const CdOutcome& out, double n, bool fit_intercept,
                        const Vector& x_offset, double y_offset) {
  ElasticNetFitted f;
  f.n_features_in = w.size();
  f.intercept = fit_intercept ? y_offset - x_offset.dot(w) : 0.0;
  f.coef = std::move(w);
  f.dual_gap = out.gap / n;
  f.n_iter = out.n_iter;
  if (!f.coef.allFinite() || !std::isfinite(f.intercept))
    throw ValueError(cat(where,
                         ": coordinate descent iterations resulted in non-finite parameter values. The input data "
                         "may contain large values and need to be preprocessed."));
  return f;
}

}  // namespace

ElasticNetFitted enet_fit(std::string_view where, const EnetSettings& st, const MatrixView& X, const VectorView& y,
                          const VectorView* sample_weight, const Vector* start) {
  check_settings(where, st);
  const Index n = X.rows(), p = X.cols();
  const double dn = static_cast<double>(n);
  const Vector s = rescaled_weights(sample_weight, n);
  Vector x_offset = Vector::Zero(p), centered_norm2, centered_xty, yc;
  double y_offset = 0;
  if (st.fit_intercept && !s.size()) {
    // The means, and what the dense solver needs: the centered norms and X'y,
    // with X's finiteness checked in the same pass.
    y_offset = y.mean();
    yc = y.array() - y_offset;
    if (!column_stats(X, x_offset, centered_norm2, &yc, &centered_xty)) check_X(where, X);
  } else {
    check_X(where, X);
    if (st.fit_intercept) {
      x_offset.noalias() = X.transpose() * s / dn;
      y_offset = s.dot(y) / dn;
    }
  }
  const Vector sqrt_s = s.cwiseSqrt();
  Precompute::Kind kind = st.precompute.kind();
  if (kind == Precompute::Kind::gram) {
    // scikit-learn recomputes a given Gram matrix when X gets centered.
    if (st.fit_intercept && !(x_offset.array().abs() <= 1e-8).all()) {
      warn(WarningCategory::user,
           "Gram matrix was provided but X was centered to fit intercept: recomputing Gram matrix.");
      kind = Precompute::Kind::automatic;
    } else if (st.precompute.gram().rows() != p || st.precompute.gram().cols() != p) {
      throw ValueError(cat(where, ": the given Gram matrix is ", st.precompute.gram().rows(), "x",
                           st.precompute.gram().cols(), " but X has ", p, " features"));
    }
  }
  if (kind == Precompute::Kind::automatic) kind = n > p ? Precompute::Kind::yes : Precompute::Kind::no;

  Vector w = start ? *start : Vector::Zero(p);
  const CdSettings cs = cd_settings(st, dn);
  CdOutcome out;
  const Eigen::Map<const Matrix> Y(y.data(), n, 1);
  if (kind == Precompute::Kind::yes || kind == Precompute::Kind::gram) {
    Matrix Q, Xy;
    if (kind == Precompute::Kind::yes) {
      centered_gram(X, Y, x_offset, Vector::Constant(1, y_offset), sqrt_s, Q, Xy);
    } else {
      // X' s (y - y_offset) - x_offset sum(s (y - y_offset)): X is centered (to 1e-8).
      const Vector r =
          s.size() ? Vector(s.cwiseProduct((y.array() - y_offset).matrix())) : Vector(y.array() - y_offset);
      Xy = X.transpose() * r - x_offset * r.sum();
    }
    const Matrix& gram = kind == Precompute::Kind::yes ? Q : st.precompute.gram();
    const Vector q = Xy.col(0);
    const double y_norm2 =
        s.size() ? (y.array() - y_offset).square().matrix().dot(s) : (y.array() - y_offset).square().sum();
    GramCd cd(gram, q, y_norm2);
    out = cd.solve(w, cs);
  } else if (s.size()) {
    // Weighted: the centered, sqrt(s)-scaled copy, as scikit-learn.
    Vector norm2;
    const Matrix A = center_scale(X, x_offset, sqrt_s, &norm2);
    const Vector b = (y.array() - y_offset) * sqrt_s.array();
    DenseCd cd(A, b, std::move(norm2));
    out = cd.solve(w, cs);
  } else if (st.fit_intercept) {
    // Centered implicitly: no copy of X.
    DenseCd cd(X, yc, std::move(centered_norm2), x_offset, std::move(centered_xty));
    out = cd.solve(w, cs);
  } else {
    DenseCd cd(X, y);
    out = cd.solve(w, cs);
  }
  return finish(where, std::move(w), out, dn, st.fit_intercept, x_offset, y_offset);
}

ElasticNetFitted enet_fit(std::string_view where, const EnetSettings& st, const CscMatrix& X_in, const VectorView& y,
                          const VectorView* sample_weight, const Vector* start) {
  check_settings(where, st);
  CscMatrix compressed;
  const CscMatrix* Xp = &X_in;
  if (!X_in.isCompressed()) {
    compressed = X_in;
    compressed.makeCompressed();
    Xp = &compressed;
  }
  const CscMatrix& X = *Xp;
  const Index n = X.rows(), p = X.cols();
  const double dn = static_cast<double>(n);
  const Vector s = rescaled_weights(sample_weight, n);
  Vector x_offset = Vector::Zero(p);
  double y_offset = 0;
  if (st.fit_intercept) {
    if (s.size()) {
      x_offset = X.transpose() * s;
      x_offset /= dn;
      y_offset = s.dot(y) / dn;
    } else {
      x_offset = X.transpose() * Vector::Ones(n);
      x_offset /= dn;
      y_offset = y.mean();
    }
  }
  const Vector yc = y.array() - y_offset;
  Vector w = start ? *start : Vector::Zero(p);
  SparseCd cd(X, yc, s, x_offset);
  const CdOutcome out = cd.solve(w, cd_settings(st, dn));
  return finish(where, std::move(w), out, dn, st.fit_intercept, x_offset, y_offset);
}

Vector predict_sparse(std::string_view name, const CsrMatrix& X, const Vector& coef, double intercept,
                      Index n_features_in) {
  check_sparse_predict(name, "predict", X, n_features_in);
  Vector out = X * coef;
  out.array() += intercept;
  return out;
}

}  // namespace detail

// ---------------------------------------------------------------- ElasticNet, Lasso

detail::EnetSettings ElasticNet::settings() const {
  const Params& p = params_;
  return {p.alpha, p.l1_ratio, p.fit_intercept, p.precompute, p.max_iter,
          p.tol,   p.positive, p.random_state,  p.selection};
}

detail::EnetSettings Lasso::settings() const {
  const Params& p = params_;
  return {p.alpha, 1.0, p.fit_intercept, p.precompute, p.max_iter, p.tol, p.positive, p.random_state, p.selection};
}

namespace {

// The previous coefficients when warm_start and the feature count agree.
const Vector* warm(bool warm_start, const std::optional<ElasticNetFitted>& previous, Index p) {
  return warm_start && previous && previous->coef.size() == p ? &previous->coef : nullptr;
}

}  // namespace

ElasticNet::Fitted ElasticNet::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  if (!y) throw ValueError("ElasticNet.fit: y is required");
  return detail::enet_fit("ElasticNet.fit", settings(), X, *y, sample_weight,
                          warm(params_.warm_start, fitted_, X.cols()));
}

ElasticNet& ElasticNet::fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("ElasticNet.fit", X, y, sample_weight);
  fitted_ = detail::enet_fit("ElasticNet.fit", settings(), X, y, sample_weight.size() ? &sample_weight : nullptr,
                             warm(params_.warm_start, fitted_, X.cols()));
  return *this;
}

Vector ElasticNet::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  Vector out = X * state.coef;
  out.array() += state.intercept;
  return out;
}

Vector ElasticNet::predict(const CsrMatrix& X) const {
  const Fitted& state = fitted();
  return detail::predict_sparse(class_name, X, state.coef, state.intercept, state.n_features_in);
}

Lasso::Fitted Lasso::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  if (!y) throw ValueError("Lasso.fit: y is required");
  return detail::enet_fit("Lasso.fit", settings(), X, *y, sample_weight, warm(params_.warm_start, fitted_, X.cols()));
}

Lasso& Lasso::fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("Lasso.fit", X, y, sample_weight);
  fitted_ = detail::enet_fit("Lasso.fit", settings(), X, y, sample_weight.size() ? &sample_weight : nullptr,
                             warm(params_.warm_start, fitted_, X.cols()));
  return *this;
}

Vector Lasso::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  Vector out = X * state.coef;
  out.array() += state.intercept;
  return out;
}

Vector Lasso::predict(const CsrMatrix& X) const {
  const Fitted& state = fitted();
  return detail::predict_sparse(class_name, X, state.coef, state.intercept, state.n_features_in);
}

// ---------------------------------------------------------------- paths

namespace {

struct PathInput {
  double l1_ratio;
  Vector alphas;
  detail::CdSettings settings;
  Vector w;
};

// Checks the options and builds the alphas (from X'y for the automatic grid).
PathInput path_input(std::string_view where, const EnetPathOptions& o, double l1_ratio, Index n, Index p,
                     const std::function<Matrix()>& Xy) {
  if (!(l1_ratio >= 0 && l1_ratio <= 1)) throw ValueError(cat(where, ": l1_ratio must be in [0, 1], got ", l1_ratio));
  if (!(o.eps > 0)) throw ValueError(cat(where, ": eps must be > 0, got ", o.eps));
  if (!(o.tol >= 0)) throw ValueError(cat(where, ": tol must be >= 0, got ", o.tol));
  if (o.max_iter < 1) throw ValueError(cat(where, ": max_iter must be >= 1, got ", o.max_iter));
  if (o.coef_init.size() != 0 && o.coef_init.size() != p)
    throw ValueError(cat(where, ": coef_init has ", o.coef_init.size(), " entries but X has ", p, " features"));
  PathInput in;
  in.l1_ratio = l1_ratio;
  if (o.alphas.is_list()) {
    if (o.alphas.values().empty()) throw ValueError(cat(where, ": alphas is empty"));
    in.alphas = Eigen::Map<const Vector>(o.alphas.values().data(), static_cast<Index>(o.alphas.values().size()));
    for (const double a : in.alphas)
      if (!(a >= 0) || !std::isfinite(a)) throw ValueError(cat(where, ": alphas must be finite and >= 0, got ", a));
    std::sort(in.alphas.begin(), in.alphas.end(), std::greater<>());
  } else {
    if (o.alphas.count() < 1) throw ValueError(cat(where, ": alphas must be >= 1, got ", o.alphas.count()));
    in.alphas = detail::alpha_grid(Xy(), static_cast<double>(n), l1_ratio, o.eps, o.alphas.count(), o.positive, where);
  }
  in.settings = {.max_iter = o.max_iter,
                 .tol = o.tol,
                 .positive = o.positive,
                 .random = o.selection == CdSelection::random,
                 .seed = detail::cd_seed(o.random_state)};
  in.w = o.coef_init.size() ? o.coef_init : Vector::Zero(p);
  return in;
}

EnetPathResult dense_path(std::string_view where, const MatrixView& X, const VectorView& y, const EnetPathOptions& o,
                          double l1_ratio) {
  check_X_y(where, X, y);
  const Index n = X.rows(), p = X.cols();
  Precompute::Kind kind = o.precompute.kind();
  if (kind == Precompute::Kind::automatic) kind = n > p ? Precompute::Kind::yes : Precompute::Kind::no;
  if (kind == Precompute::Kind::gram && (o.precompute.gram().rows() != p || o.precompute.gram().cols() != p))
    throw ValueError(cat(where, ": the given Gram matrix is ", o.precompute.gram().rows(), "x",
                         o.precompute.gram().cols(), " but X has ", p, " features"));
  EnetPathResult r;
  const Eigen::Map<const Matrix> Y(y.data(), n, 1);
  if (kind == Precompute::Kind::no) {
    PathInput in = path_input(where, o, l1_ratio, n, p, [&] { return Matrix(X.transpose() * y); });
    detail::DenseCd cd(X, y);
    detail::solve_path(cd, in.alphas, l1_ratio, static_cast<double>(n), in.settings, in.w, r.coefs, r.dual_gaps,
                       r.n_iters);
    r.alphas = std::move(in.alphas);
    return r;
  }
  Matrix Q, Xy;
  if (kind == Precompute::Kind::yes)
    detail::centered_gram(X, Y, Vector::Zero(p), Vector::Zero(1), Vector(), Q, Xy);
  else
    Xy = X.transpose() * y;
  PathInput in = path_input(where, o, l1_ratio, n, p, [&] { return Xy; });
  const Vector q = Xy.col(0);
  detail::GramCd cd(kind == Precompute::Kind::yes ? Q : o.precompute.gram(), q, y.squaredNorm());
  detail::solve_path(cd, in.alphas, l1_ratio, static_cast<double>(n), in.settings, in.w, r.coefs, r.dual_gaps,
                     r.n_iters);
  r.alphas = std::move(in.alphas);
  return r;
}

EnetPathResult sparse_path(std::string_view where, const CscMatrix& X_in, const VectorView& y, const EnetPathOptions& o,
                           double l1_ratio) {
  check_sparse_X_y(where, X_in, y, Vector());
  CscMatrix X = X_in;
  X.makeCompressed();
  const Index n = X.rows(), p = X.cols();
  PathInput in = path_input(where, o, l1_ratio, n, p, [&] { return Matrix(X.transpose() * y); });
  const Vector none, zeros = Vector::Zero(p);
  detail::SparseCd cd(X, y, none, zeros);
  EnetPathResult r;
  detail::solve_path(cd, in.alphas, l1_ratio, static_cast<double>(n), in.settings, in.w, r.coefs, r.dual_gaps,
                     r.n_iters);
  r.alphas = std::move(in.alphas);
  return r;
}

}  // namespace

EnetPathResult enet_path(const MatrixView& X, const VectorView& y, const EnetPathOptions& options) {
  return dense_path("enet_path", X, y, options, options.l1_ratio);
}
EnetPathResult enet_path(const CscMatrix& X, const VectorView& y, const EnetPathOptions& options) {
  return sparse_path("enet_path", X, y, options, options.l1_ratio);
}
EnetPathResult lasso_path(const MatrixView& X, const VectorView& y, const EnetPathOptions& options) {
  return dense_path("lasso_path", X, y, options, 1.0);
}
EnetPathResult lasso_path(const CscMatrix& X, const VectorView& y, const EnetPathOptions& options) {
  return sparse_path("lasso_path", X, y, options, 1.0);
}

}  // namespace scilearn::learn
