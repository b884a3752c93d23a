#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/random.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

// The suite's namespace `random` would collide with POSIX ::random(), so it
// lives inside a namespace of its own; the suite is still named "random".
namespace scilearn_random_test {

BOOST_AUTO_TEST_SUITE(random)

using namespace scilearn;

namespace {

// --- the reference streams ------------------------------------------------------
// tests/data/core/random/xoshiro256starstar.txt, written by
// tests/reference/core_random.py: an independent pure-Python SplitMix64 +
// xoshiro256** (checked there against the published vectors) with a jump
// polynomial derived from the engine itself. One record per line:
//   <kind> <seed> [parameters...] : <values...>

struct Record {
  std::string kind;
  std::uint64_t seed = 0;
  std::vector<std::string> params;
  std::vector<std::string> values;
};

template <class T>
T parse(const std::string& text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw std::runtime_error("random_test: cannot parse '" + text + "'");
  }
  return value;
}

template <class T>
std::vector<T> parse_all(const std::vector<std::string>& texts) {
  std::vector<T> out;
  for (const auto& t : texts) out.push_back(parse<T>(t));
  return out;
}

std::vector<Record> load_reference() {
  std::ifstream in(testing::fixture_path("core/random/xoshiro256starstar.txt"));
  std::vector<Record> records;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Record r;
    std::string seed;
    words >> r.kind >> seed;
    r.seed = parse<std::uint64_t>(seed);
    std::string word;
    while (words >> word && word != ":") r.params.push_back(word);
    while (words >> word) r.values.push_back(word);
    records.push_back(std::move(r));
  }
  return records;
}

// The records of one kind; fails the test if there are none.
std::vector<Record> reference(const std::string& kind) {
  static const std::vector<Record> all = load_reference();
  std::vector<Record> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Record& r) { return r.kind == kind; });
  BOOST_TEST_REQUIRE(!out.empty(), "no '" << kind << "' records in the reference file");
  return out;
}

std::vector<std::uint64_t> draw(Generator& g, std::size_t n) {
  std::vector<std::uint64_t> out(n);
  for (auto& x : out) x = g();
  return out;
}

// |a - b| within `ulps` units in the last place of the larger.
bool close_in_ulps(double a, double b, double ulps) {
  const double scale = std::max(std::abs(a), std::abs(b));
  return std::abs(a - b) <= ulps * std::numeric_limits<double>::epsilon() * std::max(scale, 1e-300);
}

// Seeds for the statistical checks: each must pass for every one of them.
const std::uint64_t statistical_seeds[] = {0, 42, 20240601};

constexpr int n_samples = 100000;

double mean(const std::vector<double>& x) { return std::accumulate(x.begin(), x.end(), 0.0) / double(x.size()); }

double variance(const std::vector<double>& x) {
  const double m = mean(x);
  double ss = 0.0;
  for (double v : x) ss += (v - m) * (v - m);
  return ss / double(x.size() - 1);
}

// Pearson's chi-square statistic of counts against equal expected counts.
double chi_square_uniform(const std::vector<long>& counts) {
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  const double expected = total / double(counts.size());
  double chi2 = 0.0;
  for (long c : counts) chi2 += (double(c) - expected) * (double(c) - expected) / expected;
  return chi2;
}

// Kolmogorov-Smirnov statistic sqrt(n) * D of a sample against a CDF.
template <class Cdf>
double ks_statistic(std::vector<double> x, Cdf cdf) {
  std::sort(x.begin(), x.end());
  const double n = double(x.size());
  double d = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double f = cdf(x[i]);
    d = std::max({d, f - double(i) / n, double(i + 1) / n - f});
  }
  return std::sqrt(n) * d;
}

// Thresholds at significance 1e-6 (about 5 standard errors, two-sided), so a
// correct generator fails a check with probability ~1e-6 per seed.
// Kolmogorov distribution: P(sqrt(n) D > x) ~ 2 exp(-2 x^2)  =>  x = 2.6934
// (scipy.stats.kstwobign.isf(1e-6)).
constexpr double ks_threshold = 2.6933861344527097;
// scipy.stats.chi2.isf(1e-6, df) for the degrees of freedom used below.
double chi_square_threshold(int df) {
  switch (df) {
    case 2: return 27.631021115928547;
    case 5: return 35.888186879672865;
    case 9: return 44.81093787068782;
    case 15: return 56.49344249977338;
    default: throw std::logic_error("random_test: no chi-square threshold for this df");
  }
}

}  // namespace

// --- the engine -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(generator_is_a_standard_uniform_random_bit_generator) {
  static_assert(std::uniform_random_bit_generator<Generator>);
  BOOST_TEST(Generator::min() == 0u);
  BOOST_TEST(Generator::max() == std::numeric_limits<std::uint64_t>::max());
  // So it drives standard algorithms that need only bits.
  std::vector<int> population(10);
  std::iota(population.begin(), population.end(), 0);
  std::vector<int> picked;
  Generator g(1);
  std::sample(population.begin(), population.end(), std::back_inserter(picked), 3, g);
  BOOST_TEST(picked.size() == 3u);
}

BOOST_AUTO_TEST_CASE(seeding_uses_the_published_splitmix64_outputs) {
  // SplitMix64 from state 0 publishes e220a8397b1dcdaf, 6e789e6aa1b965f4, ...
  // Seed 0's state is those outputs in order, and xoshiro256**'s first output
  // is rotl(s[1] * 5, 7) * 9 of the second one.
  const std::uint64_t s1 = 0x6e789e6aa1b965f4U;
  const std::uint64_t product = s1 * 5;
  const std::uint64_t expected = ((product << 7) | (product >> 57)) * 9;
  Generator g(0);
  BOOST_TEST(g() == expected);
}

BOOST_AUTO_TEST_CASE(raw_stream_matches_the_independent_reference) {
  for (const auto& r : reference("next")) {
    BOOST_TEST_CONTEXT("seed " << r.seed) {
      Generator g(r.seed);
      const auto expected = parse_all<std::uint64_t>(r.values);
      BOOST_TEST(draw(g, expected.size()) == expected, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(same_seed_gives_the_same_stream_and_other_seeds_another) {
  for (std::uint64_t seed : statistical_seeds) {
    Generator a(seed), b(seed), c(seed + 1);
    const auto xa = draw(a, 1000);
    BOOST_TEST(xa == draw(b, 1000));
    BOOST_TEST(xa != draw(c, 1000));
  }
}

BOOST_AUTO_TEST_CASE(a_copy_continues_with_the_same_numbers) {
  Generator g(7);
  (void)draw(g, 5);
  (void)g.standard_normal();  // leaves a cached normal, which is part of the value
  Generator copy = g;
  BOOST_TEST(g.standard_normal() == copy.standard_normal());
  BOOST_TEST(draw(g, 100) == draw(copy, 100));
}

BOOST_AUTO_TEST_CASE(default_rng_with_a_seed_is_that_generator_and_without_is_fresh) {
  Generator a = default_rng(99);
  Generator b(99);
  BOOST_TEST(draw(a, 10) == draw(b, 10));
  Generator fresh1 = default_rng();
  Generator fresh2 = default_rng();
  // Two 64-bit entropy seeds collide with probability 2^-64.
  BOOST_TEST(draw(fresh1, 4) != draw(fresh2, 4));
}

// --- jump and spawn ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(jump_matches_the_reference_derived_from_the_characteristic_polynomial) {
  for (const auto& r : reference("jump")) {
    BOOST_TEST_CONTEXT("seed " << r.seed) {
      Generator g(r.seed);
      g.jump();
      BOOST_TEST(draw(g, r.values.size()) == parse_all<std::uint64_t>(r.values), boost::test_tools::per_element());
    }
  }
  for (const auto& r : reference("jump2")) {
    BOOST_TEST_CONTEXT("seed " << r.seed) {
      Generator g(r.seed);
      g.jump();
      g.jump();
      BOOST_TEST(draw(g, r.values.size()) == parse_all<std::uint64_t>(r.values), boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(spawn_gives_the_reference_children_and_parent) {
  const auto children = reference("spawn");
  const auto parents = reference("spawn_parent");
  for (const auto& p : parents) {
    BOOST_TEST_CONTEXT("seed " << p.seed) {
      Generator g(p.seed);
      (void)g();  // the reference spawns after one draw
      auto spawned = g.spawn(3);
      BOOST_TEST_REQUIRE(spawned.size() == 3u);
      for (const auto& c : children) {
        if (c.seed != p.seed) continue;
        const auto k = parse<std::size_t>(c.params.at(0));
        BOOST_TEST(draw(spawned.at(k), c.values.size()) == parse_all<std::uint64_t>(c.values),
                   boost::test_tools::per_element());
      }
      BOOST_TEST(draw(g, p.values.size()) == parse_all<std::uint64_t>(p.values), boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(spawned_streams_differ_and_are_reproducible) {
  Generator a(5), b(5);
  auto ca = a.spawn(4);
  auto cb = b.spawn(4);
  std::vector<std::vector<std::uint64_t>> streams;
  for (std::size_t k = 0; k < 4; ++k) {
    streams.push_back(draw(ca[k], 50));
    BOOST_TEST(streams.back() == draw(cb[k], 50));
  }
  streams.push_back(draw(a, 50));
  streams.push_back(draw(a.spawn(1)[0], 50));  // a second spawn gives new streams
  for (std::size_t i = 0; i < streams.size(); ++i) {
    for (std::size_t j = i + 1; j < streams.size(); ++j) BOOST_TEST(streams[i] != streams[j]);
  }
}

BOOST_AUTO_TEST_CASE(nested_spawning_never_repeats_a_stream) {
  // Folds x trees: every grandchild, child and the parent's own continuation
  // must be distinct streams (jump-based spawning fails this).
  Generator root(11);
  std::vector<std::vector<std::uint64_t>> streams;
  auto children = root.spawn(3);
  for (auto& child : children) {
    for (auto& grandchild : Generator(child).spawn(3)) streams.push_back(draw(grandchild, 20));
    streams.push_back(draw(child, 20));
  }
  streams.push_back(draw(root, 20));
  for (std::size_t i = 0; i < streams.size(); ++i) {
    for (std::size_t j = i + 1; j < streams.size(); ++j) {
      for (std::size_t shift = 0; shift < 10; ++shift) {  // not even shifted copies of each other
        const bool overlap =
            std::equal(streams[i].begin() + static_cast<std::ptrdiff_t>(shift), streams[i].end(), streams[j].begin());
        BOOST_TEST(!overlap, "streams " << i << " and " << j << " overlap at shift " << shift);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(spawn_zero_returns_nothing_and_changes_nothing) {
  Generator g(3), untouched(3);
  BOOST_TEST(g.spawn(0).empty());
  BOOST_TEST(draw(g, 10) == draw(untouched, 10));
}

BOOST_AUTO_TEST_CASE(one_spawned_stream_per_chunk_makes_results_independent_of_thread_count) {
  // The documented pattern: one child per unit of work, whatever the threads.
  constexpr std::size_t n_chunks = 8;
  constexpr Index chunk = 1000;
  auto run = [&](unsigned n_threads) {
    Generator root(2024);
    auto streams = root.spawn(n_chunks);
    std::vector<double> sums(n_chunks);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < n_threads; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t c = t; c < n_chunks; c += n_threads) {
          const Vector z = streams[c].standard_normal(chunk);
          sums[c] = std::accumulate(z.begin(), z.end(), 0.0);
        }
      });
    }
    for (auto& th : threads) th.join();
    return sums;
  };
  const auto one = run(1);
  BOOST_TEST(run(3) == one, boost::test_tools::per_element());
  BOOST_TEST(run(8) == one, boost::test_tools::per_element());
}

// --- doubles ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(random_doubles_match_the_reference_bitwise) {
  for (const auto& r : reference("random")) {
    BOOST_TEST_CONTEXT("seed " << r.seed) {
      Generator g(r.seed);
      for (double expected : parse_all<double>(r.values)) BOOST_TEST(g.random() == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(random_lies_in_the_half_open_unit_interval_on_a_53_bit_grid) {
  Generator g(11);
  for (int i = 0; i < 10000; ++i) {
    const double u = g.random();
    BOOST_TEST_REQUIRE((0.0 <= u && u < 1.0));
    BOOST_TEST_REQUIRE(std::ldexp(u, 53) == std::floor(std::ldexp(u, 53)));
  }
}

BOOST_AUTO_TEST_CASE(uniform_matches_the_reference_bitwise) {
  for (const auto& r : reference("uniform")) {
    const double low = parse<double>(r.params.at(0));
    const double high = parse<double>(r.params.at(1));
    BOOST_TEST_CONTEXT("seed " << r.seed << ", uniform(" << low << ", " << high << ")") {
      Generator g(r.seed);
      for (double expected : parse_all<double>(r.values)) BOOST_TEST(g.uniform(low, high) == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(uniform_never_returns_high_even_when_rounding_would) {
  // high - low = 2 ulp(1): low + width * u rounds to high for u >= 3/4.
  const double low = 1.0;
  const double high = 1.0 + 2 * std::numeric_limits<double>::epsilon();
  Generator g(4);
  int at_top = 0;
  for (int i = 0; i < 1000; ++i) {
    const double x = g.uniform(low, high);
    BOOST_TEST_REQUIRE((low <= x && x < high));
    at_top += x == std::nextafter(high, low);
  }
  BOOST_TEST(at_top > 0);
  BOOST_TEST(g.uniform(2.5, 2.5) == 2.5);
}

BOOST_AUTO_TEST_CASE(uniform_moments_are_within_five_standard_errors) {
  for (std::uint64_t seed : statistical_seeds) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Generator g(seed);
      const double low = -2.0, high = 6.0, width = high - low;
      std::vector<double> x(n_samples);
      for (auto& v : x) v = g.uniform(low, high);
      const double n = n_samples;
      // Var(mean) = w^2/12/n; Var(sample variance) ~ (mu4 - sigma^4)/n = w^4 (1/80 - 1/144)/n.
      BOOST_TEST(std::abs(mean(x) - (low + high) / 2) < 5 * width * std::sqrt(1.0 / 12 / n));
      BOOST_TEST(std::abs(variance(x) - width * width / 12) <
                 5 * width * width * std::sqrt((1.0 / 80 - 1.0 / 144) / n));
      BOOST_TEST(ks_statistic(x, [&](double t) { return (t - low) / width; }) < ks_threshold);
    }
  }
}

// --- normals --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(normals_match_the_reference_to_a_few_ulps) {
  // Bitwise on the same C library; std::log may differ in the last bit elsewhere.
  for (const auto& r : reference("standard_normal")) {
    BOOST_TEST_CONTEXT("seed " << r.seed) {
      Generator g(r.seed);
      for (double expected : parse_all<double>(r.values)) {
        const double z = g.standard_normal();
        BOOST_TEST(close_in_ulps(z, expected, 4), z << " vs reference " << expected);
      }
    }
  }
  for (const auto& r : reference("normal")) {
    const double loc = parse<double>(r.params.at(0));
    const double scale = parse<double>(r.params.at(1));
    BOOST_TEST_CONTEXT("seed " << r.seed << ", normal(" << loc << ", " << scale << ")") {
      Generator g(r.seed);
      for (double expected : parse_all<double>(r.values)) {
        const double z = g.normal(loc, scale);
        BOOST_TEST(close_in_ulps(z, expected, 8), z << " vs reference " << expected);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_cached_normal_does_not_disturb_the_uniform_stream) {
  // normal, random, normal, normal: the second normal is the first pair's cached
  // half; random() meanwhile draws from the raw stream, as in the reference.
  for (const auto& r : reference("normal_random_mix")) {
    BOOST_TEST_CONTEXT("seed " << r.seed) {
      Generator g(r.seed);
      const auto expected = parse_all<double>(r.values);
      BOOST_TEST(close_in_ulps(g.standard_normal(), expected.at(0), 4));
      BOOST_TEST(g.random() == expected.at(1));
      BOOST_TEST(close_in_ulps(g.standard_normal(), expected.at(2), 4));
      BOOST_TEST(close_in_ulps(g.standard_normal(), expected.at(3), 4));
    }
  }
}

BOOST_AUTO_TEST_CASE(normal_moments_and_distribution_are_within_tolerance) {
  for (std::uint64_t seed : statistical_seeds) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Generator g(seed);
      const Vector z = g.standard_normal(n_samples);
      const std::vector<double> x(z.data(), z.data() + z.size());
      const double n = n_samples;
      // Var(mean) = 1/n; Var(sample variance) = 2/(n - 1) for normal data.
      BOOST_TEST(std::abs(mean(x)) < 5 * std::sqrt(1.0 / n));
      BOOST_TEST(std::abs(variance(x) - 1.0) < 5 * std::sqrt(2.0 / (n - 1)));
      BOOST_TEST(ks_statistic(x, [](double t) { return 0.5 * std::erfc(-t / std::sqrt(2.0)); }) < ks_threshold);
    }
  }
}

BOOST_AUTO_TEST_CASE(normal_shifts_and_scales) {
  Generator g(8), h(8);
  for (int i = 0; i < 100; ++i) BOOST_TEST(close_in_ulps(g.normal(3.0, 2.0), 3.0 + 2.0 * h.standard_normal(), 2));
  BOOST_TEST(g.normal(-1.5, 0.0) == -1.5);
}

// --- integers, permutations -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(integers_match_the_reference_exactly_including_extreme_ranges) {
  for (const auto& r : reference("integers")) {
    const auto low = parse<std::int64_t>(r.params.at(0));
    const auto high = parse<std::int64_t>(r.params.at(1));
    BOOST_TEST_CONTEXT("seed " << r.seed << ", integers(" << low << ", " << high << ")") {
      Generator g(r.seed);
      for (std::int64_t expected : parse_all<std::int64_t>(r.values)) BOOST_TEST(g.integers(low, high) == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(integers_stay_in_range_for_extreme_bounds) {
  constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t hi = std::numeric_limits<std::int64_t>::max();
  const std::pair<std::int64_t, std::int64_t> ranges[] = {
      {lo, hi}, {lo, lo + 1}, {hi - 1, hi}, {lo, 0}, {-1, hi}, {0, std::int64_t{1} << 62}, {-7, -6}};
  for (const auto& [low, high] : ranges) {
    BOOST_TEST_CONTEXT("integers(" << low << ", " << high << ")") {
      Generator g(13);
      for (int i = 0; i < 20000; ++i) {
        const std::int64_t x = g.integers(low, high);
        BOOST_TEST_REQUIRE((low <= x && x < high));
      }
    }
  }
  // The full range reaches both signs.
  Generator g(13);
  bool negative = false, positive = false;
  for (int i = 0; i < 100; ++i) {
    const std::int64_t x = g.integers(lo, hi);
    negative |= x < 0;
    positive |= x > 0;
  }
  BOOST_TEST((negative && positive));
}

BOOST_AUTO_TEST_CASE(integers_are_uniform_by_chi_square) {
  for (std::uint64_t seed : statistical_seeds) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Generator g(seed);
      std::vector<long> dice(10);
      for (int i = 0; i < n_samples; ++i) ++dice[static_cast<std::size_t>(g.integers(-3, 7) + 3)];
      BOOST_TEST(chi_square_uniform(dice) < chi_square_threshold(9));

      // [0, 3 * 2^61): 2^64 mod range = 2^62, so `x % range` would give the
      // thirds [0, 2^61), [2^61, 2^62), [2^62, 3 * 2^61) in the ratio 3 : 3 : 2;
      // Lemire's rejection must not.
      std::vector<long> thirds(3);
      const std::int64_t range = std::int64_t{3} << 61;
      for (int i = 0; i < n_samples; ++i) ++thirds[static_cast<std::size_t>(g.integers(0, range) >> 61)];
      BOOST_TEST(chi_square_uniform(thirds) < chi_square_threshold(2));

      // The full int64 range, binned by its top 4 bits.
      std::vector<long> top(16);
      for (int i = 0; i < n_samples; ++i) {
        const auto x = static_cast<std::uint64_t>(
            g.integers(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()));
        ++top[x >> 60];
      }
      BOOST_TEST(chi_square_uniform(top) < chi_square_threshold(15));
    }
  }
}

BOOST_AUTO_TEST_CASE(permutation_matches_the_reference) {
  for (const auto& r : reference("permutation")) {
    const auto n = parse<Index>(r.params.at(0));
    BOOST_TEST_CONTEXT("seed " << r.seed << ", n = " << n) {
      Generator g(r.seed);
      const Eigen::VectorX<Index> p = g.permutation(n);
      const std::vector<Index> got(p.data(), p.data() + p.size());
      BOOST_TEST(got == parse_all<Index>(r.values), boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(permutation_is_a_permutation) {
  for (Index n : {Index{0}, Index{1}, Index{2}, Index{1000}}) {
    Generator g(21);
    const Eigen::VectorX<Index> p = g.permutation(n);
    BOOST_TEST_REQUIRE(p.size() == n);
    std::vector<Index> sorted(p.data(), p.data() + p.size());
    std::sort(sorted.begin(), sorted.end());
    std::vector<Index> identity(static_cast<std::size_t>(n));
    std::iota(identity.begin(), identity.end(), Index{0});
    BOOST_TEST(sorted == identity);
  }
}

BOOST_AUTO_TEST_CASE(shuffle_of_0_to_n_is_permutation_n) {
  Generator a(17), b(17);
  std::vector<Index> v(25);
  std::iota(v.begin(), v.end(), Index{0});
  a.shuffle(v.begin(), v.end());
  const Eigen::VectorX<Index> p = b.permutation(25);
  BOOST_TEST(v == std::vector<Index>(p.data(), p.data() + p.size()), boost::test_tools::per_element());
  // Eigen vectors are random-access ranges too.
  Vector x = Vector::LinSpaced(5, 0.0, 4.0);
  a.shuffle(x.begin(), x.end());
  BOOST_TEST(x.sum() == 10.0);
}

BOOST_AUTO_TEST_CASE(shuffle_makes_every_order_equally_likely) {
  for (std::uint64_t seed : statistical_seeds) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Generator g(seed);
      std::vector<long> counts(6);
      for (int i = 0; i < 60000; ++i) {
        std::vector<int> v = {0, 1, 2};
        g.shuffle(v.begin(), v.end());
        // Lehmer code of a permutation of 3: 2 * v[0] + rank of v[1] among the rest.
        const int rank1 = v[1] > v[2] ? 1 : 0;
        ++counts[static_cast<std::size_t>(2 * v[0] + rank1)];
      }
      BOOST_TEST(chi_square_uniform(counts) < chi_square_threshold(5));
    }
  }
}

// --- bulk draws -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bulk_draws_equal_scalar_draws_in_storage_order) {
  Generator a(30), b(30);
  const Matrix m = a.random(3, 4);
  for (Index j = 0; j < 4; ++j) {
    for (Index i = 0; i < 3; ++i) BOOST_TEST(m(i, j) == b.random());  // column-major
  }
  const Vector v = a.random(5);
  for (Index i = 0; i < 5; ++i) BOOST_TEST(v[i] == b.random());
  const Matrix z = a.standard_normal(3, 3);  // odd count: the last pair's second half stays cached
  for (Index i = 0; i < z.size(); ++i) BOOST_TEST(z.data()[i] == b.standard_normal());
  BOOST_TEST(a.standard_normal(1)[0] == b.standard_normal());
  BOOST_TEST(a.random(0).size() == 0);
  BOOST_TEST(a.standard_normal(0, 3).size() == 0);
}

// --- bad arguments ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bad_arguments_are_value_errors_naming_the_numbers) {
  Generator g(1);
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double big = std::numeric_limits<double>::max();

  BOOST_TEST(testing::message_of<ValueError>([&] { (void)g.integers(5, 5); }) ==
             "integers: low (5) must be less than high (5)");
  BOOST_CHECK_THROW((void)g.integers(6, -2), ValueError);

  BOOST_TEST(testing::message_of<ValueError>([&] { (void)g.uniform(1.0, 0.0); }) ==
             "uniform: requires finite low <= high, got low = 1, high = 0");
  BOOST_CHECK_THROW((void)g.uniform(nan, 1.0), ValueError);
  BOOST_CHECK_THROW((void)g.uniform(0.0, inf), ValueError);
  BOOST_CHECK_THROW((void)g.uniform(-big, big), ValueError);  // high - low overflows

  BOOST_TEST(testing::message_of<ValueError>([&] { (void)g.normal(0.0, -1.0); }) ==
             "normal: requires finite loc and finite scale >= 0, got loc = 0, scale = -1");
  BOOST_CHECK_THROW((void)g.normal(nan, 1.0), ValueError);
  BOOST_CHECK_THROW((void)g.normal(0.0, inf), ValueError);

  BOOST_TEST(testing::message_of<ValueError>([&] { (void)g.random(Index{-1}); }) == "random: n must be >= 0, got -1");
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)g.standard_normal(-2, 3); }) ==
             "standard_normal: rows and cols must be >= 0, got -2x3");
  BOOST_CHECK_THROW((void)g.random(2, -1), ValueError);
  BOOST_CHECK_THROW((void)g.standard_normal(Index{-1}), ValueError);
  BOOST_CHECK_THROW((void)g.permutation(-1), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace scilearn_random_test
