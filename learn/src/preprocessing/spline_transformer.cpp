#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <scilearn/learn/preprocessing/spline_transformer.hpp>

#include "base/memory.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn {

SplineKnots::SplineKnots(const Matrix& positions) : explicit_(true), n_columns_(positions.cols()) {
  values_.reserve(static_cast<std::size_t>(positions.size()));
  for (Index i = 0; i < positions.rows(); ++i)
    for (Index j = 0; j < positions.cols(); ++j) values_.push_back(positions(i, j));
}

SplineKnots SplineKnots::from_list(std::vector<double> values) {
  SplineKnots out;
  out.explicit_ = true;
  out.values_ = std::move(values);
  return out;
}

ParamValue to_param(const SplineKnots& knots) {
  if (knots.is_explicit()) return knots.values();
  return std::string(enum_name(knots.placement()));
}

void from_param(const ParamValue& value, SplineKnots& knots, std::string_view where, std::string_view param) {
  if (const auto* name = std::get_if<std::string>(&value)) {
    knots = enum_from_name<SplineKnotPlacement>(where, param, *name);
  } else if (const auto* list = std::get_if<std::vector<double>>(&value)) {
    knots = SplineKnots::from_list(*list);
  } else if (const auto* ints = std::get_if<std::vector<std::int64_t>>(&value)) {
    knots = SplineKnots::from_list(std::vector<double>(ints->begin(), ints->end()));
  } else {
    detail::throw_param_type(where, param, "'uniform', 'quantile' or a list of knot positions (floats)", value);
  }
}

namespace {

// np.linspace(start, stop, num) for vectors start and stop (one column each):
// row i is start + i * step, the last row exactly stop, where step = (stop -
// start) / (num - 1); when the step of any column is 0, NumPy computes every
// column as start + (i / (num - 1)) * (stop - start) instead (its guard for
// denormal steps), which rounds differently, so that branch is kept.
// num = 1 gives start; num = 0 an empty matrix.
Matrix linspace_columns(const Vector& start, const Vector& stop, Index num) {
  const Index p = start.size();
  Matrix out(num, p);
  if (num == 0) return out;
  const Vector delta = stop - start;
  const Index div = num - 1;
  if (div == 0) {
    for (Index j = 0; j < p; ++j) out(0, j) = 0.0 * delta(j) + start(j);
    return out;
  }
  const Vector step = delta / static_cast<double>(div);
  const bool any_step_zero = (step.array() == 0.0).any();
  for (Index j = 0; j < p; ++j)
    for (Index i = 0; i < num; ++i) {
      const double y = any_step_zero ? static_cast<double>(i) / static_cast<double>(div) * delta(j)
                                     : static_cast<double>(i) * step(j);
      out(i, j) = y + start(j);
    }
  out.row(num - 1) = stop.transpose();
  return out;
}

// The percentile ranks 100 * np.linspace(0, 1, n_knots) of quantile knots.
std::vector<double> percentile_ranks(Index n_knots) {
  std::vector<double> ranks(static_cast<std::size_t>(n_knots));
  const double step = 1.0 / static_cast<double>(n_knots - 1);
  for (Index i = 0; i < n_knots; ++i) ranks[static_cast<std::size_t>(i)] = 100.0 * (static_cast<double>(i) * step);
  ranks.back() = 100.0;
  return ranks;
}

// np.nanpercentile(x, rank) (method "linear") of sorted NaN-free values:
// q = rank / 100, virtual index (n - 1) q, NumPy's two-sided lerp.
double linear_percentile(const std::vector<double>& sorted, double rank) {
  const auto n = static_cast<Index>(sorted.size());
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const double q = rank / 100.0;
  const double virtual_index = static_cast<double>(n - 1) * q;
  if (virtual_index >= static_cast<double>(n - 1)) return sorted.back();
  if (virtual_index < 0) return sorted.front();
  const double below = std::floor(virtual_index);
  const auto lo = static_cast<std::size_t>(below);
  const double gamma = virtual_index - below;
  const double a = sorted[lo], b = sorted[lo + 1], diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

// scikit-learn's _weighted_percentile (average=False: the inverted CDF) of one
// feature: values sorted (NaN last, with weight 0), the first whose cumulative
// weight reaches rank / 100 of the total (a rank of 0 steps past leading zero
// weights), the last one when rounding leaves the target above the total.
double weighted_percentile(const std::vector<double>& sorted, const std::vector<double>& cdf, double rank) {
  double target = rank / 100.0 * cdf.back();
  if (target == 0) target = std::nextafter(target, target + 1);
  auto at = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), target) - cdf.begin());
  at = std::min(at, sorted.size() - 1);
  return sorted[at];
}

// The base knots (n_knots x n_features) of the "uniform" / "quantile" rules.
Matrix base_knots_from_data(const MatrixView& X, const VectorView* sample_weight, Index n_knots,
                            SplineKnotPlacement placement) {
  const Index n = X.rows(), p = X.cols();
  if (placement == SplineKnotPlacement::uniform) {
    // Rows of zero weight do not count; an all-NaN feature gets [0, 0].
    Vector lo = Vector::Zero(p), hi = Vector::Zero(p);
    for (Index j = 0; j < p; ++j) {
      double mn = std::numeric_limits<double>::infinity(), mx = -mn;
      bool any = false;
      for (Index i = 0; i < n; ++i) {
        const double v = X(i, j);
        if (std::isnan(v) || (sample_weight && !((*sample_weight)(i) > 0))) continue;
        mn = std::min(mn, v);
        mx = std::max(mx, v);
        any = true;
      }
      if (any) {
        lo(j) = mn;
        hi(j) = mx;
      }
    }
    return linspace_columns(lo, hi, n_knots);
  }
  const std::vector<double> ranks = percentile_ranks(n_knots);
  Matrix knots(n_knots, p);
  for (Index j = 0; j < p; ++j) {
    if (!sample_weight) {
      std::vector<double> sorted;
      sorted.reserve(static_cast<std::size_t>(n));
      for (Index i = 0; i < n; ++i)
        if (!std::isnan(X(i, j))) sorted.push_back(X(i, j));
      std::sort(sorted.begin(), sorted.end());
      for (Index k = 0; k < n_knots; ++k) knots(k, j) = linear_percentile(sorted, ranks[static_cast<std::size_t>(k)]);
      continue;
    }
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Index{0});
    // NaN sorts last, as in np.argsort.
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
      const double va = X(a, j), vb = X(b, j);
      return std::isnan(vb) ? !std::isnan(va) : va < vb;
    });
    std::vector<double> sorted(static_cast<std::size_t>(n)), cdf(static_cast<std::size_t>(n));
    double total = 0;
    for (std::size_t r = 0; r < order.size(); ++r) {
      const double v = X(order[r], j);
      sorted[r] = v;
      cdf[r] = total += std::isnan(v) ? 0.0 : (*sample_weight)(order[r]);
    }
    for (Index k = 0; k < n_knots; ++k)
      knots(k, j) = weighted_percentile(sorted, cdf, ranks[static_cast<std::size_t>(k)]);
  }
  return knots;
}

// The given knots as an n_knots x n_features matrix, checked as scikit-learn
// checks them.
Matrix given_base_knots(const SplineKnots& knots, Index n_features) {
  const std::vector<double>& v = knots.values();
  const auto size = static_cast<Index>(v.size());
  const Index cols = knots.n_columns() > 0 ? knots.n_columns() : n_features;
  if (size % cols != 0)
    throw ValueError(cat("SplineTransformer.fit: the knots list has ", size, " values, not a multiple of n_features = ",
                         n_features, " (knots are n_knots x n_features, row by row)"));
  const Index rows = size / cols;
  for (const double value : v)
    if (!std::isfinite(value)) throw ValueError("SplineTransformer.fit: knots must be finite (found NaN or infinity)");
  if (rows < 2) throw ValueError(cat("Number of knots, knots.shape[0], must be >= 2. Got ", rows, "."));
  if (cols != n_features)
    throw ValueError(cat("knots.shape[1] == n_features is violated: knots have ", cols, " columns but X has ",
                         n_features, " features."));
  Matrix out(rows, cols);
  for (Index i = 0; i < rows; ++i)
    for (Index j = 0; j < cols; ++j) out(i, j) = v[static_cast<std::size_t>(i * cols + j)];
  for (Index j = 0; j < cols; ++j)
    for (Index i = 1; i < rows; ++i)
      if (!(out(i, j) - out(i - 1, j) > 0)) throw ValueError("knots must be sorted without duplicates.");
  return out;
}

// The full knot vectors (n_knots + 2 degree) x n_features: the base knots
// extended by `degree` knots on each side (scikit-learn's construction).
Matrix extend_knots(const Matrix& base, Index degree, bool periodic) {
  const Index m = base.rows(), p = base.cols();
  Matrix t(m + 2 * degree, p);
  t.middleRows(degree, m) = base;
  if (periodic) {
    // The spacing continues across the ends: base[-(d+1):-1] - period before,
    // base[1:d+1] + period after.
    const Vector period = base.row(m - 1) - base.row(0);
    for (Index i = 0; i < degree; ++i) {
      t.row(i) = base.row(m - 1 - degree + i) - period.transpose();
      t.row(degree + m + i) = base.row(1 + i) + period.transpose();
    }
    return t;
  }
  // Eilers & Marx (1996): no repeated boundary knots; the first (last) gap
  // repeated, as np.linspace over [b0 - d gap, b0 - gap] and [b_end + gap,
  // b_end + d gap].
  const Vector first = base.row(0).transpose(), last = base.row(m - 1).transpose();
  const Vector gap_lo = base.row(1).transpose() - first, gap_hi = last - base.row(m - 2).transpose();
  const auto d = static_cast<double>(degree);
  t.topRows(degree) = linspace_columns(first - d * gap_lo, first - gap_lo, degree);
  t.bottomRows(degree) = linspace_columns(last + gap_hi, last + d * gap_hi, degree);
  return t;
}

// The interval l in [k, n - 1] with t[l] <= x < t[l + 1] (x beyond the ends:
// the end intervals), as scipy's BSpline locates x; x must not be NaN.
Index find_interval(const double* t, Index k, Index n, double x) {
  return static_cast<Index>(std::upper_bound(t + k + 1, t + n, x) - t) - 1;
}

// The k + 1 B-splines of degree k that can be non-zero on [t[l], t[l + 1]),
// evaluated at x into h[0..k] (B_{l-k}, ..., B_l): the Cox-de Boor recursion
// in the order scipy's _deBoor_D runs it (so values round alike); with
// derivative, the last step takes the first derivative instead. hh is
// scratch of k + 1 entries. A zero-length knot span contributes nothing.
void de_boor(const double* t, double x, Index k, Index l, bool derivative, double* h, double* hh) {
  h[0] = 1.0;
  const Index m = derivative ? 1 : 0;
  for (Index j = 1; j <= k - m; ++j) {
    for (Index s = 0; s < j; ++s) hh[s] = h[s];  // a loop: memmove calls cost more for 1-3 values
    h[0] = 0.0;
    for (Index s = 1; s <= j; ++s) {
      const double xb = t[l + s], xa = t[l + s - j];
      if (xb == xa) {
        h[s] = 0.0;
        continue;
      }
      const double w = hh[s - 1] / (xb - xa);
      h[s - 1] += w * (xb - x);
      h[s] = w * (x - xa);
    }
  }
  for (Index j = k - m + 1; j <= k; ++j) {
    for (Index s = 0; s < j; ++s) hh[s] = h[s];
    h[0] = 0.0;
    for (Index s = 1; s <= j; ++s) {
      const double xb = t[l + s], xa = t[l + s - j];
      if (xb == xa) {
        h[m] = 0.0;  // scipy's choice for a repeated knot
        continue;
      }
      const double w = static_cast<double>(j) * hh[s - 1] / (xb - xa);
      h[s - 1] -= w;
      h[s] = w;
    }
  }
}

// One feature's B-splines: knots, degree, basis count and the fold of the
// periodic case (basis b >= n_splines adds into column b - n_splines).
struct Basis {
  const double* t;
  Index k, n_basis, n_splines;
  [[nodiscard]] Index column(Index b) const { return b < n_splines ? b : b - n_splines; }
  [[nodiscard]] double lo() const { return t[k]; }
  [[nodiscard]] double hi() const { return t[n_basis]; }
  // All n_splines values (or first derivatives) at x, as scipy's BSpline(t,
  // coef) with the identity coefficients (folded when periodic).
  [[nodiscard]] Vector values_at(double x, bool derivative) const {
    std::vector<double> h(static_cast<std::size_t>(k + 1)), hh(static_cast<std::size_t>(k + 1));
    const Index l = find_interval(t, k, n_basis, x);
    de_boor(t, x, k, l, derivative, h.data(), hh.data());
    Vector out = Vector::Zero(n_splines);
    for (Index a = 0; a <= k; ++a) out(column(l - k + a)) += h[static_cast<std::size_t>(a)];
    return out;
  }
};

// Python's x % y for y > 0 as NumPy computes it (np.remainder: fmod, then
// shifted into the sign of y).
double python_mod(double x, double y) {
  double r = std::fmod(x, y);
  if (r != 0) {
    if ((y < 0) != (r < 0)) r += y;
  } else {
    r = std::copysign(0.0, y);
  }
  return r;
}

}  // namespace

void SplineTransformer::check_fitted(const Fitted& s) {
  if (s.degree < 0 || s.n_splines < 1) throw ValueError("degree < 0 or n_splines < 1");
  if (s.bspline_knots.cols() != s.n_features_in) throw ValueError("bspline_knots has one column per feature");
  const Index n_basis = s.bspline_knots.rows() - s.degree - 1;
  // The periodic layout folds basis b >= n_splines into column b - n_splines,
  // which stays in range only for degree <= n_splines (fit ensures it).
  const bool periodic_layout = n_basis == s.n_splines + s.degree && s.degree <= s.n_splines;
  if (n_basis != s.n_splines && !periodic_layout)
    throw ValueError("the knot count does not match degree and n_splines");
  if (s.n_features_out != s.n_features_in * (s.n_splines - (s.include_bias ? 0 : 1)))
    throw ValueError("n_features_out does not match n_splines and include_bias");
  for (Index j = 0; j < s.bspline_knots.cols(); ++j)
    for (Index i = 1; i < s.bspline_knots.rows(); ++i)
      if (!(s.bspline_knots(i, j) >= s.bspline_knots(i - 1, j))) throw ValueError("knots must be non-decreasing");
}

SplineTransformer::Fitted SplineTransformer::learn(const MatrixView& X, const VectorView*,
                                                   const VectorView* sample_weight) const {
  const Params& P = params_;
  if (P.n_knots < 2)
    throw ValueError(cat("The 'n_knots' parameter of SplineTransformer must be an int in the range [2, inf). Got ",
                         P.n_knots, " instead."));
  if (P.degree < 0)
    throw ValueError(cat("The 'degree' parameter of SplineTransformer must be an int in the range [0, inf). Got ",
                         P.degree, " instead."));
  const Index n = X.rows(), p = X.cols();
  if (n < 2)
    throw ValueError(cat("Found array with ", n, " sample(s) (shape=(", n, ", ", p,
                         ")) while a minimum of 2 is required by SplineTransformer."));
  if (P.handle_missing == SplineHandleMissing::error && X.hasNaN())
    throw ValueError(
        "Input X contains NaN values and `SplineTransformer` is configured to error in this case "
        "(handle_missing='error'). To avoid this error, set handle_missing='zeros' to encode missing values as "
        "splines with value 0 or ensure no missing values in X.");
  // An all-NaN column has no quantile: NumPy would place NaN knots.
  if (!P.knots.is_explicit() && P.knots.placement() == SplineKnotPlacement::quantile)
    for (Index j = 0; j < p; ++j)
      if (X.col(j).array().isNaN().all())
        throw ValueError(cat("SplineTransformer.fit: feature ", j, " is all NaN: no quantile knots can be placed"));

  const Matrix base = P.knots.is_explicit() ? given_base_knots(P.knots, p)
                                            : base_knots_from_data(X, sample_weight, P.n_knots, P.knots.placement());
  const Index n_knots = base.rows();
  const bool periodic = P.extrapolation == SplineExtrapolation::periodic;
  if (periodic && n_knots <= P.degree)
    throw ValueError(
        cat("Periodic splines require degree < n_knots. Got n_knots=", n_knots, " and degree=", P.degree, "."));
  Fitted out;
  out.n_features_in = p;
  out.degree = P.degree;
  out.n_splines = periodic ? n_knots - 1 : n_knots + P.degree - 1;
  out.include_bias = P.include_bias;
  out.n_features_out = p * (out.n_splines - (P.include_bias ? 0 : 1));
  out.bspline_knots = extend_knots(base, P.degree, periodic);
  return out;
}

Matrix SplineTransformer::transform(const MatrixView& X) const {
  const Fitted& s = check_input("transform", X);
  const SplineExtrapolation mode = params_.extrapolation;
  if (params_.handle_missing == SplineHandleMissing::error && X.hasNaN())
    throw ValueError("SplineTransformer.transform: Input X contains NaN (handle_missing='error').");
  const Index n = X.rows(), p = X.cols(), k = s.degree;
  const Index n_basis = s.bspline_knots.rows() - k - 1;
  const Index per_feature = s.n_splines - (s.include_bias ? 0 : 1);
  const auto basis_of = [&](Index j) { return Basis{s.bspline_knots.col(j).data(), k, n_basis, s.n_splines}; };

  // Errors first: nothing may throw inside the parallel loop.
  for (Index j = 0; j < p; ++j) {
    const Basis b = basis_of(j);
    for (Index i = 0; i < n; ++i) {
      const double x = X(i, j);
      if (mode == SplineExtrapolation::error && (x < b.lo() || x > b.hi()))
        throw ValueError("`X` contains values beyond the limits of the knots.");
      if (mode == SplineExtrapolation::constant && k == 0 && x > b.hi())
        throw ValueError(
            "SplineTransformer.transform: extrapolation='constant' with degree=0 is not defined above the last knot "
            "(scikit-learn 1.9 fails there with a shape mismatch)");
    }
  }

  // Each feature's block is zeroed by the thread that fills it (first touch
  // in that thread, on huge pages for a large output).
  Matrix Z(n, s.n_features_out);
  detail::advise_huge_pages(Z.data(), static_cast<std::size_t>(Z.size()) * sizeof(double));
#pragma omp parallel for schedule(dynamic) if (n * p * (k + 1) > 20000)
  for (Index j = 0; j < p; ++j) {
    const Basis b = basis_of(j);
    const Index offset = j * per_feature;
    Z.middleCols(offset, per_feature).setZero();
    std::vector<double> h(static_cast<std::size_t>(k + 1)), hh(static_cast<std::size_t>(k + 1));
    const auto put = [&](Index i, Index column, double v) {
      if (column < per_feature) Z(i, offset + column) += v;  // the dropped bias column is the last one
    };
    const auto evaluate = [&](Index i, double x) {
      const Index l = find_interval(b.t, k, n_basis, x);
      de_boor(b.t, x, k, l, false, h.data(), hh.data());
      for (Index a = 0; a <= k; ++a) put(i, b.column(l - k + a), h[static_cast<std::size_t>(a)]);
    };
    const double lo = b.lo(), hi = b.hi();
    if (mode == SplineExtrapolation::constant || mode == SplineExtrapolation::linear) {
      const Vector f_lo = b.values_at(lo, false), f_hi = b.values_at(hi, false);
      const bool linear = mode == SplineExtrapolation::linear;
      const Vector d_lo = linear ? b.values_at(lo, true) : Vector(), d_hi = linear ? b.values_at(hi, true) : Vector();
      // The boundary functions continued: the first / last `degree` of them
      // (linear: at least 2 for degree 1, 1 for degree 0).
      const Index ends = std::min(linear && k <= 1 ? k + 1 : k, s.n_splines);
      for (Index i = 0; i < n; ++i) {
        const double x = X(i, j);
        if (x >= lo && x <= hi) {
          evaluate(i, x);
        } else if (x < lo) {
          for (Index c = 0; c < ends; ++c) put(i, c, linear ? f_lo(c) + (x - lo) * d_lo(c) : f_lo(c));
        } else if (x > hi) {
          for (Index e = 0; e < ends; ++e) {
            const Index c = s.n_splines - 1 - e;
            put(i, c, linear ? f_hi(c) + (x - hi) * d_hi(c) : f_hi(c));
          }
        }  // NaN (handle_missing = "zeros"): zeros
      }
    } else {
      const double period = hi - lo;
      for (Index i = 0; i < n; ++i) {
        double x = X(i, j);
        if (std::isnan(x)) continue;
        if (mode == SplineExtrapolation::periodic) x = period > 0 ? lo + python_mod(x - lo, period) : 0.0;
        evaluate(i, x);
      }
    }
  }
  return Z;
}

std::vector<std::string> SplineTransformer::get_feature_names_out(
    const std::vector<std::string>& input_features) const {
  const Fitted& s = fitted();
  const auto names = one_to_one_feature_names(class_name, input_features, s.n_features_in);
  const Index per_feature = s.n_splines - (s.include_bias ? 0 : 1);
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(s.n_features_out));
  for (const std::string& name : names)
    for (Index c = 0; c < per_feature; ++c) out.push_back(cat(name, "_sp_", c));
  return out;
}

}  // namespace scilearn::learn
