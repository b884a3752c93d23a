#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn/datasets/generators.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(datasets_generators)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

// tests/data/learn/datasets/values.csv (tests/reference/learn_datasets.py).
std::string reference(const std::string& c, const std::string& q) {
  static const auto values = [] {
    std::map<std::string, std::map<std::string, std::string>> m;
    for (const auto& row : testing::read_manifest("learn/datasets/values.csv")) m[row.at(0)][row.at(1)] = row.at(2);
    return m;
  }();
  return values.at(c).at(q);
}

Vector numbers(const std::string& s) {
  std::vector<double> v;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ';');) v.push_back(std::stod(item));
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

Index count(const Vector& y, double label) { return (y.array() == label).count(); }

// Expects a ValueError whose message names the function and contains `also`.
template <class F>
void expect_value_error(F&& f, const std::string& function, const std::string& also) {
  const std::string message = testing::message_of<ValueError>(std::forward<F>(f));
  BOOST_TEST_CONTEXT(message) {
    BOOST_TEST(message.find(function) != std::string::npos);
    BOOST_TEST(message.find(also) != std::string::npos);
  }
}

// Accuracy of the nearest class mean on the given columns (training data).
double nearest_mean_accuracy(const Matrix& X, const Vector& y, Index n_classes) {
  Matrix means = Matrix::Zero(n_classes, X.cols());
  Vector sizes = Vector::Zero(n_classes);
  for (Index i = 0; i < X.rows(); ++i) {
    means.row(static_cast<Index>(y(i))) += X.row(i);
    sizes(static_cast<Index>(y(i))) += 1;
  }
  for (Index k = 0; k < n_classes; ++k) means.row(k) /= sizes(k);
  Index right = 0;
  for (Index i = 0; i < X.rows(); ++i) {
    Index best = 0;
    (means.rowwise() - X.row(i)).rowwise().squaredNorm().minCoeff(&best);
    right += best == static_cast<Index>(y(i));
  }
  return static_cast<double>(right) / static_cast<double>(X.rows());
}

std::vector<Index> columns_of(const std::vector<std::string>& info, const std::string& kind) {
  std::vector<Index> out;
  for (std::size_t j = 0; j < info.size(); ++j)
    if (info[j] == kind) out.push_back(static_cast<Index>(j));
  return out;
}

Vector singular_values(const Matrix& m) { return Eigen::JacobiSVD<Matrix>(m).singularValues(); }

// scikit-learn's singular profile of make_low_rank_matrix.
Vector low_rank_profile(Index n, Index rank, double tail) {
  Vector s(n);
  for (Index i = 0; i < n; ++i) {
    const double x = static_cast<double>(i) / static_cast<double>(rank);
    s(i) = (1 - tail) * std::exp(-x * x) + tail * std::exp(-0.1 * x);
  }
  return s;
}

}  // namespace

// ---------------------------------------------------------------- make_classification

BOOST_AUTO_TEST_CASE(classification_has_sklearn_shapes_and_feature_kinds) {
  const auto d = make_classification({.random_state = 0});
  BOOST_TEST(d.X.rows() == 100);
  BOOST_TEST(d.X.cols() == 20);
  BOOST_TEST(d.y.size() == 100);
  BOOST_TEST(columns_of(d.feature_info, "informative").size() == 2U);
  BOOST_TEST(columns_of(d.feature_info, "redundant").size() == 2U);
  BOOST_TEST(columns_of(d.feature_info, "random").size() == 16U);
  BOOST_TEST(((d.y.array() == 0) || (d.y.array() == 1)).all());
  BOOST_TEST(d.X.allFinite());
}

// With flip_y = 0 the class sizes are fixed by the weights alone, so they
// equal scikit-learn's exactly whatever the random stream.
BOOST_AUTO_TEST_CASE(classification_class_sizes_follow_the_weights_as_sklearn) {
  struct Case {
    Index n, classes, per;
    std::vector<double> weights;
    std::string name;
  };
  const std::vector<Case> cases = {{1000, 2, 2, {0.2, 0.8}, "classification_1000_2_2_0.2;0.8"},
                                   {101, 3, 1, {0.5, 0.3}, "classification_101_3_1_0.5;0.3"},
                                   {97, 4, 1, {}, "classification_97_4_1_none"},
                                   {50, 3, 2, {0.1, 0.1, 0.8}, "classification_50_3_2_0.1;0.1;0.8"}};
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      const Vector expected = numbers(reference(c.name, "class_counts"));
      for (const std::uint64_t seed : {0U, 1U, 2U}) {
        const auto d = make_classification({.n_samples = c.n,
                                            .n_informative = 3,
                                            .n_classes = c.classes,
                                            .n_clusters_per_class = c.per,
                                            .weights = c.weights,
                                            .flip_y = 0.0,
                                            .random_state = seed});
        for (Index k = 0; k < c.classes; ++k) BOOST_TEST(count(d.y, static_cast<double>(k)) == expected(k));
      }
    }
  }
}

// Clusters on hypercube vertices 2 * class_sep apart: the class means on the
// informative columns classify well, on the noise columns hardly better than
// chance.
BOOST_AUTO_TEST_CASE(classification_informative_features_separate_the_classes) {
  for (const std::uint64_t seed : {0U, 1U, 2U, 3U}) {
    const auto d = make_classification({.n_samples = 1000,
                                        .n_features = 6,
                                        .n_informative = 2,
                                        .n_redundant = 0,
                                        .n_clusters_per_class = 1,
                                        .flip_y = 0.0,
                                        .class_sep = 3.0,
                                        .random_state = seed});
    const auto informative = columns_of(d.feature_info, "informative");
    const auto noise = columns_of(d.feature_info, "random");
    BOOST_TEST_REQUIRE(informative.size() == 2U);
    BOOST_TEST_REQUIRE(noise.size() == 4U);
    BOOST_TEST_CONTEXT("seed " << seed) {
      BOOST_TEST(nearest_mean_accuracy(d.X(Eigen::all, informative), d.y, 2) > 0.9);
      BOOST_TEST(nearest_mean_accuracy(d.X(Eigen::all, noise), d.y, 2) < 0.6);
    }
  }
}

// Redundant features are linear combinations of the informative ones: together
// they have rank n_informative; repeated features are exact copies.
BOOST_AUTO_TEST_CASE(classification_redundant_features_are_combinations_and_repeated_are_copies) {
  const auto d = make_classification(
      {.n_samples = 200, .n_features = 12, .n_informative = 3, .n_redundant = 4, .n_repeated = 2, .random_state = 7});
  const auto informative = columns_of(d.feature_info, "informative");
  const auto redundant = columns_of(d.feature_info, "redundant");
  const auto repeated = columns_of(d.feature_info, "repeated");
  BOOST_TEST_REQUIRE(informative.size() == 3U);
  BOOST_TEST_REQUIRE(redundant.size() == 4U);
  BOOST_TEST_REQUIRE(repeated.size() == 2U);
  std::vector<Index> useful = informative;
  useful.insert(useful.end(), redundant.begin(), redundant.end());
  const Vector s = singular_values(d.X(Eigen::all, useful));
  BOOST_TEST(s(2) / s(0) > 1e-3);   // the informative directions
  BOOST_TEST(s(3) / s(0) < 1e-13);  // nothing else: rounding only
  for (const Index r : repeated) {
    const bool copy = std::any_of(useful.begin(), useful.end(), [&](Index j) { return d.X.col(r) == d.X.col(j); });
    BOOST_TEST(copy);
  }
}

// A given shift and scale act as (X + shift) * scale on the same draws.
BOOST_AUTO_TEST_CASE(classification_shift_and_scale_transform_the_features) {
  const auto plain = make_classification({.random_state = 3});
  const auto moved = make_classification({.shift = 5.0, .scale = 2.0, .random_state = 3});
  BOOST_TEST((moved.X == ((plain.X.array() + 5.0) * 2.0).matrix()));
  Vector scale = Vector::LinSpaced(20, 1, 20);
  const auto per = make_classification({.shift = 0.0, .scale = scale, .shuffle = false, .random_state = 3});
  const auto base = make_classification({.shuffle = false, .random_state = 3});
  BOOST_TEST((per.X == base.X * scale.asDiagonal()));
  // Random shift and scale (None in scikit-learn): still finite, other values.
  const auto random = make_classification({.shift = std::nullopt, .scale = std::nullopt, .random_state = 3});
  BOOST_TEST(random.X.allFinite());
  BOOST_TEST((random.X != plain.X));
}

BOOST_AUTO_TEST_CASE(classification_flip_y_changes_some_labels) {
  const auto clean = make_classification({.n_samples = 2000, .flip_y = 0.0, .shuffle = false, .random_state = 5});
  const auto flipped = make_classification({.n_samples = 2000, .flip_y = 0.5, .shuffle = false, .random_state = 5});
  // Half the labels are redrawn, half of those to the other class: about 25%.
  const double changed = static_cast<double>((clean.y.array() != flipped.y.array()).count()) / 2000.0;
  BOOST_TEST(changed > 0.2);
  BOOST_TEST(changed < 0.3);
  BOOST_TEST((clean.X == flipped.X));
}

BOOST_AUTO_TEST_CASE(classification_off_hypercube_and_many_informative_features) {
  const auto d = make_classification(
      {.n_features = 40, .n_informative = 33, .n_classes = 5, .hypercube = false, .random_state = 1});
  BOOST_TEST(d.X.cols() == 40);
  BOOST_TEST(d.X.allFinite());
  BOOST_TEST(d.y.maxCoeff() <= 4);
}

BOOST_AUTO_TEST_CASE(classification_same_seed_same_data_other_seed_other_data) {
  const auto a = make_classification({.random_state = 11});
  const auto b = make_classification({.random_state = 11});
  const auto c = make_classification({.random_state = 12});
  BOOST_TEST((a.X == b.X));
  BOOST_TEST((a.y == b.y));
  BOOST_TEST(a.feature_info == b.feature_info, boost::test_tools::per_element());
  BOOST_TEST((a.X != c.X));
  const auto fresh1 = make_classification();
  const auto fresh2 = make_classification();
  BOOST_TEST((fresh1.X != fresh2.X));
}

BOOST_AUTO_TEST_CASE(classification_rejects_bad_parameters) {
  const std::string f = "make_classification";
  expect_value_error(
      [] { (void)make_classification({.n_features = 4, .n_informative = 2, .n_redundant = 2, .n_repeated = 1}); }, f,
      "must not exceed n_features (4)");
  expect_value_error([] { (void)make_classification({.n_informative = 2, .n_classes = 3}); }, f,
                     "n_classes (3) * n_clusters_per_class (2) must be smaller or equal 2**n_informative (2) = 4");
  expect_value_error([] { (void)make_classification({.n_samples = 0}); }, f, "n_samples must be at least 1, got 0");
  expect_value_error([] { (void)make_classification({.n_informative = 0}); }, f, "n_informative");
  expect_value_error([] { (void)make_classification({.n_redundant = -1}); }, f, "n_redundant");
  expect_value_error([] { (void)make_classification({.weights = {0.2, 0.3, 0.5}}); }, f, "weights has 3 values");
  expect_value_error([] { (void)make_classification({.weights = {1.5}}); }, f, "weight of class 1");
  expect_value_error([] { (void)make_classification({.weights = {0.9, 0.9}}); }, f, "more than n_samples");
  expect_value_error([] { (void)make_classification({.flip_y = 1.5}); }, f, "flip_y");
  expect_value_error([] { (void)make_classification({.class_sep = 0.0}); }, f, "class_sep");
  expect_value_error([] { (void)make_classification({.shift = Vector::Zero(3)}); }, f, "shift has 3 values");
  expect_value_error([] { (void)make_classification({.scale = -1.0}); }, f, "scale must be positive");
}

// ---------------------------------------------------------------- make_regression

// Without noise y is the linear model exactly (up to the rounding of the
// product, summed in another order after the feature shuffle: 1e-12 of the
// size of the terms).
BOOST_AUTO_TEST_CASE(regression_without_noise_is_exactly_linear) {
  const auto d = make_regression(
      {.n_samples = 60, .n_features = 8, .n_informative = 3, .bias = 2.5, .coef = true, .random_state = 4});
  BOOST_TEST(d.X.rows() == 60);
  BOOST_TEST(d.X.cols() == 8);
  BOOST_TEST_REQUIRE(d.coef.rows() == 8);
  BOOST_TEST_REQUIRE(d.coef.cols() == 1);
  BOOST_TEST(d.Y.size() == 0);
  const Vector fit = (d.X * d.coef).col(0).array() + 2.5;
  BOOST_TEST((d.y - fit).cwiseAbs().maxCoeff() <= 1e-12 * (d.X.cwiseAbs() * d.coef.cwiseAbs()).maxCoeff());
  BOOST_TEST((d.coef.array() != 0).count() == 3);
  BOOST_TEST(d.coef.minCoeff() >= 0);
  BOOST_TEST(d.coef.maxCoeff() < 100);
  // Without coef = true the ground truth is not returned.
  BOOST_TEST(make_regression({.random_state = 4}).coef.size() == 0);
}

BOOST_AUTO_TEST_CASE(regression_with_several_targets) {
  const auto d = make_regression(
      {.n_samples = 30, .n_features = 5, .n_informative = 10, .n_targets = 3, .coef = true, .random_state = 2});
  BOOST_TEST(d.y.size() == 0);
  BOOST_TEST_REQUIRE(d.Y.rows() == 30);
  BOOST_TEST_REQUIRE(d.Y.cols() == 3);
  BOOST_TEST((d.coef.array() != 0).count() == 15);  // n_informative is capped at n_features
  BOOST_TEST((d.Y - d.X * d.coef).cwiseAbs().maxCoeff() <= 1e-12 * (d.X.cwiseAbs() * d.coef.cwiseAbs()).maxCoeff());
}

BOOST_AUTO_TEST_CASE(regression_noise_has_the_given_standard_deviation) {
  const auto d = make_regression({.n_samples = 4000, .n_features = 5, .noise = 2.0, .coef = true, .random_state = 9});
  const Vector residual = d.y - d.X * d.coef.col(0);
  const double sd = std::sqrt((residual.array() - residual.mean()).square().mean());
  BOOST_TEST(std::abs(sd - 2.0) < 0.1);  // the standard error of sd is 2 / sqrt(8000) = 0.022
}

// With effective_rank, X is make_low_rank_matrix (the shuffles permute rows
// and columns, which keeps the singular values).
BOOST_AUTO_TEST_CASE(regression_with_effective_rank_has_the_low_rank_profile) {
  const auto d = make_regression(
      {.n_samples = 40, .n_features = 25, .effective_rank = 4, .tail_strength = 0.2, .random_state = 6});
  const Vector s = singular_values(d.X);
  BOOST_TEST((s - low_rank_profile(25, 4, 0.2)).cwiseAbs().maxCoeff() <= 1e-13);
}

BOOST_AUTO_TEST_CASE(regression_same_seed_same_data) {
  const auto a = make_regression({.noise = 1.0, .random_state = 1});
  const auto b = make_regression({.noise = 1.0, .random_state = 1});
  const auto c = make_regression({.noise = 1.0, .random_state = 2});
  BOOST_TEST((a.X == b.X));
  BOOST_TEST((a.y == b.y));
  BOOST_TEST((a.X != c.X));
}

BOOST_AUTO_TEST_CASE(regression_rejects_bad_parameters) {
  const std::string f = "make_regression";
  expect_value_error([] { (void)make_regression({.n_samples = 0}); }, f, "n_samples");
  expect_value_error([] { (void)make_regression({.n_targets = 0}); }, f, "n_targets");
  expect_value_error([] { (void)make_regression({.n_informative = -1}); }, f, "n_informative");
  expect_value_error([] { (void)make_regression({.effective_rank = Index{0}}); }, f, "effective_rank");
  expect_value_error([] { (void)make_regression({.tail_strength = 1.5}); }, f, "tail_strength");
  expect_value_error([] { (void)make_regression({.noise = -1.0}); }, f, "noise");
  expect_value_error([] { (void)make_regression({.bias = INFINITY}); }, f, "bias");
}

// ---------------------------------------------------------------- make_blobs

BOOST_AUTO_TEST_CASE(blobs_split_samples_and_draw_centers_in_the_box) {
  const auto d = make_blobs({.random_state = 0});
  BOOST_TEST(d.X.rows() == 100);
  BOOST_TEST(d.X.cols() == 2);
  BOOST_TEST(d.centers.rows() == 3);
  BOOST_TEST(count(d.y, 0) == 34);
  BOOST_TEST(count(d.y, 1) == 33);
  BOOST_TEST(count(d.y, 2) == 33);
  BOOST_TEST(d.centers.minCoeff() >= -10);
  BOOST_TEST(d.centers.maxCoeff() < 10);
}

// cluster_std = 0 puts every sample on its centre exactly.
BOOST_AUTO_TEST_CASE(blobs_with_zero_spread_sit_on_their_centers) {
  const auto d = make_blobs({.n_samples = 50,
                             .n_features = 3,
                             .centers = Index{4},
                             .cluster_std = 0.0,
                             .center_box = {-1.0, 1.0},
                             .random_state = 1});
  BOOST_TEST(d.centers.cols() == 3);
  for (Index i = 0; i < d.X.rows(); ++i) BOOST_TEST(d.X.row(i) == d.centers.row(static_cast<Index>(d.y(i))));
}

BOOST_AUTO_TEST_CASE(blobs_with_given_centers_counts_and_spreads) {
  Matrix centers(2, 3);
  centers << 0, 0, 0, 100, 100, 100;
  const auto d = make_blobs({.n_samples = std::vector<Index>{3000, 1000},
                             .centers = centers,
                             .cluster_std = Vector{{1.0, 3.0}},
                             .shuffle = false,
                             .random_state = 2});
  BOOST_TEST(d.X.rows() == 4000);
  BOOST_TEST((d.centers == centers));
  BOOST_TEST(count(d.y, 0) == 3000);
  const Matrix first = d.X.topRows(3000);
  const Matrix second = d.X.bottomRows(1000);
  // Means within 5 standard errors, standard deviations within 10%.
  BOOST_TEST((first.colwise().mean() - centers.row(0)).cwiseAbs().maxCoeff() < 5 * 1.0 / std::sqrt(3000.0));
  BOOST_TEST((second.colwise().mean() - centers.row(1)).cwiseAbs().maxCoeff() < 5 * 3.0 / std::sqrt(1000.0));
  const double sd2 = std::sqrt((second.rowwise() - centers.row(1)).array().square().mean());
  BOOST_TEST(std::abs(sd2 - 3.0) < 0.3);
  // One count per centre, centres drawn: as many centres as counts.
  const auto e = make_blobs({.n_samples = std::vector<Index>{5, 6, 7, 8}, .random_state = 3});
  BOOST_TEST(e.centers.rows() == 4);
  BOOST_TEST(count(e.y, 3) == 8);
}

BOOST_AUTO_TEST_CASE(blobs_same_seed_same_data) {
  const auto a = make_blobs({.random_state = 8});
  const auto b = make_blobs({.random_state = 8});
  const auto c = make_blobs({.random_state = 9});
  BOOST_TEST((a.X == b.X));
  BOOST_TEST((a.y == b.y));
  BOOST_TEST((a.X != c.X));
}

BOOST_AUTO_TEST_CASE(blobs_reject_bad_parameters) {
  const std::string f = "make_blobs";
  expect_value_error([] { (void)make_blobs({.n_samples = Index{0}}); }, f, "n_samples");
  expect_value_error(
      [] {
        (void)make_blobs({.n_samples = std::vector<Index>{1, 2}, .centers = Index{3}});
      },
      f, "n_samples has 2 entries, but there are 3 centers");
  expect_value_error([] { (void)make_blobs({.centers = Index{0}}); }, f, "centers");
  expect_value_error([] { (void)make_blobs({.centers = Matrix(0, 2)}); }, f, "centers is empty");
  expect_value_error(
      [] {
        (void)make_blobs({.cluster_std = Vector{{1.0, 2.0}}});
      },
      f, "cluster_std has 2 values, but there are 3 centers");
  expect_value_error([] { (void)make_blobs({.cluster_std = -1.0}); }, f, "cluster_std");
  expect_value_error([] { (void)make_blobs({.center_box = {1.0, -1.0}}); }, f, "center_box");
  expect_value_error([] { (void)make_blobs({.n_features = 0}); }, f, "n_features");
}

// ---------------------------------------------------------------- make_moons, make_circles

// Unshuffled and noiseless, the points are deterministic: scikit-learn's
// within 1e-15 (cos and sin of the same angles, each within an ulp).
BOOST_AUTO_TEST_CASE(moons_and_circles_match_sklearn_points) {
  const auto moons = make_moons({.n_samples = std::pair<Index, Index>{7, 6}, .shuffle = false});
  BOOST_TEST((moons.X.col(0) - numbers(reference("moons_7_6", "X0"))).cwiseAbs().maxCoeff() <= 1e-15);
  BOOST_TEST((moons.X.col(1) - numbers(reference("moons_7_6", "X1"))).cwiseAbs().maxCoeff() <= 1e-15);
  BOOST_TEST((moons.y == numbers(reference("moons_7_6", "y"))));
  const auto circles = make_circles({.n_samples = Index{11}, .shuffle = false, .factor = 0.3});
  BOOST_TEST((circles.X.col(0) - numbers(reference("circles_11", "X0"))).cwiseAbs().maxCoeff() <= 1e-15);
  BOOST_TEST((circles.X.col(1) - numbers(reference("circles_11", "X1"))).cwiseAbs().maxCoeff() <= 1e-15);
  BOOST_TEST((circles.y == numbers(reference("circles_11", "y"))));
}

// Shuffled, every point stays on its curve: the upper moon on the unit circle
// (y >= 0), the lower on the unit circle about (1, 1/2) (y <= 1/2); circles of
// radius 1 and factor.
BOOST_AUTO_TEST_CASE(moons_and_circles_points_lie_on_their_curves) {
  const auto moons = make_moons({.n_samples = Index{101}, .random_state = 0});
  BOOST_TEST(count(moons.y, 0) == 50);
  BOOST_TEST(count(moons.y, 1) == 51);
  for (Index i = 0; i < 101; ++i) {
    const double x = moons.X(i, 0), y = moons.X(i, 1);
    if (moons.y(i) == 0) {
      BOOST_TEST(std::abs(std::hypot(x, y) - 1) <= 1e-15);
      BOOST_TEST(y >= 0);
    } else {
      BOOST_TEST(std::abs(std::hypot(x - 1, y - 0.5) - 1) <= 1e-15);
      BOOST_TEST(y <= 0.5);
    }
  }
  const auto circles = make_circles({.n_samples = Index{99}, .factor = 0.25, .random_state = 0});
  BOOST_TEST(count(circles.y, 0) == 49);
  for (Index i = 0; i < 99; ++i)
    BOOST_TEST(std::abs(circles.X.row(i).norm() - (circles.y(i) == 0 ? 1.0 : 0.25)) <= 1e-15);
}

BOOST_AUTO_TEST_CASE(moons_and_circles_noise_and_seeds) {
  const auto clean = make_moons({.n_samples = Index{2000}, .random_state = 4});
  const auto noisy = make_moons({.n_samples = Index{2000}, .noise = 0.1, .random_state = 4});
  BOOST_TEST(clean.y == noisy.y);  // the same shuffle, then noise
  const double sd = std::sqrt((noisy.X - clean.X).array().square().mean());
  BOOST_TEST(std::abs(sd - 0.1) < 0.005);
  BOOST_TEST(
      (make_circles({.noise = 0.05, .random_state = 1}).X == make_circles({.noise = 0.05, .random_state = 1}).X));
  BOOST_TEST(
      (make_circles({.noise = 0.05, .random_state = 1}).X != make_circles({.noise = 0.05, .random_state = 2}).X));
  BOOST_TEST(make_circles({.n_samples = Index{0}}).X.rows() == 0);
}

BOOST_AUTO_TEST_CASE(moons_and_circles_reject_bad_parameters) {
  expect_value_error([] { (void)make_moons({.n_samples = Index{0}}); }, "make_moons", "n_samples");
  expect_value_error(
      [] {
        (void)make_moons({.n_samples = std::pair<Index, Index>{-1, 3}});
      },
      "make_moons", "n_samples[0]");
  expect_value_error([] { (void)make_moons({.noise = -0.1}); }, "make_moons", "noise");
  expect_value_error([] { (void)make_circles({.factor = 1.0}); }, "make_circles", "factor must be in [0, 1)");
  expect_value_error([] { (void)make_circles({.noise = NAN}); }, "make_circles", "noise");
}

// ---------------------------------------------------------------- make_friedman1

// y is the formula of Friedman #1 to the rounding of a few operations.
BOOST_AUTO_TEST_CASE(friedman1_without_noise_is_the_formula) {
  const auto d = make_friedman1({.n_samples = 200, .n_features = 7, .random_state = 3});
  BOOST_TEST(d.X.cols() == 7);
  BOOST_TEST(d.X.minCoeff() >= 0);
  BOOST_TEST(d.X.maxCoeff() < 1);
  for (Index i = 0; i < 200; ++i) {
    const auto x = d.X.row(i);
    const double y =
        10 * std::sin(std::numbers::pi * x(0) * x(1)) + 20 * std::pow(x(2) - 0.5, 2) + 10 * x(3) + 5 * x(4);
    BOOST_TEST(std::abs(d.y(i) - y) <= 1e-14 * 30);  // |y| < 30
  }
  const auto noisy = make_friedman1({.n_samples = 4000, .noise = 1.5, .random_state = 3});
  const auto clean = make_friedman1({.n_samples = 4000, .random_state = 3});
  BOOST_TEST((noisy.X == clean.X));
  const double sd = std::sqrt((noisy.y - clean.y).array().square().mean());
  BOOST_TEST(std::abs(sd - 1.5) < 0.1);
  expect_value_error([] { (void)make_friedman1({.n_features = 4}); }, "make_friedman1",
                     "n_features must be at least 5");
  expect_value_error([] { (void)make_friedman1({.noise = -1.0}); }, "make_friedman1", "noise");
}

// ---------------------------------------------------------------- make_low_rank_matrix

// The singular values are the profile, independent of the random bases: equal
// to those of scikit-learn's matrix and to the formula within 1e-13 (products
// of orthonormal factors, recomputed by an SVD).
BOOST_AUTO_TEST_CASE(low_rank_matrix_has_sklearn_singular_profile) {
  struct Case {
    Index n_samples, n_features, rank;
    double tail;
    std::string name;
  };
  for (const auto& c : {Case{50, 30, 5, 0.3, "low_rank_50_30_5_0.3"}, Case{20, 40, 3, 0.0, "low_rank_20_40_3_0.0"},
                        Case{25, 25, 10, 1.0, "low_rank_25_25_10_1.0"}}) {
    BOOST_TEST_CONTEXT(c.name) {
      const Matrix m = make_low_rank_matrix({.n_samples = c.n_samples,
                                             .n_features = c.n_features,
                                             .effective_rank = c.rank,
                                             .tail_strength = c.tail,
                                             .random_state = 5});
      BOOST_TEST(m.rows() == c.n_samples);
      BOOST_TEST(m.cols() == c.n_features);
      const Vector s = singular_values(m);
      const Vector expected = numbers(reference(c.name, "singular_values"));
      BOOST_TEST_REQUIRE(s.size() == expected.size());
      BOOST_TEST((s - expected).cwiseAbs().maxCoeff() <= 1e-13);
      BOOST_TEST((s - low_rank_profile(s.size(), c.rank, c.tail)).cwiseAbs().maxCoeff() <= 1e-13);
    }
  }
  expect_value_error([] { (void)make_low_rank_matrix({.effective_rank = 0}); }, "make_low_rank_matrix",
                     "effective_rank");
  expect_value_error([] { (void)make_low_rank_matrix({.tail_strength = -0.1}); }, "make_low_rank_matrix",
                     "tail_strength");
  BOOST_TEST((make_low_rank_matrix({.random_state = 1}) == make_low_rank_matrix({.random_state = 1})));
}

// ---------------------------------------------------------------- make_spd_matrix

BOOST_AUTO_TEST_CASE(spd_matrix_is_symmetric_positive_definite) {
  for (const Index n : {1, 2, 5, 30}) {
    for (const std::uint64_t seed : {0U, 1U, 2U}) {
      BOOST_TEST_CONTEXT("n_dim " << n << " seed " << seed) {
        const Matrix m = make_spd_matrix(n, seed);
        BOOST_TEST(m.rows() == n);
        BOOST_TEST((m == m.transpose()));
        BOOST_TEST(Eigen::LLT<Matrix>(m).info() == Eigen::Success);
        BOOST_TEST(Eigen::SelfAdjointEigenSolver<Matrix>(m).eigenvalues().minCoeff() > 0);
        BOOST_TEST((m == make_spd_matrix(n, seed)));
      }
    }
  }
  BOOST_TEST((make_spd_matrix(4, 1) != make_spd_matrix(4, 2)));
  expect_value_error([] { (void)make_spd_matrix(0); }, "make_spd_matrix", "n_dim must be at least 1, got 0");
}

// U (J + diag(d)) U^T: trace = trace(J) + sum(d) = n + sum(d), so between n and 2n.
BOOST_AUTO_TEST_CASE(spd_matrix_trace_follows_sklearn_construction) {
  const Matrix m = make_spd_matrix(10, 3);
  BOOST_TEST(m.trace() >= 10);
  BOOST_TEST(m.trace() < 20);
  // U J U^T = (U 1)(U 1)^T has the eigenvalue |U 1|^2 = n, and adding the
  // positive definite U diag(d) U^T cannot lower the largest eigenvalue.
  BOOST_TEST(Eigen::SelfAdjointEigenSolver<Matrix>(m).eigenvalues().maxCoeff() >= 10 * (1 - 1e-12));
}

BOOST_AUTO_TEST_SUITE_END()
