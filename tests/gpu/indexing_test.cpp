#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/gpu/primitives.hpp>
#include <vector>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(indexing)

using namespace scilearn;
using gpu_testing::HostVector;
using scilearn::testing::message_of;
using Scalars = boost::mpl::list<float, double, std::int32_t, std::int64_t>;

using Indices = HostVector<std::int64_t>;

BOOST_AUTO_TEST_CASE_TEMPLATE(scans_equal_partial_sums, T, Scalars) {
  HostVector<T> x(9);
  for (Index i = 0; i < 9; ++i) x[i] = static_cast<T>(i % 4 - 1);  // small integers: exact in every type
  const auto dx = gpu::DeviceVector<T>::from_host(x);
  HostVector<T> inclusive(9), exclusive(9);
  std::partial_sum(x.data(), x.data() + 9, inclusive.data());
  exclusive[0] = T(5);
  for (Index i = 1; i < 9; ++i) exclusive[i] = exclusive[i - 1] + x[i - 1];
  BOOST_TEST((gpu::inclusive_scan(dx).to_host().array() == inclusive.array()).all());
  BOOST_TEST((gpu::exclusive_scan(dx, T(5)).to_host().array() == exclusive.array()).all());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(gather_and_scatter_move_the_named_elements, T, Scalars) {
  HostVector<T> x(6);
  for (Index i = 0; i < 6; ++i) x[i] = static_cast<T>(10 * i);
  const auto dx = gpu::DeviceVector<T>::from_host(x);
  const auto idx = gpu::DeviceVector<std::int64_t>::from_host(Indices{{4, 0, 4, 5}});
  const HostVector<T> got = gpu::gather(dx, idx).to_host();
  BOOST_TEST((got[0] == x[4] && got[1] == x[0] && got[2] == x[4] && got[3] == x[5]));
  gpu::DeviceVector<T> out(7);
  const auto targets = gpu::DeviceVector<std::int64_t>::from_host(Indices{{6, 0, 3, 1, 2, 5}});
  gpu::scatter(dx, targets, out);
  const HostVector<T> s = out.to_host();
  BOOST_TEST((s[6] == x[0] && s[0] == x[1] && s[3] == x[2] && s[1] == x[3] && s[2] == x[4] && s[5] == x[5] &&
              s[4] == T(0)));
}

BOOST_AUTO_TEST_CASE(gather_rows_takes_rows_in_the_given_order) {
  const Matrix M = Matrix::Random(5, 3);
  const auto rows = gpu::gather_rows(gpu::DeviceMatrix<double>::from_host(M),
                                     gpu::DeviceVector<std::int64_t>::from_host(Indices{{3, 3, 0}}))
                        .to_host();
  BOOST_TEST((rows.rows() == 3 && rows.cols() == 3));
  BOOST_TEST((rows.row(0).array() == M.row(3).array()).all());
  BOOST_TEST((rows.row(1).array() == M.row(3).array()).all());
  BOOST_TEST((rows.row(2).array() == M.row(0).array()).all());
}

BOOST_AUTO_TEST_CASE(bad_indices_are_value_errors) {
  const gpu::DeviceVector<double> x(4);
  const auto far = gpu::DeviceVector<std::int64_t>::from_host(Indices{{0, 4, -1}});
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::gather(x, far); }).find("2 of 3 indices lie outside [0, 4)") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)gpu::gather_rows(gpu::DeviceMatrix<double>(4, 2), far), ValueError);
  gpu::DeviceVector<double> out(4);
  const auto twice = gpu::DeviceVector<std::int64_t>::from_host(Indices{{1, 2, 1, 0}});
  BOOST_TEST(message_of<ValueError>([&] { gpu::scatter(x, twice, out); }).find("distinct") != std::string::npos);
  const auto short_idx = gpu::DeviceVector<std::int64_t>::from_host(Indices{{1, 2}});
  BOOST_CHECK_THROW(gpu::scatter(x, short_idx, out), ValueError);
}

BOOST_AUTO_TEST_CASE(histogram_equals_numpy) {
  const Vector x = gpu_testing::fixture_vector("hist_x");
  const auto expected = gpu_testing::fixture_indices("hist_counts");
  const auto counts = gpu::histogram(gpu::DeviceVector<double>::from_host(x), 10, -2.0, 3.0).to_host();
  BOOST_TEST((counts.array() == expected.array()).all());
  // float: the same counts on data that is off the edges in both precisions.
  const Eigen::VectorXf xf = Eigen::VectorXf::LinSpaced(100, -1.99f, 2.97f);
  const auto cf = gpu::histogram(gpu::DeviceVector<float>::from_host(xf), 5, -2.0f, 3.0f).to_host();
  BOOST_TEST(cf.sum() == 100);
  for (Index b = 0; b < 5; ++b) BOOST_TEST(cf[b] == (xf.array() >= -2.0f + b).cast<std::int64_t>().sum() -
                                                       (xf.array() >= -1.0f + b).cast<std::int64_t>().sum());
}

BOOST_AUTO_TEST_CASE(histogram_refuses_bad_bins_and_ranges) {
  const gpu::DeviceVector<double> x(3);
  BOOST_CHECK_THROW((void)gpu::histogram(x, 0, 0.0, 1.0), ValueError);
  BOOST_CHECK_THROW((void)gpu::histogram(x, 3, 1.0, 1.0), ValueError);
  BOOST_CHECK_THROW((void)gpu::histogram(x, 3, 0.0, std::numeric_limits<double>::infinity()), ValueError);
  BOOST_CHECK_THROW((void)gpu::histogram(gpu::DeviceVector<float>(3), 3, -3e38f, 3e38f), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
