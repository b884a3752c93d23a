#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/gpu/cluster.hpp>
#include <string>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(cluster)

using namespace scilearn;
using gpu_testing::relative_error;
using scilearn::testing::message_of;
using gpu_testing::Reals;
using gpu_testing::fixture;

double scalar(const std::string& name) { return gpu_testing::fixture_vector(name)[0]; }

// Lloyd's iterations are discrete (labels) and then means: with the same labels
// as scikit-learn the centers are means of the same points, equal to rounding
// (the sums of 100 points: 100 eps relative, more for float's GEMM).
template <class T>
double tolerance() {
  return 1e3 * std::numeric_limits<T>::epsilon();
}

// "km_empty": a center far from every sample gets none and moves to the
// farthest sample; "km_lone": that sample was alone in its cluster, which is
// left empty and placed at the largest cluster's center.
BOOST_AUTO_TEST_CASE_TEMPLATE(lloyd_from_given_centers_equals_scikit_learn, T, Reals) {
  for (const auto& [prefix, data] : {std::pair<std::string, std::string>{"km", "km_X"}, {"km_empty", "km_X"},
                                     {"km_lone", "km_lone_X"}}) {
    BOOST_TEST_CONTEXT(prefix) {
      const auto X = gpu::DeviceMatrix<T>::from_host(fixture(data).template cast<T>());
      const auto init = gpu::DeviceMatrix<T>::from_host(fixture(prefix + "_init").template cast<T>());
      const auto fit = gpu::kmeans(X, init);
      BOOST_TEST((fit.labels.to_host().array() == gpu_testing::fixture_indices(prefix + "_labels").array()).all());
      BOOST_TEST(relative_error(fit.cluster_centers.to_host().template cast<double>().eval(),
                                fixture(prefix + "_centers")) <= tolerance<T>());
      const double inertia = scalar(prefix + "_inertia");
      BOOST_TEST(std::abs(static_cast<double>(fit.inertia) - inertia) <= tolerance<T>() * inertia);
    }
  }
  const auto fit = gpu::kmeans(gpu::DeviceMatrix<T>::from_host(fixture("km_X").cast<T>()),
                               gpu::DeviceMatrix<T>::from_host(fixture("km_init").cast<T>()));
  BOOST_TEST(fit.n_iter == static_cast<Index>(gpu_testing::fixture_indices("km_n_iter")[0]));
}

BOOST_AUTO_TEST_CASE(kmeans_plusplus_picks_what_scikit_learn_picks_from_the_same_draws) {
  const Matrix host = fixture("km_X");
  const auto X = gpu::DeviceMatrix<double>::from_host(host);
  for (std::uint64_t seed : {0u, 1u, 2u}) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      const auto expected = gpu_testing::fixture_indices("kpp_seed" + std::to_string(seed) + "_indices");
      const Matrix C = gpu::kmeans_plusplus(X, 4, seed).to_host();
      for (Index c = 0; c < 4; ++c) BOOST_TEST((C.row(c).array() == host.row(expected[c]).array()).all());
      BOOST_TEST((gpu::kmeans_plusplus(X, 4, seed).to_host().array() == C.array()).all());  // deterministic
    }
  }
  // Seed 0 draws two centers in one blob (scikit-learn's code does too, given
  // those draws) and Lloyd stays in that local optimum; seeds 1 and 2 reach
  // the optimum of the four blobs.
  for (std::uint64_t seed : {1u, 2u}) {
    const auto fit = gpu::kmeans(X, {.n_clusters = 4, .random_state = seed});
    BOOST_TEST(std::abs(fit.inertia - scalar("km_inertia")) <= 1e-9 * scalar("km_inertia"));
  }
  BOOST_TEST(gpu::kmeans(X, {.n_clusters = 4, .random_state = 0}).inertia > 1.5 * scalar("km_inertia"));
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_value_errors) {
  const auto X = gpu::DeviceMatrix<double>::from_host(Matrix::Random(5, 2));
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::kmeans(X, {.n_clusters = 6}); })
                 .find("n_samples=5 should be >= n_clusters=6") != std::string::npos);
  BOOST_CHECK_THROW((void)gpu::kmeans_plusplus(X, 0, 1), ValueError);
  BOOST_CHECK_THROW((void)gpu::kmeans(X, gpu::DeviceMatrix<double>(2, 3)), ValueError);
  BOOST_CHECK_THROW((void)gpu::kmeans(X, {.n_clusters = 2, .max_iter = 0}), ValueError);
  BOOST_CHECK_THROW((void)gpu::kmeans(X, {.n_clusters = 2, .tol = -1.0}), ValueError);
  Matrix bad = Matrix::Random(5, 2);
  bad(0, 0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)gpu::kmeans(gpu::DeviceMatrix<double>::from_host(bad), {.n_clusters = 2}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
