// SplineTransformer against scikit-learn 1.9.1 (tests/reference/learn_spline_transformer.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(spline_transformer)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix fixture(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/spline_transformer/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/spline_transformer/" + name + ".npy"));
}
std::vector<std::string> load_lines(const std::string& name) {
  std::ifstream in(testing::fixture_path("learn/spline_transformer/" + name + ".txt"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Largest |a - b| / max(1, |b|); NaN must match NaN; shapes must agree.
double error_of(const Matrix& a, const Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return std::numeric_limits<double>::infinity();
  double worst = 0;
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i) {
      if (std::isnan(a(i, j)) || std::isnan(b(i, j))) {
        if (!(std::isnan(a(i, j)) && std::isnan(b(i, j)))) return std::numeric_limits<double>::infinity();
        continue;
      }
      worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / std::max(1.0, std::abs(b(i, j))));
    }
  return worst;
}

struct Case {
  std::string name, data, apply, weights;
  SplineTransformer::Params params;
  Index n_splines = 0;
  bool names = false;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& row : testing::read_manifest("learn/spline_transformer/cases.csv")) {
    Case c;
    c.name = row.at(0);
    c.data = row.at(1);
    c.params.n_knots = std::stol(row.at(2));
    c.params.degree = std::stol(row.at(3));
    const std::string& knots = row.at(4);
    if (knots.rfind("knots_", 0) == 0)
      c.params.knots = fixture(knots);
    else
      c.params.knots = enum_from_name<SplineKnotPlacement>("test", "knots", knots);
    c.params.extrapolation = enum_from_name<SplineExtrapolation>("test", "extrapolation", row.at(5));
    c.params.include_bias = row.at(6) == "1";
    c.params.order = enum_from_name<SplineOrder>("test", "order", row.at(7));
    c.params.handle_missing = enum_from_name<SplineHandleMissing>("test", "handle_missing", row.at(8));
    c.weights = row.at(9);
    c.apply = row.at(10);
    c.n_splines = std::stol(row.at(11));
    c.names = row.at(12) == "1";
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

// Each basis value is a Cox-de Boor recursion of degree steps (a few flops
// each) on values in [0, 1], in scipy's order: agreement to a few ulp. The
// knots themselves are computed as NumPy computes them, so the only
// differences are a fused multiply-add here or there. 'continue' and 'linear'
// reach values of a few units outside the range, hence the relative floor 1.
// The tolerance: 1e-12 (a hundred times the rounding of the longest chain).
// Linear extrapolation of degree <= 1: the expected values are scikit-learn's
// for each feature fitted alone (its multi-feature result is wrong there).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const auto all = cases();
  BOOST_TEST(all.size() >= 80u);
  for (const Case& c : all) {
    BOOST_TEST_INFO(c.name);
    const Matrix X = fixture(c.data + "_fit");
    SplineTransformer spline(c.params);
    if (c.weights.empty())
      spline.fit(X);
    else
      spline.fit(X, Vector::Zero(X.rows()), load_vector(c.weights));
    BOOST_TEST(spline.n_splines() == c.n_splines);
    const Matrix t = fixture(c.name + "_t");
    BOOST_TEST(error_of(spline.bspline_knots(), t) <= 1e-14);
    const Matrix expected = fixture(c.name);
    const Matrix Z = spline.transform(fixture(c.apply));
    BOOST_TEST(spline.n_features_out() == expected.cols());
    BOOST_TEST(error_of(Z, expected) <= 1e-12);
    if (c.names) BOOST_TEST((spline.get_feature_names_out() == load_lines(c.name + "_names")));
  }
}

BOOST_AUTO_TEST_CASE(feature_names_use_the_given_input_names) {
  SplineTransformer spline({.n_knots = 3, .degree = 1});
  spline.fit(fixture("X_fit"));
  BOOST_TEST((spline.get_feature_names_out({"age", "income"}) == load_lines("names_given")));
  BOOST_CHECK_THROW((void)spline.get_feature_names_out({"a"}), ValueError);
}

// B-splines form a partition of unity on the base interval [t_k, t_n]: with
// include_bias every row sums to 1 (a sum of degree + 1 rounded terms).
BOOST_AUTO_TEST_CASE(rows_sum_to_one_inside_the_base_interval) {
  const Matrix X = fixture("X_fit");
  Generator rng(5);
  for (const auto extrapolation : {SplineExtrapolation::constant, SplineExtrapolation::continue_,
                                   SplineExtrapolation::periodic, SplineExtrapolation::error}) {
    for (Index degree = 0; degree <= 4; ++degree) {
      for (const auto placement : {SplineKnotPlacement::uniform, SplineKnotPlacement::quantile}) {
        SplineTransformer spline({.n_knots = 6, .degree = degree, .knots = placement, .extrapolation = extrapolation});
        spline.fit(X);
        // Points in the base interval, ends included.
        Matrix points(200, 2);
        for (Index j = 0; j < 2; ++j) {
          const double lo = spline.bspline_knots()(degree, j);
          const double hi = spline.bspline_knots()(spline.bspline_knots().rows() - 1 - degree, j);
          points.col(j) = lo + (hi - lo) * rng.random(200).array();
          points(0, j) = lo;
          points(1, j) = hi;
        }
        const Matrix Z = spline.transform(points);
        const Index per = spline.n_splines();
        for (Index j = 0; j < 2; ++j) {
          const Vector sums = Z.middleCols(j * per, per).rowwise().sum();
          BOOST_TEST_INFO("degree " << degree << " feature " << j);
          BOOST_TEST((sums.array() - 1.0).abs().maxCoeff() <= 1e-14);
          BOOST_TEST((Z.middleCols(j * per, per).array() >= -1e-16).all());
        }
      }
    }
  }
}

// Every feature is transformed as if fitted alone. (scikit-learn 1.9.1 is
// not, for linear extrapolation with degree <= 1: the fixtures of those cases
// are its per-feature results; see the reference script.)
BOOST_AUTO_TEST_CASE(features_are_independent) {
  const Matrix X = fixture("X_fit"), X_eval = fixture("X_eval");
  for (Index degree = 0; degree <= 3; ++degree) {
    const SplineTransformer::Params params{.degree = degree, .extrapolation = SplineExtrapolation::linear};
    const Matrix Z = SplineTransformer(params).fit(X).transform(X_eval);
    const Index per = Z.cols() / 2;
    for (Index j = 0; j < 2; ++j) {
      const Matrix alone = SplineTransformer(params).fit(X.col(j)).transform(X_eval.col(j));
      BOOST_TEST((Z.middleCols(j * per, per) == alone));
    }
  }
}

// Large enough for the parallel loop over features; each feature alone is
// below its threshold: the same bits either way.
BOOST_AUTO_TEST_CASE(parallel_transform_equals_the_serial_one) {
  Generator rng(11);
  const Matrix X = rng.standard_normal(3000, 4);
  for (const auto extrapolation : {SplineExtrapolation::periodic, SplineExtrapolation::linear}) {
    const SplineTransformer::Params params{
        .n_knots = 7, .knots = SplineKnotPlacement::quantile, .extrapolation = extrapolation, .include_bias = false};
    const Matrix Z = SplineTransformer(params).fit(X).transform(X);
    const Index per = Z.cols() / 4;
    for (Index j = 0; j < 4; ++j) {
      SplineTransformer alone(params);
      alone.fit(X.col(j));
      BOOST_TEST((Z.middleCols(j * per, per) == alone.transform(X.col(j))));
    }
  }
}

BOOST_AUTO_TEST_CASE(order_f_gives_the_values_of_order_c) {
  const Matrix X = fixture("X_fit"), X_eval = fixture("X_eval");
  const Matrix c = SplineTransformer({.degree = 2}).fit(X).transform(X_eval);
  const Matrix f = SplineTransformer({.degree = 2, .order = SplineOrder::F}).fit(X).transform(X_eval);
  BOOST_TEST((c == f));
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected_as_scikit_learn_rejects_them) {
  const Matrix X = fixture("X_fit"), knots = fixture("knots_a");
  auto message = testing::message_of<ValueError>([&] { SplineTransformer({.n_knots = 1}).fit(X); });
  BOOST_TEST(message.find("'n_knots' parameter of SplineTransformer must be an int in the range [2, inf)") !=
             std::string::npos);
  message = testing::message_of<ValueError>([&] { SplineTransformer({.degree = -1}).fit(X); });
  BOOST_TEST(message.find("'degree'") != std::string::npos);
  message =
      testing::message_of<ValueError>([&] { SplineTransformer({.knots = Matrix(knots.colwise().reverse())}).fit(X); });
  BOOST_TEST(message.find("sorted without duplicates") != std::string::npos);
  message = testing::message_of<ValueError>([&] { SplineTransformer({.knots = Matrix(knots.topRows(1))}).fit(X); });
  BOOST_TEST(message.find("must be >= 2") != std::string::npos);
  message = testing::message_of<ValueError>([&] { SplineTransformer({.knots = Matrix(knots.leftCols(1))}).fit(X); });
  BOOST_TEST(message.find("n_features is violated") != std::string::npos);
  Matrix with_nan = knots;
  with_nan(2, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)SplineTransformer({.knots = with_nan}).fit(X), ValueError);
  message = testing::message_of<ValueError>(
      [&] { SplineTransformer({.n_knots = 3, .degree = 3, .extrapolation = SplineExtrapolation::periodic}).fit(X); });
  BOOST_TEST(message.find("Periodic splines require degree < n_knots. Got n_knots=3 and degree=3.") !=
             std::string::npos);
  message = testing::message_of<ValueError>([&] { SplineTransformer().fit(X.topRows(1)); });
  BOOST_TEST(message.find("minimum of 2 is required") != std::string::npos);
  Matrix X_nan = X;
  X_nan(3, 0) = std::numeric_limits<double>::quiet_NaN();
  message = testing::message_of<ValueError>([&] { SplineTransformer().fit(X_nan); });
  BOOST_TEST(message.find("handle_missing='error'") != std::string::npos);
  SplineTransformer fitted;
  fitted.fit(X);
  BOOST_CHECK_THROW((void)fitted.transform(X_nan), ValueError);
  // An all-NaN feature: no quantile knots (NumPy would place NaN ones);
  // uniform knots all at 0, as scikit-learn's (its min and max default to 0).
  Matrix all_nan = X;
  all_nan.col(1).setConstant(std::numeric_limits<double>::quiet_NaN());
  BOOST_CHECK_THROW(
      (void)SplineTransformer({.knots = SplineKnotPlacement::quantile, .handle_missing = SplineHandleMissing::zeros})
          .fit(all_nan),
      ValueError);
  SplineTransformer zeros({.handle_missing = SplineHandleMissing::zeros});
  zeros.fit(all_nan);
  BOOST_TEST((zeros.bspline_knots().col(1).array() == 0.0).all());
  BOOST_TEST((zeros.transform(all_nan).rightCols(zeros.n_splines()).array() == 0.0).all());
}

BOOST_AUTO_TEST_CASE(out_of_range_values_throw_with_extrapolation_error) {
  SplineTransformer spline({.extrapolation = SplineExtrapolation::error});
  spline.fit(fixture("X_fit"));
  const std::string message = testing::message_of<ValueError>([&] { (void)spline.transform(fixture("X_eval")); });
  BOOST_TEST(message == "`X` contains values beyond the limits of the knots.");
  // Degree 0, constant: below the first knot zeros, above the last knot an
  // error (scikit-learn 1.9 fails there too).
  SplineTransformer step({.degree = 0});
  step.fit(fixture("X_fit"));
  BOOST_CHECK_THROW((void)step.transform(fixture("X_eval")), ValueError);
}

// By name the knots are a flat row-major list; a round trip through
// get_params / set_params (and a model file) keeps the fit.
BOOST_AUTO_TEST_CASE(explicit_knots_travel_by_name_as_a_row_major_list) {
  const Matrix X = fixture("X_fit"), knots = fixture("knots_a");
  SplineTransformer typed({.knots = knots, .extrapolation = SplineExtrapolation::continue_});
  const ParamMap params = typed.get_params();
  const auto& list = std::get<std::vector<double>>(params.at("knots"));
  BOOST_TEST(list.size() == static_cast<std::size_t>(knots.size()));
  BOOST_TEST(list[1] == knots(0, 1));
  BOOST_TEST(list[2] == knots(1, 0));
  SplineTransformer by_name;
  by_name.set_params(params);
  BOOST_TEST(params_equal(by_name.get_params(), params));
  const Matrix X_eval = fixture("X_eval");
  BOOST_TEST((by_name.fit(X).transform(X_eval) == typed.fit(X).transform(X_eval)));
  BOOST_TEST((by_name.bspline_knots() == typed.bspline_knots()));
  by_name.set_params(ParamMap{{"knots", std::string("quantile")}});
  BOOST_TEST(!by_name.params().knots.is_explicit());
  BOOST_CHECK_THROW((void)by_name.set_params(ParamMap{{"knots", std::string("middle")}}), ValueError);
  BOOST_CHECK_THROW((void)by_name.set_params(ParamMap{{"knots", 3.0}}), ValueError);
  by_name.set_params(ParamMap{{"knots", std::vector<double>{0.0, 1.0, 2.0, 3.0, 4.0}}});  // 5 values, 2 features
  BOOST_CHECK_THROW((void)by_name.fit(X), ValueError);
}

BOOST_AUTO_TEST_CASE(a_loaded_model_transforms_as_the_original) {
  const Matrix X = fixture("X_fit"), X_eval = fixture("X_eval");
  SplineTransformer spline({.degree = 2, .knots = fixture("knots_a"), .extrapolation = SplineExtrapolation::periodic});
  spline.fit(X);
  const auto path = testing::scratch_dir("learn_spline") / "spline.scl";
  save(spline, path);
  const auto loaded = load(path);
  BOOST_TEST((loaded->transform(X_eval) == spline.transform(X_eval)));
}

BOOST_AUTO_TEST_SUITE_END()
