#include <algorithm>
#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/gpu/primitives.hpp>
#include <vector>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(sorting)

using namespace scilearn;
using gpu_testing::HostVector;
using scilearn::testing::message_of;
using Scalars = boost::mpl::list<float, double, std::int32_t, std::int64_t>;


// Values with many repeats, so stability and ties are exercised.
template <class T>
HostVector<T> repeated_values(Index n, std::uint64_t seed) {
  Generator rng(seed);
  HostVector<T> x(n);
  for (Index i = 0; i < n; ++i) x[i] = static_cast<T>(rng.integers(-20, 20));
  return x;
}

BOOST_AUTO_TEST_CASE_TEMPLATE(sort_and_argsort_equal_the_host_stable_sort, T, Scalars) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const HostVector<T> x = repeated_values<T>(500, seed);
    std::vector<std::int64_t> order(500);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) { return x[a] < x[b]; });
    const auto dx = gpu::DeviceVector<T>::from_host(x);
    const auto got = gpu::argsort(dx).to_host();
    for (Index i = 0; i < 500; ++i) BOOST_TEST(got[i] == order[static_cast<std::size_t>(i)]);
    auto sorted = dx.clone();
    gpu::sort(sorted);
    HostVector<T> expected = x;
    std::sort(expected.data(), expected.data() + expected.size());
    BOOST_TEST((sorted.to_host().array() == expected.array()).all());
    BOOST_TEST((dx.to_host().array() == x.array()).all());
  }
}

BOOST_AUTO_TEST_CASE(nan_sorts_last_as_numpy) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto x = gpu::DeviceVector<double>::from_host(Vector{{3.0, nan, -1.0, nan, 2.0}});
  const auto order = gpu::argsort(x).to_host();
  const std::vector<std::int64_t> expected{2, 4, 0, 1, 3};  // numpy.argsort(kind="stable")
  for (Index i = 0; i < 5; ++i) BOOST_TEST(order[i] == expected[static_cast<std::size_t>(i)]);
  auto y = x.clone();
  gpu::sort(y);
  const Vector s = y.to_host();
  BOOST_TEST((s[0] == -1.0 && s[1] == 2.0 && s[2] == 3.0 && std::isnan(s[3]) && std::isnan(s[4])));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(segments_sort_independently, T, Scalars) {
  const HostVector<T> x = repeated_values<T>(60, 7);
  const std::vector<std::int64_t> offsets{0, 10, 10, 35, 60};  // one empty segment
  auto dx = gpu::DeviceVector<T>::from_host(x);
  const auto doff = gpu::DeviceVector<std::int64_t>::from_host(
      Eigen::Map<const HostVector<std::int64_t>>(offsets.data(), static_cast<Index>(offsets.size())));
  gpu::sort_segments(dx, doff);
  HostVector<T> expected = x;
  for (std::size_t s = 0; s + 1 < offsets.size(); ++s)
    std::sort(expected.data() + offsets[s], expected.data() + offsets[s + 1]);
  BOOST_TEST((dx.to_host().array() == expected.array()).all());
}

BOOST_AUTO_TEST_CASE(bad_offsets_are_value_errors) {
  gpu::DeviceVector<double> x(5);
  const auto offsets = [](std::vector<std::int64_t> v) {
    return gpu::DeviceVector<std::int64_t>::from_host(
        Eigen::Map<const HostVector<std::int64_t>>(v.data(), static_cast<Index>(v.size())));
  };
  BOOST_TEST(message_of<ValueError>([&] { gpu::sort_segments(x, offsets({0, 3, 4})); }).find("end at 5") !=
             std::string::npos);
  BOOST_CHECK_THROW(gpu::sort_segments(x, offsets({1, 5})), ValueError);
  BOOST_CHECK_THROW(gpu::sort_segments(x, offsets({0, 4, 2, 5})), ValueError);
  BOOST_CHECK_THROW(gpu::sort_segments(x, offsets({})), ValueError);
}

BOOST_AUTO_TEST_CASE(top_k_equals_a_host_sort_of_each_row) {
  const Matrix M = Matrix::Random(13, 21);
  const auto dM = gpu::DeviceMatrix<double>::from_host(M);
  for (bool largest : {false, true}) {
    const auto best = gpu::top_k(dM, 5, largest);
    const Matrix values = best.values.to_host();
    const auto indices = best.indices.to_host();
    for (Index i = 0; i < M.rows(); ++i) {
      std::vector<Index> order(static_cast<std::size_t>(M.cols()));
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(),
                       [&](Index a, Index b) { return largest ? M(i, a) > M(i, b) : M(i, a) < M(i, b); });
      for (Index j = 0; j < 5; ++j) {
        BOOST_TEST(indices(i, j) == order[static_cast<std::size_t>(j)]);
        BOOST_TEST(values(i, j) == M(i, order[static_cast<std::size_t>(j)]));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(top_k_breaks_ties_by_column_and_puts_nan_last) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Matrix M{{2.0, nan, 1.0, 2.0, 1.0}};
  const auto best = gpu::top_k(gpu::DeviceMatrix<double>::from_host(M), 5);
  const auto idx = best.indices.to_host();
  const std::vector<std::int64_t> expected{2, 4, 0, 3, 1};
  for (Index j = 0; j < 5; ++j) BOOST_TEST(idx(0, j) == expected[static_cast<std::size_t>(j)]);
  BOOST_TEST(gpu::top_k(gpu::DeviceMatrix<double>::from_host(M), 0).values.cols() == 0);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::top_k(gpu::DeviceMatrix<double>::from_host(M), 6); })
                 .find("k must lie in [0, 5]") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
