// SelectKBest and SelectPercentile against scikit-learn 1.9.1
// (tests/reference/learn_feature_selection.py: supports.csv), and their
// parameters, transforms and errors.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn.hpp>

#include "learn/feature_selection/feature_selection_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(univariate_selection)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::feature_selection;

namespace {

struct Data {
  Matrix X;
  Vector y;
  ScoreFunc score_func;
};

Data data_of(const std::string& name) {
  if (name == "clf") return {load_matrix("clf_X"), load_vector("clf_y"), ScoreFunc::f_classif};
  if (name == "reg") return {load_matrix("reg_X"), load_vector("reg_y"), ScoreFunc::f_regression};
  if (name == "reg_r") return {load_matrix("reg_X"), load_vector("reg_y"), ScoreFunc::r_regression};
  if (name == "chi2") return {load_matrix("chi2_X"), load_vector("chi2_y"), ScoreFunc::chi2};
  // "ties": fixed scores (fixed_scores below) on a dummy X.
  return {Matrix::Zero(3, load_vector("tie_scores").size()), (Vector(3) << 0, 1, 0).finished(), ScoreFunc::callable};
}

// scikit-learn's script scores the "ties" case with these scores and p-values.
ScoreFunction fixed_scores() {
  const Vector scores = load_vector("tie_scores");
  return [scores](const MatrixView&, const VectorView&) {
    return FeatureScores{scores, Vector::LinSpaced(scores.size(), 0.9, 0.1)};
  };
}

}  // namespace

// Every k (0 to n_features + 2 and "all") and percentile of the fixtures,
// ties included: the supports agree exactly.
BOOST_AUTO_TEST_CASE(supports_match_scikit_learn) {
  WarningRecorder quiet;  // k > n_features and constant features warn
  const auto rows = testing::read_manifest("learn/feature_selection/supports.csv");
  BOOST_TEST_REQUIRE(rows.size() > 50u);
  Index checked = 0;
  for (const auto& row : rows) {
    const std::string& name = row[0];
    if (name == "var") continue;  // variance_threshold_test.cpp
    const Data d = data_of(name);
    const ScoreFunction callable = d.score_func == ScoreFunc::callable ? fixed_scores() : nullptr;
    std::vector<bool> support;
    if (row[1] == "k") {
      const FeatureCount k = row[2] == "all" ? FeatureCount::all() : FeatureCount(std::stol(row[2]));
      SelectKBest selector({.score_func = d.score_func, .score_callable = callable, .k = k});
      support = selector.fit(d.X, d.y).get_support();
    } else {
      SelectPercentile selector(
          {.score_func = d.score_func, .score_callable = callable, .percentile = std::stod(row[2])});
      support = selector.fit(d.X, d.y).get_support();
    }
    BOOST_TEST_INFO(name << " " << row[1] << "=" << row[2]);
    BOOST_TEST(support_text(support) == row[3]);
    ++checked;
  }
  BOOST_TEST(checked > 50);
}

BOOST_AUTO_TEST_CASE(scores_and_pvalues_are_those_of_the_score_function) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  SelectKBest selector({.score_func = ScoreFunc::f_regression, .k = 3});
  selector.fit(X, y);
  const FeatureScores direct = f_regression(X, y);
  BOOST_TEST((selector.scores() == direct.scores));
  BOOST_TEST((selector.pvalues() == direct.pvalues));
  SelectKBest r({.score_func = ScoreFunc::r_regression, .k = 3});
  BOOST_TEST(r.fit(X, y).pvalues().size() == 0);  // scikit-learn's pvalues_ = None
}

BOOST_AUTO_TEST_CASE(transform_keeps_the_selected_columns_and_inverse_puts_zeros_back) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  SelectKBest selector({.score_func = ScoreFunc::f_regression, .k = 3});
  const Matrix Z = selector.fit_transform(X, y);
  const std::vector<Index> kept = selector.get_support_indices();
  BOOST_TEST((kept == std::vector<Index>{1, 2, 4}));
  BOOST_TEST((Z == X(Eigen::all, kept)));
  const Matrix back = selector.inverse_transform(Z);
  for (Index j = 0; j < X.cols(); ++j)
    BOOST_TEST((back.col(j) ==
                (selector.get_support()[static_cast<std::size_t>(j)] ? Vector(X.col(j)) : Vector::Zero(X.rows()))));
  BOOST_TEST((selector.get_feature_names_out() == std::vector<std::string>{"x1", "x2", "x4"}));
  BOOST_TEST(
      (selector.get_feature_names_out({"a", "b", "c", "d", "e", "f", "g"}) == std::vector<std::string>{"b", "c", "e"}));
  BOOST_CHECK_THROW((void)selector.get_feature_names_out({"a"}), ValueError);
  BOOST_CHECK_THROW((void)selector.inverse_transform(X), ValueError);
  BOOST_CHECK_THROW((void)selector.transform(Matrix::Ones(2, 3)), ValueError);
}

BOOST_AUTO_TEST_CASE(k_above_n_features_warns_and_keeps_all) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  WarningRecorder warnings;
  SelectKBest selector({.score_func = ScoreFunc::f_regression, .k = 9});
  selector.fit(X, y);
  BOOST_TEST_REQUIRE(warnings.messages.size() == 1u);
  BOOST_TEST(warnings.messages[0] == "k=9 is greater than n_features=7. All the features will be returned.");
  BOOST_TEST((selector.transform(X) == X));
}

BOOST_AUTO_TEST_CASE(k_zero_selects_nothing_with_a_warning) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  SelectKBest selector({.score_func = ScoreFunc::f_regression, .k = 0});
  selector.fit(X, y);
  WarningRecorder warnings;
  const Matrix Z = selector.transform(X);
  BOOST_TEST(Z.rows() == X.rows());
  BOOST_TEST(Z.cols() == 0);
  BOOST_TEST_REQUIRE(warnings.messages.size() == 1u);
  BOOST_TEST(warnings.messages[0] ==
             "No features were selected: either the data is too noisy or the selection test too strict.");
}

// As scikit-learn, the support follows the current k / percentile.
BOOST_AUTO_TEST_CASE(changing_k_after_fit_changes_the_support) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  SelectKBest selector({.score_func = ScoreFunc::f_regression, .k = 1});
  selector.fit(X, y);
  BOOST_TEST((selector.get_support_indices() == std::vector<Index>{2}));
  selector.set_params({{"k", std::int64_t{3}}});
  BOOST_TEST((selector.get_support_indices() == std::vector<Index>{1, 2, 4}));
  selector.set_params({{"k", std::string("all")}});
  BOOST_TEST(selector.get_support_indices().size() == 7u);
}

BOOST_AUTO_TEST_CASE(params_have_scikit_learn_names) {
  const SelectKBest defaults;
  const ParamMap p = defaults.get_params();
  BOOST_TEST(std::get<std::string>(p.at("score_func")) == "f_classif");
  BOOST_TEST(std::get<std::int64_t>(p.at("k")) == 10);
  const SelectKBest all({.k = "all"});
  BOOST_TEST(std::get<std::string>(all.get_params().at("k")) == "all");
  BOOST_TEST(std::get<double>(SelectPercentile().get_params().at("percentile")) == 10.0);

  SelectKBest selector;
  selector.set_params({{"score_func", std::string("chi2")}, {"k", std::string("all")}});
  BOOST_TEST((selector.params().score_func == ScoreFunc::chi2));
  BOOST_TEST(selector.params().k.is_all());
  BOOST_CHECK_THROW((void)selector.set_params({{"k", std::string("some")}}), ValueError);
  BOOST_CHECK_THROW((void)selector.set_params({{"k", 2.5}}), ValueError);
  BOOST_CHECK_THROW((void)selector.set_params({{"score_func", std::string("mutual_info")}}), ValueError);
  BOOST_CHECK_THROW((void)FeatureCount(std::string_view("most")), ValueError);
}

BOOST_AUTO_TEST_CASE(a_user_score_function_is_used_cloned_and_not_saved) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  // The negated absolute correlation: keeps the least correlated features.
  const ScoreFunction least = [](const MatrixView& A, const VectorView& b) {
    return FeatureScores{-r_regression(A, b, true, true).cwiseAbs(), Vector()};
  };
  SelectKBest selector({.score_func = ScoreFunc::callable, .score_callable = least, .k = 2});
  selector.fit(X, y);
  BOOST_TEST(std::get<std::string>(selector.get_params().at("score_func")) == "callable");
  BOOST_TEST((selector.get_support_indices() == std::vector<Index>{3, 6}));  // |r| 0.015 and 0 (zero column)
  const auto copy = selector.clone();
  copy->fit(X, y);
  BOOST_TEST((copy->transform(X) == selector.transform(X)));
  const auto path = testing::scratch_dir("learn_feature_selection") / "model.scl";
  BOOST_TEST(testing::message_of<ValueError>([&] { save(selector, path); }).find("cannot be saved") !=
             std::string::npos);
  // callable without a function; a function giving the wrong count.
  BOOST_CHECK_THROW((void)SelectKBest({.score_func = ScoreFunc::callable}).fit(X, y), ValueError);
  const ScoreFunction short_scores = [](const MatrixView&, const VectorView&) {
    return FeatureScores{Vector::Ones(2), Vector()};
  };
  BOOST_CHECK_THROW((void)SelectKBest({.score_func = ScoreFunc::callable, .score_callable = short_scores}).fit(X, y),
                    ValueError);
}

BOOST_AUTO_TEST_CASE(bad_parameters_and_missing_y_are_rejected) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  BOOST_CHECK_THROW((void)SelectKBest({.score_func = ScoreFunc::f_regression, .k = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)SelectPercentile({.percentile = 101}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)SelectPercentile({.percentile = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)SelectKBest().fit(X), ValueError);
  BOOST_CHECK_THROW((void)SelectKBest().fit(X, y, Vector::Ones(X.rows())), ValueError);
  SelectKBest unfitted;
  BOOST_CHECK_THROW((void)unfitted.get_support(), NotFittedError);
}

BOOST_AUTO_TEST_CASE(percentile_selection_transforms_and_round_trips_through_a_file) {
  const Matrix X = load_matrix("chi2_X");
  const Vector y = load_vector("chi2_y");
  SelectPercentile selector({.score_func = ScoreFunc::chi2, .percentile = 50});
  const Matrix Z = selector.fit_transform(X, y);
  BOOST_TEST((selector.get_support_indices() == std::vector<Index>{0, 2, 3}));
  BOOST_TEST((Z == X(Eigen::all, selector.get_support_indices())));
  const auto path = testing::scratch_dir("learn_feature_selection") / "percentile.scl";
  save(selector, path);
  const auto loaded = load(path);
  BOOST_TEST((loaded->transform(X) == Z));
}

// In a Pipeline the selector sees y in fit and passes the kept columns on.
BOOST_AUTO_TEST_CASE(selects_inside_a_pipeline) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  auto pipe = make_pipeline(SelectKBest({.score_func = ScoreFunc::f_regression, .k = 3}), LinearRegression());
  pipe.fit(X, y);
  LinearRegression direct;
  direct.fit(X(Eigen::all, std::vector<Index>{1, 2, 4}), y);
  BOOST_TEST((pipe.predict(X) == direct.predict(X(Eigen::all, std::vector<Index>{1, 2, 4}))));
}

BOOST_AUTO_TEST_SUITE_END()
