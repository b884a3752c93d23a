// KNNImputer against scikit-learn 1.9.1 (tests/reference/learn_impute.py) and
// against a direct computation (distances by differences, full sort).
#include <omp.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numeric>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "learn/impute/impute_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(knn_imputer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::impute;

namespace {

// Data with about `fraction` of the entries missing.
Matrix with_missing(Generator& rng, Index n, Index p, double fraction) {
  Matrix X = rng.standard_normal(n, p);
  const Matrix u = rng.random(n, p);
  for (Index j = 0; j < p; ++j)
    for (Index i = 0; i < n; ++i)
      if (u(i, j) < fraction) X(i, j) = std::nan("");
  return X;
}

// KNNImputer by the definition: nan-Euclidean distances from differences,
// donors sorted by (distance, row), the first k with a defined distance.
Matrix direct_impute(const Matrix& fit, const Matrix& X, Index k, bool by_distance) {
  const Index p = X.cols();
  Matrix out = X;
  for (Index i = 0; i < X.rows(); ++i)
    for (Index c = 0; c < p; ++c) {
      if (!std::isnan(X(i, c))) continue;
      std::vector<std::pair<double, Index>> donors;
      for (Index j = 0; j < fit.rows(); ++j) {
        if (std::isnan(fit(j, c))) continue;
        double sum = 0;
        Index present = 0;
        for (Index t = 0; t < p; ++t)
          if (!std::isnan(X(i, t)) && !std::isnan(fit(j, t))) {
            sum += (X(i, t) - fit(j, t)) * (X(i, t) - fit(j, t));
            ++present;
          }
        if (present > 0) donors.emplace_back(std::sqrt(sum * static_cast<double>(p) / static_cast<double>(present)), j);
      }
      BOOST_REQUIRE(!donors.empty());
      std::sort(donors.begin(), donors.end());
      const std::size_t m = std::min<std::size_t>(static_cast<std::size_t>(k), donors.size());
      double num = 0, den = 0;
      for (std::size_t t = 0; t < m; ++t) {
        const double w = by_distance ? 1.0 / donors[t].first : 1.0;
        num += w * fit(donors[t].second, c);
        den += w;
      }
      out(i, c) = num / den;
    }
  return out;
}

}  // namespace

// Distances come from the norm trick in both libraries, in another order of
// operations: a few eps of (|x|^2 + |y|^2) / d^2 relative (the data are O(1)
// with well separated neighbours, so about 1e-14); 1 / d weights carry it
// over, and averages of at most 5 values add a few eps: 1e-12 relative to
// max(|value|, 1) (measured 3e-14).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("knn_X"), X_test = load_matrix("knn_X_test");
  for (const auto& row : load_cases("knn_cases")) {
    const std::string& name = row[0];
    BOOST_TEST_INFO(name);
    const KNNImputer::Params params{.n_neighbors = std::stoi(row[1]),
                                    .weights = enum_from_name<KNNImputerWeights>("test", "weights", row[2]),
                                    .add_indicator = row[4] == "1",
                                    .keep_empty_features = row[3] == "1"};
    KNNImputer imputer(params);
    imputer.fit(X);
    BOOST_TEST(relative_error(imputer.transform(X_test), load_matrix(name + "_transform")) <= 1e-12);
    BOOST_TEST(relative_error(imputer.transform(X), load_matrix(name + "_fit_transform")) <= 1e-12);
    if (params.add_indicator) BOOST_TEST(imputer.indicator().features() == load_indices(name + "_indicator_features"));
  }
  KNNImputer all_donors({.n_neighbors = 60, .weights = KNNImputerWeights::distance});
  all_donors.fit(X);
  BOOST_TEST(relative_error(all_donors.transform(X_test), load_matrix("knn_60_distance_transform")) <= 1e-12);
}

// Small integers: every distance is exact in both libraries; the weighted
// averages round once or twice (1e-15).
BOOST_AUTO_TEST_CASE(donors_at_distance_zero_count_alone) {
  const Matrix X = load_matrix("zero_X"), X_test = load_matrix("zero_X_test");
  for (const auto weights : {KNNImputerWeights::uniform, KNNImputerWeights::distance}) {
    const std::string tag(enum_name(weights));
    BOOST_TEST_INFO(tag);
    KNNImputer imputer({.n_neighbors = 3, .weights = weights});
    imputer.fit(X);
    const Matrix Z = imputer.transform(X_test);
    BOOST_TEST(relative_error(Z, load_matrix("zero_" + tag + "_transform")) <= 1e-15);
    // Fit rows 1 and 3 match test row 0 on their shared features: (4 + 6) / 2.
    if (weights == KNNImputerWeights::distance) BOOST_TEST(Z(0, 3) == 5.0);
  }
}

BOOST_AUTO_TEST_CASE(feature_names_follow_the_output) {
  const Matrix X = load_matrix("knn_X");
  KNNImputer imputer({.add_indicator = true});
  imputer.fit(X);
  BOOST_TEST(imputer.get_feature_names_out() == load_lines("knn_names"));
  // With keep_empty_features the empty feature stays in the output, and in
  // the names (scikit-learn 1.9.1 leaves it out of the names only).
  KNNImputer kept({.keep_empty_features = true});
  kept.fit(X);
  BOOST_TEST(kept.get_feature_names_out().size() == static_cast<std::size_t>(kept.transform(X).cols()));
}

// Several blocks of rows (256 a block here), OpenMP over them: the same
// answer as the direct computation, bitwise the same for 1 and 2 threads.
// The GEMM distances differ from direct differences by a few eps of
// (|x|^2 + |y|^2) / d^2 relative; with 700 random donors no neighbour order
// is that close, so uniform averages agree to a few eps (1e-12), while 1 / d
// weights carry the distances' error, up to 1e-11 for the nearest donors
// (d near 0.05 over a few shared features, |x|^2 + |y|^2 near 10): 1e-9.
BOOST_AUTO_TEST_CASE(blocks_and_threads_give_the_direct_answer) {
  for (const std::uint64_t seed : {7u, 8u}) {
    Generator rng(seed);
    const Matrix fit = with_missing(rng, 700, 6, 0.2), X = with_missing(rng, 600, 6, 0.2);
    for (const auto weights : {KNNImputerWeights::uniform, KNNImputerWeights::distance}) {
      KNNImputer imputer({.n_neighbors = 4, .weights = weights});
      imputer.fit(fit);
      const int threads = omp_get_max_threads();
      omp_set_num_threads(1);
      const Matrix one = imputer.transform(X);
      omp_set_num_threads(2);
      const Matrix two = imputer.transform(X);
      omp_set_num_threads(threads);
      BOOST_TEST_INFO("seed " << seed << " " << enum_name(weights));
      BOOST_TEST((one == two));
      const bool by_distance = weights == KNNImputerWeights::distance;
      BOOST_TEST(relative_error(one, direct_impute(fit, X, 4, by_distance)) <= (by_distance ? 1e-9 : 1e-12));
    }
  }
}

// Documented tie rule: among donors at equal distances the lower fit row
// comes first (integers: the distances 1, 1, 3 are exact).
BOOST_AUTO_TEST_CASE(ties_take_the_lower_fit_row) {
  Matrix fit(3, 2), X(1, 2);
  fit << 2, 20, 0, 10, -2, 30;
  X << 1, std::nan("");
  KNNImputer nearest({.n_neighbors = 1});
  nearest.fit(fit);
  BOOST_TEST(nearest.transform(X)(0, 1) == 20.0);
  KNNImputer two({.n_neighbors = 2});
  two.fit(fit);
  BOOST_TEST(two.transform(X)(0, 1) == 15.0);
}

BOOST_AUTO_TEST_CASE(rows_without_shared_features_take_the_mean) {
  Matrix fit(3, 2), X(1, 2);
  fit << 1, std::nan(""), std::nan(""), 2, std::nan(""), 4;
  X << std::nan(""), 5;
  // Row 0 of X shares feature 1 with fit rows 1 and 2, but the donors of
  // feature 0 (fit row 0) have feature 1 missing: no defined distance.
  KNNImputer imputer;
  imputer.fit(fit);
  BOOST_TEST(imputer.transform(X)(0, 0) == 1.0);
}

// A numeric placeholder marks the same entries as NaN did: the same answer,
// bitwise (the same distances, donors and averages).
BOOST_AUTO_TEST_CASE(numeric_placeholder_equals_nan) {
  const Matrix X = load_matrix("knn_X"), X_test = load_matrix("knn_X_test");
  const auto placeholder = [](Matrix M) {
    for (double& v : M.reshaped())
      if (std::isnan(v)) v = -999.0;
    return M;
  };
  KNNImputer by_nan({.n_neighbors = 3, .weights = KNNImputerWeights::distance, .add_indicator = true});
  KNNImputer by_number(
      {.missing_values = -999.0, .n_neighbors = 3, .weights = KNNImputerWeights::distance, .add_indicator = true});
  by_nan.fit(X);
  by_number.fit(placeholder(X));
  BOOST_TEST((by_number.transform(placeholder(X_test)) == by_nan.transform(X_test)));
}

BOOST_AUTO_TEST_CASE(save_and_load_give_the_same_imputation) {
  const Matrix X = load_matrix("knn_X"), X_test = load_matrix("knn_X_test");
  KNNImputer imputer({.n_neighbors = 3, .weights = KNNImputerWeights::distance, .add_indicator = true});
  imputer.fit(X);
  const auto path = testing::scratch_dir("learn_knn_imputer") / "model.scl";
  save(imputer, path);
  const auto loaded = load(path);
  BOOST_TEST((loaded->transform(X_test) == imputer.transform(X_test)));
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  const Matrix X = load_matrix("knn_X");
  BOOST_CHECK_THROW((void)KNNImputer({.n_neighbors = 0}).fit(X), ValueError);
  BOOST_CHECK_THROW((void)KNNImputer().fit(X, Vector::Zero(X.rows()), Vector::Ones(X.rows())), ValueError);
  KNNImputer numeric({.missing_values = 0});
  BOOST_CHECK_THROW((void)numeric.fit(X), ValueError);  // NaN with a numeric placeholder
  KNNImputer imputer;
  imputer.fit(X);
  BOOST_CHECK_THROW((void)imputer.transform(X.leftCols(3)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
