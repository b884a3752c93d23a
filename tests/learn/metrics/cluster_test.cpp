#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iostream>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/learn/metrics/cluster.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>
#include <sstream>
#include <string>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(metrics_cluster)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/metrics_cluster/" + name + ".npy"));
}
Vector load_vector(const std::string& name) { return load(name).reshaped(); }

Vector split(const std::string& s) {
  std::vector<double> v;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ';');) v.push_back(std::stod(item));
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

std::string option(const std::string& options) { return options.substr(options.find('=') + 1); }

AverageMethod parse_average(const std::string& s) {
  return s == "min"         ? AverageMethod::min
         : s == "max"       ? AverageMethod::max
         : s == "geometric" ? AverageMethod::geometric
                            : AverageMethod::arithmetic;
}

}  // namespace

// Against scikit-learn 1.9.1 (tests/reference/learn_metrics_cluster.py).
// Counts exactly. Scores to 1e-12 relative plus 1e-12 absolute: they are sums
// of up to 180 logarithms (the expected mutual information: thousands of
// exp(lgamma) terms), and the adjusted mutual information divides the
// difference of two such nearly equal sums (about 1e-15 of rounding when MI
// is close to its expectation, as for 'every sample its own cluster').
// The internal scores use distances by the norm trick, as scikit-learn's,
// whose rounding (about eps |x|^2 / d^2 with points at distance ~10 from the
// origin and ~2 from each other) is the 1e-12.
BOOST_AUTO_TEST_CASE(clustering_metrics_match_scikit_learn) {
  int rows = 0;
  double worst = 0;
  for (const auto& c : testing::read_manifest("learn/metrics_cluster/values.csv")) {
    BOOST_TEST_CONTEXT(c[0] << " " << c[1] << " " << c[2]) {
      const std::string& f = c[1];
      const Vector ref = split(c[3]);
      Vector ours;
      bool exact = false;
      if (f == "calinski_harabasz_score" || f == "davies_bouldin_score" || f.rfind("silhouette", 0) == 0) {
        Matrix X = load(c[0] + "_X");
        const Vector labels = load_vector(c[0] + "_labels");
        SilhouetteOptions options{.metric = option(c[2])};
        if (options.metric == "precomputed") X = pairwise_distances(X, {.metric = "minkowski", .p = 2});
        if (f == "calinski_harabasz_score") ours = Vector::Constant(1, calinski_harabasz_score(X, labels));
        if (f == "davies_bouldin_score") ours = Vector::Constant(1, davies_bouldin_score(X, labels));
        if (f == "silhouette_samples") ours = silhouette_samples(X, labels, options);
        if (f == "silhouette_score") ours = Vector::Constant(1, silhouette_score(X, labels, options));
      } else {
        const Vector t = load_vector(c[0] + "_true"), p = load_vector(c[0] + "_pred");
        if (f == "contingency_matrix") {
          ours = contingency_matrix(t, p).transpose().reshaped();  // row-major, as the fixture
          exact = true;
        } else if (f == "pair_confusion_matrix") {
          const auto C = pair_confusion_matrix(t, p);
          ours = Vector{{double(C(0, 0)), double(C(0, 1)), double(C(1, 0)), double(C(1, 1))}};
          exact = true;
        } else if (f == "mutual_info_score") {
          ours = Vector::Constant(1, mutual_info_score(t, p));
        } else if (f == "rand_score") {
          ours = Vector::Constant(1, rand_score(t, p));
        } else if (f == "adjusted_rand_score") {
          ours = Vector::Constant(1, adjusted_rand_score(t, p));
        } else if (f == "fowlkes_mallows_score") {
          ours = Vector::Constant(1, fowlkes_mallows_score(t, p));
        } else if (f == "adjusted_mutual_info_score") {
          ours = Vector::Constant(1, adjusted_mutual_info_score(t, p, parse_average(option(c[2]))));
        } else if (f == "normalized_mutual_info_score") {
          ours = Vector::Constant(1, normalized_mutual_info_score(t, p, parse_average(option(c[2]))));
        } else if (f == "homogeneity_completeness_v_measure") {
          const auto h = homogeneity_completeness_v_measure(t, p, std::stod(option(c[2])));
          ours = Vector{{h.homogeneity, h.completeness, h.v_measure}};
        }
      }
      BOOST_TEST_REQUIRE(ours.size() == ref.size());
      for (Index i = 0; i < ref.size(); ++i) {
        const double error = std::abs(ours(i) - ref(i));
        if (exact) {
          BOOST_TEST(error == 0.0, ours(i) << " against " << ref(i));
          continue;
        }
        worst = std::max(worst, error / (1 + std::abs(ref(i))));
        BOOST_TEST(error <= 1e-12 * (1 + std::abs(ref(i))), ours(i) << " against " << ref(i));
      }
      ++rows;
    }
  }
  BOOST_TEST(rows == 179);
  std::cout << "clustering metrics: " << rows << " values, largest difference " << worst << "\n";
}

BOOST_AUTO_TEST_CASE(scores_do_not_depend_on_label_values_or_side) {
  const Vector t{{0, 0, 1, 1, 2, 2, 2, 3}}, p{{1, 1, 0, 2, 2, 2, 3, 3}};
  const Vector t2 = (t.array() * 7 - 100).matrix();  // renamed classes
  BOOST_TEST(adjusted_rand_score(t, p) == adjusted_rand_score(t2, p));
  BOOST_TEST(adjusted_rand_score(t, p) == adjusted_rand_score(p, t));
  BOOST_TEST(std::abs(adjusted_mutual_info_score(t, p) - adjusted_mutual_info_score(p, t2)) <= 1e-15);
  BOOST_TEST(std::abs(v_measure_score(t, p) - normalized_mutual_info_score(t, p)) <= 1e-15);
  const auto h = homogeneity_completeness_v_measure(t, p);
  const auto swapped = homogeneity_completeness_v_measure(p, t);
  BOOST_TEST(std::abs(h.homogeneity - swapped.completeness) <= 1e-15);
}

BOOST_AUTO_TEST_CASE(empty_labelings_score_as_scikit_learn) {
  const Vector none;
  BOOST_TEST(adjusted_rand_score(none, none) == 1.0);
  BOOST_TEST(rand_score(none, none) == 1.0);
  BOOST_TEST(adjusted_mutual_info_score(none, none) == 1.0);
  BOOST_TEST(normalized_mutual_info_score(none, none) == 1.0);
  BOOST_TEST(v_measure_score(none, none) == 1.0);
  BOOST_TEST(mutual_info_score(none, none) == 0.0);
  BOOST_TEST(fowlkes_mallows_score(none, none) == 0.0);
}

BOOST_AUTO_TEST_CASE(mutual_info_score_of_a_contingency_matrix_equals_that_of_the_labels) {
  const Vector t{{0, 0, 1, 1, 2, 2, 2, 3}}, p{{1, 1, 0, 2, 2, 2, 3, 3}};
  BOOST_TEST(mutual_info_score(contingency_matrix(t, p)) == mutual_info_score(t, p));
  BOOST_CHECK_THROW((void)mutual_info_score(Matrix::Constant(2, 2, 0.5)), ValueError);
  const Matrix with_eps = contingency_matrix(t, p, 0.25);
  BOOST_TEST(with_eps.minCoeff() == 0.25);
}

BOOST_AUTO_TEST_CASE(silhouette_score_subsample_is_seeded_and_complete_sample_gives_the_full_score) {
  Matrix X(12, 2);
  for (Index i = 0; i < 12; ++i) X.row(i) << (i % 3) * 5.0 + 0.1 * i, 0.3 * (i % 4);
  Vector labels(12);
  for (Index i = 0; i < 12; ++i) labels(i) = static_cast<double>(i % 3);
  const double full = silhouette_score(X, labels);
  const double all = silhouette_score(X, labels, {.sample_size = 12, .random_state = 3});
  BOOST_TEST(std::abs(all - full) <= 1e-14);
  const double a = silhouette_score(X, labels, {.sample_size = 9, .random_state = 7});
  const double b = silhouette_score(X, labels, {.sample_size = 9, .random_state = 7});
  BOOST_TEST(a == b);
  BOOST_CHECK_THROW((void)silhouette_score(X, labels, {.sample_size = 0}), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const Vector four{{0, 0, 1, 1}}, three{{0, 1, 1}};
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)adjusted_rand_score(four, three); }) ==
             "pair_confusion_matrix: labels_true and labels_pred have inconsistent lengths (4 and 3)");
  Vector with_nan = four;
  with_nan(1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)mutual_info_score(with_nan, four), ValueError);
  const Matrix X = Matrix::Random(4, 2);
  // One label, or as many labels as samples.
  BOOST_CHECK_THROW((void)silhouette_score(X, Vector::Zero(4)), ValueError);
  BOOST_CHECK_THROW((void)calinski_harabasz_score(X, Vector{{0, 1, 2, 3}}), ValueError);
  BOOST_CHECK_THROW((void)davies_bouldin_score(X, three), ValueError);
  BOOST_CHECK_THROW((void)silhouette_samples(X, four, {.metric = "hamming"}), ValueError);
  Matrix D = pairwise_distances(X);
  D(1, 1) = 0.5;
  BOOST_CHECK_THROW((void)silhouette_samples(D, four, {.metric = "precomputed"}), ValueError);
  BOOST_CHECK_THROW((void)silhouette_samples(Matrix::Ones(4, 3), four, {.metric = "precomputed"}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
