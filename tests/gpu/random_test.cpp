#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <scilearn/core/errors.hpp>
#include <scilearn/gpu/random.hpp>

#include "gpu/gpu_testing.hpp"

namespace scilearn_gpu_random_test {  // "random" would collide with POSIX ::random()

BOOST_AUTO_TEST_SUITE(random)

using namespace scilearn;
using scilearn::gpu_testing::Reals;

BOOST_AUTO_TEST_CASE(philox_matches_the_published_known_answers) {
  // Random123's kat_vectors for Philox4x32-10 (Salmon et al. 2011).
  using Words4 = std::array<std::uint32_t, 4>;
  BOOST_TEST((gpu::philox4x32_10({0, 0, 0, 0}, {0, 0}) == Words4{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  BOOST_TEST((gpu::philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}) ==
              Words4{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  BOOST_TEST((gpu::philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}) ==
              Words4{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

BOOST_AUTO_TEST_CASE(uniform_streams_are_the_documented_function_of_seed_and_index) {
  const std::uint64_t seed = 0x0123456789abcdefULL;
  const std::array<std::uint32_t, 2> key{0x89abcdefu, 0x01234567u};
  const Eigen::VectorXf f = gpu::uniform<float>(9, seed).to_host();
  for (Index i = 0; i < 9; ++i) {
    const auto block = gpu::philox4x32_10({static_cast<std::uint32_t>(i / 4), 0, 0, 0}, key);
    BOOST_TEST(f[i] == static_cast<float>(block[static_cast<std::size_t>(i % 4)] >> 8) * 0x1p-24f);
  }
  const Vector d = gpu::uniform<double>(5, seed).to_host();
  for (Index i = 0; i < 5; ++i) {
    const auto block = gpu::philox4x32_10({static_cast<std::uint32_t>(i / 2), 0, 0, 0}, key);
    const std::size_t j = 2 * static_cast<std::size_t>(i % 2);
    const std::uint64_t bits = (std::uint64_t{block[j] >> 5} << 26) | (block[j + 1] >> 6);
    BOOST_TEST(d[i] == static_cast<double>(bits) * 0x1p-53);
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_longer_stream_starts_with_the_shorter_one, T, Reals) {
  const auto short_u = gpu::uniform<T>(101, 42, T(-3), T(5)).to_host();
  const auto long_u = gpu::uniform<T>(1000, 42, T(-3), T(5)).to_host();
  BOOST_TEST((long_u.head(101).array() == short_u.array()).all());
  const auto short_n = gpu::normal<T>(7, 42).to_host();
  const auto long_n = gpu::normal<T>(50, 42).to_host();
  BOOST_TEST((long_n.head(7).array() == short_n.array()).all());
  BOOST_TEST((gpu::uniform<T>(50, 43).to_host().array() != gpu::uniform<T>(50, 42).to_host().array()).any());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(moments_match_the_distributions, T, Reals) {
  const Index n = 200000;
  // Means within 5 standard errors (a false alarm about once in 1.7 million runs).
  const auto u = gpu::uniform<T>(n, 7, T(2), T(4)).to_host().template cast<double>().eval();
  BOOST_TEST((u.minCoeff() >= 2.0 && u.maxCoeff() < 4.0));
  BOOST_TEST(std::abs(u.mean() - 3.0) <= 5.0 * std::sqrt(1.0 / 3.0 / n));
  const auto z = gpu::normal<T>(n, 7, T(1), T(2)).to_host().template cast<double>().eval();
  const double mean = z.mean();
  const double var = (z.array() - mean).square().sum() / (n - 1);
  BOOST_TEST(std::abs(mean - 1.0) <= 5.0 * 2.0 / std::sqrt(double(n)));
  BOOST_TEST(std::abs(var - 4.0) <= 5.0 * 4.0 * std::sqrt(2.0 / (n - 1)));  // sd of s^2: sigma^2 sqrt(2/(n-1))
  const double fourth = (z.array() - mean).pow(4).sum() / n / (var * var);
  BOOST_TEST(std::abs(fourth - 3.0) <= 0.1);  // kurtosis 3 (sd about sqrt(24/n) = 0.011)
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_value_errors) {
  BOOST_CHECK_THROW((void)gpu::uniform<double>(-1, 1), ValueError);
  BOOST_CHECK_THROW((void)gpu::uniform<double>(3, 1, 1.0, 1.0), ValueError);
  BOOST_CHECK_THROW((void)gpu::uniform<float>(3, 1, 0.0f, std::numeric_limits<float>::infinity()), ValueError);
  BOOST_CHECK_THROW((void)gpu::uniform<float>(3, 1, -3e38f, 3e38f), ValueError);  // high - low overflows
  BOOST_CHECK_THROW((void)gpu::normal<double>(3, 1, 0.0, -1.0), ValueError);
  BOOST_CHECK_THROW((void)gpu::normal<double>(3, 1, std::numeric_limits<double>::quiet_NaN(), 1.0), ValueError);
  BOOST_TEST(gpu::normal<double>(0, 1).size() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace scilearn_gpu_random_test
