#pragma once
/// \file
/// Random sparse matrices, as scipy.sparse.random: a given density of
/// uniformly placed entries with uniform [0, 1) values, reproducible from a
/// seed (scilearn's Generator, so the values differ from SciPy's, which draws
/// from NumPy's generator; the distribution is the same).
///
///     sparse::CsrMatrix a = sparse::random(1000, 500, 0.01, 42);   // 5000 entries
///     sparse::CscMatrix b = sparse::random(1000, 500, 0.01, 42);   // format='csc': the same matrix

#include <cstdint>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse {

/// An m x n matrix with exactly round(density * m * n) entries (Python's
/// round: halves to even) at distinct positions, every set of positions
/// equally likely, each value uniform on [0, 1) (scipy.sparse.random(m, n,
/// density, rng=random_state)). For SciPy's `format`, assign the result to
/// the wanted type (`CscMatrix b = random(...)`; `tocoo` for COO).
/// \param random_state a seed: the same seed gives bitwise the same matrix on
///        every platform; std::nullopt draws a fresh seed (not reproducible).
/// Throws: ValueError for m or n negative or past 32-bit indices, density
///         outside [0, 1] or NaN, or more than 2^31 - 1 entries.
/// Complexity: O(k log k) for k entries (positions drawn, sorted and
///         de-duplicated; for density > 1/2 the complement is drawn); O(k + m) memory.
[[nodiscard]] CsrMatrix random(Index m, Index n, double density = 0.01,
                               std::optional<std::uint64_t> random_state = std::nullopt);

}  // namespace scilearn::sparse
