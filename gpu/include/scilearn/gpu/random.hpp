#pragma once
/// \file
/// Seeded random numbers that are the same on every back end.
///
/// Element i of a stream depends only on (seed, i). It is read from one block
/// of the counter-based generator Philox4x32-10 (Salmon, Moraes, Dror & Shaw
/// 2011, "Parallel random numbers: as easy as 1, 2, 3"; the generator behind
/// cuRAND's and PyTorch's device streams) with key = (low, high 32 bits of the
/// seed) and counter = (b as 64 bits, 0, 0): for float, word i % 4 of block
/// b = i / 4; for double, words 2 (i % 2) and 2 (i % 2) + 1 of block b = i / 2.
/// So a stream is identical on the CUDA, OMP and CPP back ends and for every
/// thread count, and the first n elements of a longer stream are the stream of
/// length n.
///
/// - uniform(): the word's top 24 bits (float), or 27 + 26 bits of the two words
///   (double, as NumPy's random_double), scaled to [0, 1); then
///   low + (high - low) * u, where rounding could reach high, so such values
///   become the largest number below high. Bitwise identical everywhere.
/// - normal(): Box-Muller on two uniforms (the pair 2j, 2j + 1 gives elements 2j
///   and 2j + 1). It calls log, sqrt, sin and cos, whose last bit may differ
///   between the CUDA and host math libraries: within a few units in the last
///   place across back ends, bitwise on one.

#include <scilearn/gpu/device_array.hpp>

#include <array>
#include <cstdint>

namespace scilearn::gpu {

/// n uniform numbers in [low, high). Throws ValueError when n < 0, or unless
/// low < high with low, high and high - low finite. O(n).
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> uniform(Index n, std::uint64_t seed, T low = T(0), T high = T(1));

/// n normal numbers with the given mean and standard deviation. Throws
/// ValueError when n < 0, stddev < 0 or either is not finite. O(n).
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> normal(Index n, std::uint64_t seed, T mean = T(0), T stddev = T(1));

/// One Philox4x32-10 block: the generator itself, for checking it against the
/// published known-answer vectors and for host code that must reproduce a
/// device stream. O(1).
[[nodiscard]] std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> counter,
                                                         std::array<std::uint32_t, 2> key) noexcept;

}  // namespace scilearn::gpu
