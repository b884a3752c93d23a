// scipy.stats.permutation_test: the null distribution of a statistic over
// the rearrangements of the data that the null hypothesis makes equally
// likely, enumerated when there are few enough, sampled otherwise.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/stats/resampling.hpp>
#include <vector>

namespace scilearn::stats {

namespace {

constexpr std::uint64_t kTooMany = std::numeric_limits<std::uint64_t>::max();

// a * b, or kTooMany when it overflows (a count too large to enumerate).
std::uint64_t saturating_product(std::uint64_t a, std::uint64_t b) {
  std::uint64_t product = 0;
  return __builtin_mul_overflow(a, b, &product) ? kTooMany : product;
}

std::uint64_t factorial(Index n) {
  std::uint64_t f = 1;
  for (Index k = 2; k <= n; ++k) f = saturating_product(f, static_cast<std::uint64_t>(k));
  return f;
}

// C(n, k), exact while the running products fit (saturated beyond).
std::uint64_t binomial(Index n, Index k) {
  std::uint64_t c = 1;
  for (Index i = 1; i <= k; ++i) {
    c = saturating_product(c, static_cast<std::uint64_t>(n - k + i));
    if (c == kTooMany) return kTooMany;
    c /= static_cast<std::uint64_t>(i);  // exact: c is now C(n - k + i, i) * i
  }
  return c;
}

std::uint64_t saturating_power(std::uint64_t base, std::size_t exponent) {
  std::uint64_t p = 1;
  for (std::size_t k = 0; k < exponent; ++k) p = saturating_product(p, base);
  return p;
}

// The number of distinct rearrangements for the permutation type (SciPy's n_max).
std::uint64_t distinct_permutations(const std::vector<Vector>& data, PermutationType type) {
  switch (type) {
    case PermutationType::independent: {
      std::uint64_t count = 1;
      Index pooled = 0;
      for (const Vector& sample : data) {
        pooled += sample.size();
        count = saturating_product(count, binomial(pooled, sample.size()));
      }
      return count;
    }
    case PermutationType::pairings:
      return saturating_power(factorial(data[0].size()), data.size());
    case PermutationType::samples:
      return saturating_power(factorial(std::max<Index>(2, static_cast<Index>(data.size()))),
                              static_cast<std::size_t>(data[0].size()));
  }
  return kTooMany;
}

void validate(const std::vector<Vector>& data, const PermutationTestOptions& options) {
  const double n_resamples = options.n_resamples;
  if (!(n_resamples >= 1) || (std::isfinite(n_resamples) && n_resamples != std::floor(n_resamples))) {
    throw ValueError(cat("permutation_test: n_resamples must be a positive integer or infinity, got ", n_resamples));
  }
  if (options.permutation_type == PermutationType::independent && data.size() < 2) {
    throw ValueError(cat("permutation_test: data must contain at least two samples for independent, got ",
                         data.size()));
  }
  if (data.empty()) throw ValueError("permutation_test: data must contain at least one sample");
  for (std::size_t j = 0; j < data.size(); ++j) {
    if (data[j].size() < 2) {
      throw ValueError(cat("permutation_test: each sample in data must contain two or more observations, sample ",
                           j, " has ", data[j].size()));
    }
    if (options.permutation_type != PermutationType::independent && data[j].size() != data[0].size()) {
      throw ValueError(cat("permutation_test: paired samples must have the same length, got ", data[0].size(),
                           " and ", data[j].size()));
    }
  }
}

// Rearranges `data` into `out` (same shapes) and evaluates the statistic,
// for one permutation type. `next_exact` steps to the next arrangement in
// SciPy's enumeration order and returns false after the last;
// `draw_random` makes a random one.
class Rearranger {
 public:
  Rearranger(const std::vector<Vector>& data, PermutationType type) : data_(data), type_(type), out_(data) {
    const Index n0 = data[0].size();
    switch (type) {
      case PermutationType::independent:
        for (const Vector& sample : data) {
          pooled_.insert(pooled_.end(), sample.begin(), sample.end());
          sizes_.push_back(sample.size());
        }
        order_.resize(pooled_.size());
        std::iota(order_.begin(), order_.end(), Index{0});
        break;
      case PermutationType::pairings:
        // One permutation of 0 .. n - 1 per sample.
        perms_.assign(data.size(), std::vector<Index>(static_cast<std::size_t>(n0)));
        break;
      case PermutationType::samples:
        // One permutation of the samples per observation; one sample is
        // paired with its negation, so that its signs flip (SciPy's convention).
        sources_ = data;
        if (data.size() == 1) sources_.push_back(-data[0]);
        perms_.assign(static_cast<std::size_t>(n0), std::vector<Index>(sources_.size()));
        break;
    }
    for (auto& p : perms_) std::iota(p.begin(), p.end(), Index{0});
  }

  double evaluate(const SamplesStatistic& statistic) {
    apply();
    return statistic(out_);
  }

  // Independent: the first sample takes the next combination of the pooled
  // indices in lexicographic order, the next one a combination of those left,
  // and so on. Pairings and samples: the permutations advance as an odometer
  // in lexicographic order, the last one fastest (itertools.product of
  // itertools.permutations).
  bool next_exact() {
    if (type_ == PermutationType::independent) return next_partition(0);
    for (std::size_t k = perms_.size(); k-- > 0;) {
      if (std::next_permutation(perms_[k].begin(), perms_[k].end())) return true;
    }
    return false;
  }

  void draw_random(Generator& rng) {
    if (type_ == PermutationType::independent) {
      std::iota(order_.begin(), order_.end(), Index{0});
      rng.shuffle(order_.begin(), order_.end());
    } else {
      for (auto& p : perms_) rng.shuffle(p.begin(), p.end());
    }
  }

 private:
  void apply() {
    switch (type_) {
      case PermutationType::independent: {
        std::size_t k = 0;
        for (Vector& sample : out_) {
          for (Index i = 0; i < sample.size(); ++i) sample(i) = pooled_[static_cast<std::size_t>(order_[k++])];
        }
        break;
      }
      case PermutationType::pairings:
        for (std::size_t j = 0; j < out_.size(); ++j) {
          for (Index i = 0; i < out_[j].size(); ++i) out_[j](i) = data_[j](perms_[j][static_cast<std::size_t>(i)]);
        }
        break;
      case PermutationType::samples:
        for (std::size_t j = 0; j < out_.size(); ++j) {
          for (Index i = 0; i < out_[j].size(); ++i) out_[j](i) = sources_[static_cast<std::size_t>(perms_[static_cast<std::size_t>(i)][j])](i);
        }
        break;
    }
  }

  // order_ holds the samples' index blocks one after another, each block
  // sorted. Advances the blocks from `group` on to the next partition:
  // the later groups first (their combinations of what is left), then this
  // group's combination, resetting the later ones.
  bool next_partition(std::size_t group) {
    if (group + 1 >= sizes_.size()) return false;  // the last group takes what is left
    if (next_partition(group + 1)) return true;
    // This group's block and everything after it hold the same index set;
    // step this block to its next combination within that set.
    const auto begin = order_.begin() + block_start(group);
    const auto block_end = begin + sizes_[group];
    std::vector<Index> pool(begin, order_.end());
    std::sort(pool.begin(), pool.end());
    const std::size_t m = pool.size();
    const auto size = static_cast<std::size_t>(sizes_[group]);
    // Positions of the current combination within the sorted pool.
    std::vector<std::size_t> at(size);
    for (std::size_t r = 0; r < size; ++r) {
      at[r] = static_cast<std::size_t>(std::lower_bound(pool.begin(), pool.end(), *(begin + static_cast<std::ptrdiff_t>(r))) - pool.begin());
    }
    std::size_t r = size;
    while (r > 0 && at[r - 1] == m - size + (r - 1)) --r;
    const bool advanced = r > 0;
    if (advanced) {
      ++at[r - 1];
      for (std::size_t s = r; s < size; ++s) at[s] = at[s - 1] + 1;
    } else {
      for (std::size_t s = 0; s < size; ++s) at[s] = s;  // wrap to the first combination
    }
    std::vector<bool> taken(m, false);
    for (std::size_t s = 0; s < size; ++s) {
      *(begin + static_cast<std::ptrdiff_t>(s)) = pool[at[s]];
      taken[at[s]] = true;
    }
    auto rest = block_end;
    for (std::size_t s = 0; s < m; ++s) {
      if (!taken[s]) *rest++ = pool[s];  // the later groups restart at their first combinations
    }
    return advanced;
  }

  std::ptrdiff_t block_start(std::size_t group) const {
    return std::accumulate(sizes_.begin(), sizes_.begin() + static_cast<std::ptrdiff_t>(group), std::ptrdiff_t{0});
  }

  const std::vector<Vector>& data_;
  PermutationType type_;
  std::vector<Vector> out_;                // the rearranged samples handed to the statistic
  std::vector<double> pooled_;             // independent: the samples one after another
  std::vector<Index> sizes_;               // independent: the sample sizes
  std::vector<Index> order_;               // independent: pooled indices, sample by sample
  std::vector<Vector> sources_;            // samples: the samples (and -x for one sample)
  std::vector<std::vector<Index>> perms_;  // pairings: per sample; samples: per observation
};

}  // namespace

PermutationTestResult permutation_test(const std::vector<Vector>& data, const SamplesStatistic& statistic,
                                       const PermutationTestOptions& options) {
  validate(data, options);
  const double observed = statistic(data);
  const std::uint64_t n_max = distinct_permutations(data, options.permutation_type);
  const bool exact = options.n_resamples >= static_cast<double>(n_max);
  if (exact && n_max == kTooMany) {
    throw ValueError("permutation_test: too many distinct permutations to enumerate them all (more than 2^64)");
  }
  const auto count = static_cast<Index>(exact ? n_max : static_cast<std::uint64_t>(options.n_resamples));

  Rearranger rearranger(data, options.permutation_type);
  Vector null(count);
  if (exact) {
    for (Index k = 0; k < count; ++k) {
      null(k) = rearranger.evaluate(statistic);
      rearranger.next_exact();
    }
  } else {
    Generator rng = default_rng(options.seed);
    for (Index k = 0; k < count; ++k) {
      rearranger.draw_random(rng);
      null(k) = rearranger.evaluate(statistic);
    }
  }

  // Values within 100 eps (relative) of the statistic count as equal to it:
  // rearrangements with the same statistic in exact arithmetic may differ by
  // rounding. A randomized test counts the data as one more resample.
  const double gamma = std::abs(100 * std::numeric_limits<double>::epsilon() * observed);
  const Index adjustment = exact ? 0 : 1;
  const auto pvalue = [&](auto in_tail) {
    Index hits = adjustment;
    for (const double t : null) hits += in_tail(t);
    return static_cast<double>(hits) / static_cast<double>(count + adjustment);
  };
  const double less = pvalue([&](double t) { return t <= observed + gamma; });
  const double greater = pvalue([&](double t) { return t >= observed - gamma; });
  double p = 0;
  switch (options.alternative) {
    case Alternative::less: p = less; break;
    case Alternative::greater: p = greater; break;
    case Alternative::two_sided: p = 2 * std::min(less, greater); break;
  }
  return {observed, std::clamp(p, 0.0, 1.0), null};
}

}  // namespace scilearn::stats
