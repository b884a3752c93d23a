#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/gpu/distances.hpp>
#include <string>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(distances)

using namespace scilearn;
using scilearn::testing::message_of;
using gpu_testing::Reals;
using gpu_testing::fixture;



// scikit-learn's values on 6 standard normal features: the norm trick's
// cancellation costs about eps * (|x|^2 + |y|^2) ~ 24 eps absolute in a squared
// distance. Relative to max(1, |D|): 64 eps, except that a euclidean distance
// is the root of that squared one, so where the reference is below sqrt(eps)
// (the duplicated pair, X row 2 / Y row 3) the root of 64 eps.
template <class T>
double distance_error(const Matrix& got, const Matrix& expected, gpu::Metric metric) {
  const double eps = std::numeric_limits<T>::epsilon();
  double worst = 0;  // in units of the entry's own tolerance
  for (Index j = 0; j < got.cols(); ++j)
    for (Index i = 0; i < got.rows(); ++i) {
      const double ref = expected(i, j);
      const double tol = metric == gpu::Metric::euclidean && ref < std::sqrt(eps) ? std::sqrt(64 * eps)
                                                                                   : 64 * eps * std::max(1.0, ref);
      worst = std::max(worst, std::abs(got(i, j) - ref) / tol);
    }
  return worst;
}

const std::pair<gpu::Metric, const char*> kMetrics[] = {{gpu::Metric::euclidean, "euclidean"},
                                                        {gpu::Metric::sqeuclidean, "sqeuclidean"},
                                                        {gpu::Metric::cosine, "cosine"},
                                                        {gpu::Metric::manhattan, "manhattan"}};

BOOST_AUTO_TEST_CASE_TEMPLATE(pairwise_distances_equal_scikit_learn, T, Reals) {
  const auto X = gpu::DeviceMatrix<T>::from_host(fixture("X").cast<T>());
  const auto Y = gpu::DeviceMatrix<T>::from_host(fixture("Y").cast<T>());
  for (const auto& [metric, name] : kMetrics) {
    BOOST_TEST_CONTEXT(name) {
      const Matrix D = gpu::pairwise_distances(X, Y, metric).to_host().template cast<double>();
      BOOST_TEST(distance_error<T>(D, fixture(std::string("dist_") + name), metric) <= 1.0);
      const Matrix S = gpu::pairwise_distances(X, X, metric).to_host().template cast<double>();
      BOOST_TEST(distance_error<T>(S, fixture(std::string("self_") + name), metric) <= 1.0);
      BOOST_TEST(S.diagonal().isZero(0.0));
    }
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(kneighbors_equals_scikit_learn_brute_force, T, Reals) {
  const auto X = gpu::DeviceMatrix<T>::from_host(fixture("Y").cast<T>());        // fitted: 25 points
  const auto queries = gpu::DeviceMatrix<T>::from_host(fixture("X").cast<T>());  // 40 queries
  for (const auto& [metric, prefix] : {std::pair{gpu::Metric::euclidean, "knn"},
                                       std::pair{gpu::Metric::manhattan, "knn_manhattan"}}) {
    // Whole, in tiles of 3 queries (a budget of 3 queries' 25 distances), and
    // one query at a time (a budget too small for one: tiles never go below 1).
    const std::size_t query_bytes = 25 * sizeof(T);
    for (std::size_t budget : {std::size_t{256} << 20, 3 * query_bytes, std::size_t{1}}) {
      BOOST_TEST_CONTEXT(prefix << ", budget " << budget) {
        const auto result = gpu::kneighbors(X, queries, 7, {.metric = metric, .tile_bytes = budget});
        const Matrix distances = result.distances.to_host().template cast<double>();
        BOOST_TEST(distance_error<T>(distances, fixture(std::string(prefix) + "_distances"), metric) <= 1.0);
        const auto indices = result.indices.to_host();
        const auto expected =
            io::load_npy<std::int64_t>(scilearn::testing::fixture_path(std::string("gpu/") + prefix + "_indices.npy"));
        BOOST_TEST((indices.array() == expected.array()).all());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_shapes_and_k_are_value_errors) {
  const gpu::DeviceMatrix<double> X(5, 3), Y(4, 2);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::pairwise_distances(X, Y); }).find("X has 3 features but Y has 2") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)gpu::pairwise_distances(gpu::DeviceMatrix<double>(2, 0), gpu::DeviceMatrix<double>(2, 0)),
                    ValueError);
  const gpu::DeviceMatrix<double> Q(2, 3);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::kneighbors(X, Q, 6); }).find("k must lie in [1, 5]") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)gpu::kneighbors(X, Q, 0), ValueError);
  BOOST_CHECK_THROW((void)gpu::kneighbors(X, Y, 2), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
