#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/quantile_regressor.hpp>
#include <scilearn/optimize/linprog.hpp>
#include <type_traits>
#include <vector>

namespace scilearn::learn {

namespace {

constexpr std::string_view kFit = "QuantileRegressor.fit";

// The LP of the file comment on dense (MatrixView) or CSR X.
template <class XType>
QuantileRegressorFitted fit_lp(const QuantileRegressorParams& params, const XType& X, const VectorView* y,
                               const VectorView* sample_weight) {
  constexpr std::string_view where = kFit;
  if (!(params.quantile > 0 && params.quantile < 1))
    throw ValueError(cat("QuantileRegressor: quantile must be in (0, 1), got ", params.quantile));
  if (!(params.alpha >= 0) || !std::isfinite(params.alpha))
    throw ValueError(cat("QuantileRegressor: alpha must be a finite number >= 0, got ", params.alpha));
  if (params.solver == QuantileSolver::interior_point || params.solver == QuantileSolver::revised_simplex)
    throw ValueError(
        cat("QuantileRegressor: Solver ", enum_name(params.solver), " is not anymore available in SciPy >= 1.11.0."));
  const Index n = X.rows(), p = X.cols();
  // Rows of weight 0 are left out of the LP, as scikit-learn does.
  std::vector<Index> rows;
  rows.reserve(static_cast<std::size_t>(n));
  double total = 0;
  for (Index i = 0; i < n; ++i) {
    const double w = sample_weight ? (*sample_weight)(i) : 1.0;
    if (w != 0) rows.push_back(i);
    total += w;
  }
  if (rows.empty()) throw ValueError(cat(where, ": every sample weight is 0"));
  const auto m = static_cast<Index>(rows.size());
  const Index n_params = p + (params.fit_intercept ? 1 : 0);
  // Variables (a, b, u, v): coefficients' positive and negative parts, then
  // the residuals' positive and negative parts.
  const Index n_vars = 2 * n_params + 2 * m;
  Vector c(n_vars);
  c.head(2 * n_params).setConstant(total * params.alpha);
  if (params.fit_intercept) c(0) = c(n_params) = 0;
  Vector b(m);
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(2 * m * (n_params + 1)));
  for (Index r = 0; r < m; ++r) {
    const Index i = rows[static_cast<std::size_t>(r)];
    const double w = sample_weight ? (*sample_weight)(i) : 1.0;
    c(2 * n_params + r) = w * params.quantile;
    c(2 * n_params + m + r) = w * (1 - params.quantile);
    b(r) = (*y)(i);
    const Index offset = params.fit_intercept ? 1 : 0;
    if (params.fit_intercept) {
      entries.emplace_back(r, 0, 1.0);
      entries.emplace_back(r, n_params, -1.0);
    }
    const auto add = [&](Index j, double x) {
      if (x == 0) return;
      entries.emplace_back(r, offset + j, x);
      entries.emplace_back(r, n_params + offset + j, -x);
    };
    if constexpr (std::is_same_v<XType, CsrMatrix>) {
      for (CsrMatrix::InnerIterator it(X, i); it; ++it) add(it.col(), it.value());
    } else {
      for (Index j = 0; j < p; ++j) add(j, X(i, j));
    }
    entries.emplace_back(r, 2 * n_params + r, 1.0);
    entries.emplace_back(r, 2 * n_params + m + r, -1.0);
  }
  SparseMatrix A(m, n_vars);
  A.setFromTriplets(entries.begin(), entries.end());
  optimize::LinprogOptions options;
  options.A_eq = optimize::LpMatrix(A);
  options.b_eq = std::move(b);
  options.method = params.solver == QuantileSolver::highs_ipm ? optimize::LinprogMethod::barrier
                                                              : optimize::LinprogMethod::dual_simplex;
  const optimize::LinprogResult result = optimize::linprog(c, options);
  if (!result.success) {
    const char* reason = result.status == 1   ? "Iteration limit reached."
                         : result.status == 2 ? "Problem appears to be infeasible."
                         : result.status == 3 ? "Problem appears to be unbounded."
                         : result.status == 4 ? "Numerical difficulties encountered."
                                              : "unknown reason";
    warn(WarningCategory::convergence,
         cat("Linear programming for QuantileRegressor did not succeed.\nStatus is ", result.status, ": ", reason,
             "\nResult message of linprog:\n", result.message));
  }
  if (result.x.size() != n_vars)
    throw ValueError(cat(where, ": the linear program gave no solution (status ", result.status, ")"));
  const Vector coefs = result.x.head(n_params) - result.x.segment(n_params, n_params);
  QuantileRegressorFitted out;
  out.n_features_in = p;
  out.n_iter = result.nit;
  if (params.fit_intercept) {
    out.intercept = coefs(0);
    out.coef = coefs.tail(p);
  } else {
    out.coef = coefs;
  }
  return out;
}

}  // namespace

QuantileRegressor::Fitted QuantileRegressor::learn(const MatrixView& X, const VectorView* y,
                                                   const VectorView* sample_weight) const {
  if (!y) throw ValueError(cat(kFit, ": y is required"));
  return fit_lp(params_, X, y, sample_weight);
}

QuantileRegressor& QuantileRegressor::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y(kFit, X, y, sample_weight);
  fitted_ = fit_lp(params_, X, &y, sample_weight.size() ? &sample_weight : nullptr);
  return *this;
}

Vector QuantileRegressor::predict(const CsrMatrix& X) const {
  const Fitted& state = fitted();
  check_sparse_predict(class_name, "predict", X, state.n_features_in);
  return (X * state.coef).array() + state.intercept;
}

Vector QuantileRegressor::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

}  // namespace scilearn::learn
