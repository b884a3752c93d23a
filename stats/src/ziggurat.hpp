#pragma once
// Standard normal variates by the ziggurat method (private to the module).

#include <scilearn/core/random.hpp>

namespace scilearn::stats::detail {

// One N(0, 1) variate: Marsaglia and Tsang's (2000) ziggurat in Doornik's
// (2005) form, 128 blocks of equal area under exp(-x^2 / 2); about 98.8% of
// the draws take one raw 64-bit number and a multiplication, the rest a
// wedge test or the tail beyond r = 3.4426 (Marsaglia's 1964 method).
// Several times faster than the polar method of Generator::standard_normal,
// whose stream it does not reproduce.
[[nodiscard]] double ziggurat_normal(Generator& rng);

}  // namespace scilearn::stats::detail
