#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <scilearn/core/errors.hpp>
#include <scilearn/gpu/device_array.hpp>
#include <scilearn/gpu/memory.hpp>
#include <scilearn/gpu/primitives.hpp>

#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(memory)

using namespace scilearn;
using scilearn::testing::message_of;

BOOST_AUTO_TEST_CASE(new_arrays_are_zero) {
  const gpu::DeviceVector<double> v(7);
  BOOST_TEST(v.size() == 7);
  BOOST_TEST(v.to_host().isZero(0.0));
  const gpu::DeviceMatrix<std::int64_t> M(3, 4);
  BOOST_TEST((M.rows() == 3 && M.cols() == 4 && M.size() == 12));
  BOOST_TEST((M.to_host().array() == 0).all());
  const gpu::DeviceVector<float> empty;
  BOOST_TEST((empty.empty() && empty.data() == nullptr && empty.to_host().size() == 0));
}

BOOST_AUTO_TEST_CASE(round_trips_are_exact_and_counted) {
  const Matrix X = Matrix::Random(5, 3);
  gpu::reset_transfer_stats();
  const auto dX = gpu::DeviceMatrix<double>::from_host(X);
  const Matrix back = dX.to_host();
  BOOST_TEST((back.array() == X.array()).all());
  const gpu::TransferStats t = gpu::transfer_stats();
  BOOST_TEST(t.host_to_device_count == 1u);
  BOOST_TEST(t.host_to_device_bytes == 15 * sizeof(double));
  BOOST_TEST(t.device_to_host_count == 1u);
  BOOST_TEST(t.device_to_host_bytes == 15 * sizeof(double));
  gpu::reset_transfer_stats();
  BOOST_TEST(gpu::transfer_stats().host_to_device_count == 0u);
}

BOOST_AUTO_TEST_CASE(strided_host_blocks_are_packed) {
  const Matrix X = Matrix::Random(6, 5);
  const auto block = gpu::DeviceMatrix<double>::from_host(X.block(1, 1, 4, 3));
  BOOST_TEST((block.to_host().array() == X.block(1, 1, 4, 3).array()).all());
  const auto row = gpu::DeviceVector<double>::from_host(X.row(2).transpose());
  BOOST_TEST((row.to_host().array() == X.row(2).transpose().array()).all());
}

BOOST_AUTO_TEST_CASE(views_share_memory_with_their_array) {
  const Eigen::MatrixXf X = Eigen::MatrixXf::Random(4, 5);
  auto dX = gpu::DeviceMatrix<float>::from_host(X);
  gpu::DeviceVector<float> column = dX.col(2);
  gpu::fill(column, 9.0f);
  gpu::DeviceMatrix<float> middle = dX.middle_cols(3, 2);
  gpu::DeviceVector<float> first_two = middle.flat().segment(0, 2);
  gpu::fill(first_two, -1.0f);
  Eigen::MatrixXf expected = X;
  expected.col(2).setConstant(9.0f);
  expected(0, 3) = expected(1, 3) = -1.0f;
  BOOST_TEST((dX.to_host().array() == expected.array()).all());
  BOOST_TEST((middle.rows() == 4 && middle.cols() == 2));
}

BOOST_AUTO_TEST_CASE(reshape_views_a_vector_column_after_column) {
  const Vector v = Vector::LinSpaced(6, 0.0, 5.0);
  const auto M = gpu::DeviceMatrix<double>::reshape(gpu::DeviceVector<double>::from_host(v), 2, 3);
  const Matrix expected = Eigen::Map<const Matrix>(v.data(), 2, 3);
  BOOST_TEST((M.to_host().array() == expected.array()).all());
  BOOST_TEST(message_of<ValueError>([] { (void)gpu::DeviceMatrix<double>::reshape(gpu::DeviceVector<double>(6), 4, 2); })
                 .find("cannot view 6 elements as 4x2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_view_keeps_its_block_alive) {
  gpu::DeviceVector<double> view;
  {
    auto owner = gpu::DeviceVector<double>::from_host(Vector::LinSpaced(6, 0.0, 5.0));
    view = owner.segment(2, 3);
  }
  const Vector got = view.to_host();
  BOOST_TEST((got.array() == Vector::LinSpaced(3, 2.0, 4.0).array()).all());
}

BOOST_AUTO_TEST_CASE(clone_is_a_deep_copy_without_transfers) {
  auto a = gpu::DeviceVector<double>::from_host(Vector::Ones(4));
  gpu::reset_transfer_stats();
  gpu::DeviceVector<double> b = a.clone();
  BOOST_TEST(gpu::transfer_stats().host_to_device_count == 0u);
  gpu::fill(a, 3.0);
  BOOST_TEST((b.to_host().array() == 1.0).all());
}

BOOST_AUTO_TEST_CASE(released_blocks_are_reused) {
  gpu::release_cached();
  const gpu::PoolStats before = gpu::pool_stats();
  { const gpu::DeviceVector<double> a(1000); }
  const gpu::PoolStats cached = gpu::pool_stats();
  BOOST_TEST(cached.allocations == before.allocations + 1);
  BOOST_TEST(cached.bytes_cached >= 1000 * sizeof(double));
  { const gpu::DeviceVector<double> b(900); }  // fits the cached block (at most twice its size)
  const gpu::PoolStats after = gpu::pool_stats();
  BOOST_TEST(after.allocations == cached.allocations);
  BOOST_TEST(after.reuses == cached.reuses + 1);
  { const gpu::DeviceVector<double> small(10); }  // too small for it: a new block
  BOOST_TEST(gpu::pool_stats().allocations == after.allocations + 1);
  gpu::release_cached();
  BOOST_TEST(gpu::pool_stats().bytes_cached == 0u);
}

BOOST_AUTO_TEST_CASE(a_reused_block_is_zeroed_again) {
  gpu::release_cached();
  {
    auto a = gpu::DeviceVector<double>::from_host(Vector::Constant(64, 5.0));
  }
  const std::size_t reuses = gpu::pool_stats().reuses;
  const gpu::DeviceVector<double> b(64);
  BOOST_TEST(gpu::pool_stats().reuses == reuses + 1);  // b got a's block
  BOOST_TEST(b.to_host().isZero(0.0));
}

BOOST_AUTO_TEST_CASE(sizes_past_the_address_space_are_value_errors) {
  BOOST_CHECK_THROW(gpu::DeviceVector<double>(Index{1} << 61), ValueError);
  BOOST_CHECK_THROW(gpu::DeviceMatrix<float>(Index{1} << 40, Index{1} << 40), ValueError);
  BOOST_CHECK_THROW((void)gpu::DeviceMatrix<double>::reshape(gpu::DeviceVector<double>(4), Index{1} << 62, 4),
                    ValueError);
}

BOOST_AUTO_TEST_CASE(bad_sizes_and_ranges_are_value_errors) {
  BOOST_TEST(message_of<ValueError>([] { gpu::DeviceVector<double> v(-1); }).find("non-negative") !=
             std::string::npos);
  BOOST_CHECK_THROW(gpu::DeviceMatrix<float>(2, -3), ValueError);
  gpu::DeviceVector<double> v(5);
  BOOST_TEST(message_of<ValueError>([&] { (void)v.segment(3, 3); }).find("[3, 6) is outside an array of size 5") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)v.segment(-1, 1), ValueError);
  gpu::DeviceMatrix<double> M(2, 3);
  BOOST_CHECK_THROW((void)M.col(3), ValueError);
  BOOST_CHECK_THROW((void)M.middle_cols(2, 2), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
