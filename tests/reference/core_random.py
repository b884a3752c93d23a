#!/usr/bin/env python3
"""Reference streams for scilearn::Generator (core/include/scilearn/core/random.hpp).

An independent, pure-Python implementation written from the published
descriptions, not from our C++:

* SplitMix64 (Steele, Lea & Flood 2014), used to expand a 64-bit seed into the
  256-bit state, as Blackman & Vigna recommend;
* xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
  generators"): the linear engine and the ** scrambler;
* jump(): the script does NOT copy the published jump constants. It derives
  them: the engine is linear over GF(2), so any state bit obeys the engine's
  characteristic polynomial p(x) (degree 256), which Berlekamp-Massey recovers
  from 512 consecutive bits; by Cayley-Hamilton, T^(2^128) = r(T) with
  r(x) = x^(2^128) mod p(x), and the coefficients of r are the jump constants.
  The derivation is checked on a short jump (x^1000 mod p against 1000 steps);
* doubles in [0, 1) from the top 53 bits; Lemire's (2019) unbiased bounded
  integers; uniform(low, high) = low + (high - low) * u (clamped below high);
  Marsaglia's polar method for normals, second value of each pair cached;
  Fisher-Yates (backward) permutations; spawn(n) = n children, child k's state being
  the SplitMix64 mix of the parent's draws 4k .. 4k+3.

Published vectors the script asserts before writing anything:
* SplitMix64 from state 0: e220a8397b1dcdaf 6e789e6aa1b965f4 06c45d188009454f
  f88bb8a8724c81ec;
* xoshiro256** from the state {1, 2, 3, 4}: 11520, 0, 1509978240,
  1215971899390074240, ... (the reference implementation's first outputs).

Output: tests/data/core/random/xoshiro256starstar.txt, one record per line:
    <kind> <seed> [parameters...] : <values...>
Integers are decimal, doubles are Python's repr (shortest round trip).
Only the standard library is needed:  python3 tests/reference/core_random.py
"""

import math
import pathlib

MASK64 = (1 << 64) - 1


# --- SplitMix64 ---------------------------------------------------------------

def splitmix64(state):
    """One SplitMix64 step: returns (new_state, output)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


# --- xoshiro256** -------------------------------------------------------------

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK64


def step(s):
    """Advances the linear engine in place (the part of next() without output)."""
    t = (s[1] << 17) & MASK64
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 45)


def next_u64(s):
    result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
    step(s)
    return result


def seeded_state(seed):
    state, words = seed, []
    for _ in range(4):
        state, out = splitmix64(state)
        words.append(out)
    return words


# --- jump polynomial, derived ---------------------------------------------------

def berlekamp_massey(bits):
    """Shortest LFSR (connection polynomial as an int, bit i = c_i, and length L)
    generating the GF(2) sequence `bits`."""
    c, b = 1, 1
    length, m = 0, 1
    for n, bit in enumerate(bits):
        d = bit
        for i in range(1, length + 1):
            d ^= ((c >> i) & 1) & bits[n - i]
        if d == 0:
            m += 1
        elif 2 * length <= n:
            t = c
            c ^= b << m
            length, b, m = n + 1 - length, t, 1
        else:
            c ^= b << m
            m += 1
    return c, length


def poly_mulmod(a, b, p, degree):
    """a * b mod p over GF(2); polynomials as ints, bit i = coefficient of x^i."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
    for i in range(product.bit_length() - 1, degree - 1, -1):
        if (product >> i) & 1:
            product ^= p << (i - degree)
    return product


def characteristic_polynomial():
    s = seeded_state(1)
    bits = []
    for _ in range(512):
        bits.append(s[0] & 1)
        step(s)
    c, degree = berlekamp_massey(bits)
    assert degree == 256, f"expected a degree-256 recurrence, got {degree}"
    # a_n = sum_{i>=1} c_i a_{n-i}  <=>  p(T) = sum_i c_i T^(L-i) annihilates.
    p = 0
    for i in range(degree + 1):
        if (c >> i) & 1:
            p |= 1 << (degree - i)
    return p, degree


def apply_polynomial(r, s):
    """State r(T) s: the sum over set coefficients k of T^k s."""
    acc = [0, 0, 0, 0]
    cur = list(s)
    for k in range(r.bit_length()):
        if (r >> k) & 1:
            acc = [a ^ b for a, b in zip(acc, cur)]
        step(cur)
    return acc


def x_power_mod(exponent_log2, p, degree):
    """x^(2^exponent_log2) mod p."""
    r = 0b10
    for _ in range(exponent_log2):
        r = poly_mulmod(r, r, p, degree)
    return r


def derive_jump_polynomial():
    p, degree = characteristic_polynomial()
    # Check the machinery on a jump short enough to do by stepping: x^1000.
    r1000, base = 1, 0b10
    for bit in bin(1000)[2:]:
        r1000 = poly_mulmod(r1000, r1000, p, degree)
        if bit == "1":
            r1000 = poly_mulmod(r1000, base, p, degree)
    s = seeded_state(7)
    stepped = list(s)
    for _ in range(1000):
        step(stepped)
    assert apply_polynomial(r1000, s) == stepped, "polynomial jump check failed"
    return x_power_mod(128, p, degree)


# --- the Generator, as documented in random.hpp ---------------------------------

class Generator:
    def __init__(self, seed, jump_poly):
        self.s = seeded_state(seed)
        self.jump_poly = jump_poly
        self.spare = None

    def next(self):
        return next_u64(self.s)

    def random(self):
        return math.ldexp(self.next() >> 11, -53)

    def bounded(self, n):
        # Lemire 2019, "Fast random integer generation in an interval", Alg. 5.
        m = self.next() * n
        low = m & MASK64
        if low < n:
            threshold = (1 << 64) % n
            while low < threshold:
                m = self.next() * n
                low = m & MASK64
        return m >> 64

    def integers(self, low, high):
        return low + self.bounded(high - low)

    def uniform(self, low, high):
        x = low + (high - low) * self.random()
        return math.nextafter(high, low) if x >= high and low < high else x

    def standard_normal(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        while True:
            u = 2.0 * self.random() - 1.0
            v = 2.0 * self.random() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                break
        f = math.sqrt(-2.0 * math.log(s) / s)
        self.spare = v * f
        return u * f

    def permutation(self, n):
        p = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.bounded(i + 1)
            p[i], p[j] = p[j], p[i]
        return p

    def jump(self):
        self.s = apply_polynomial(self.jump_poly, self.s)
        self.spare = None

    def copy(self):
        g = Generator(0, self.jump_poly)
        g.s, g.spare = list(self.s), self.spare
        return g

    def spawn(self, n):
        children = []
        for _ in range(n):
            child = self.copy()
            child.s = [splitmix64(self.next())[1] for _ in range(4)]
            child.spare = None
            children.append(child)
        return children


def check_published_vectors():
    state, outs = 0, []
    for _ in range(4):
        state, out = splitmix64(state)
        outs.append(out)
    assert outs == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC]
    s = [1, 2, 3, 4]
    assert [next_u64(s) for _ in range(10)] == [
        11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
        16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576]


SEEDS = [0, 1, 42, 123456789, MASK64]
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
# (0, 3 * 2^61) and (INT64_MIN, 1) (width 2^63 + 1) make Lemire's rejection step
# frequent: 2^64 mod width is 2^62 and 2^63 - 1.
INTEGER_RANGES = [(0, 6), (-5, 5), (0, 1), (0, 3 << 61), (INT64_MIN, 1),
                  (INT64_MIN, INT64_MAX), (INT64_MAX - 1, INT64_MAX), (INT64_MIN, INT64_MIN + 3)]
UNIFORM_RANGES = [(0.0, 1.0), (-3.5, 2.25), (1e-300, 1e300), (5.0, 5.0)]
NORMAL_PARAMS = [(0.0, 1.0), (10.0, 0.5), (-1.0, 0.0)]


def records(jump_poly):
    def gen(seed):
        return Generator(seed, jump_poly)

    words = [sum(((jump_poly >> (64 * i + b)) & 1) << b for b in range(64)) for i in range(4)]
    yield "jump_constants 0 :", [f"0x{w:016x}" for w in words]
    for seed in SEEDS:
        g = gen(seed)
        yield f"next {seed} :", [g.next() for _ in range(10)]
        g = gen(seed)
        yield f"random {seed} :", [repr(g.random()) for _ in range(10)]
        g = gen(seed)
        g.jump()
        yield f"jump {seed} :", [g.next() for _ in range(5)]
        g = gen(seed)
        g.jump()
        g.jump()
        yield f"jump2 {seed} :", [g.next() for _ in range(5)]
        g = gen(seed)
        g.next()
        children = g.spawn(3)
        for k, child in enumerate(children):
            yield f"spawn {seed} {k} :", [child.next() for _ in range(4)]
        yield f"spawn_parent {seed} :", [g.next() for _ in range(4)]
        for low, high in INTEGER_RANGES:
            g = gen(seed)
            yield f"integers {seed} {low} {high} :", [g.integers(low, high) for _ in range(10)]
        for low, high in UNIFORM_RANGES:
            g = gen(seed)
            yield f"uniform {seed} {low!r} {high!r} :", [repr(g.uniform(low, high)) for _ in range(6)]
        g = gen(seed)
        yield f"standard_normal {seed} :", [repr(g.standard_normal()) for _ in range(9)]
        for loc, scale in NORMAL_PARAMS:
            g = gen(seed)
            yield f"normal {seed} {loc!r} {scale!r} :", [repr(loc + scale * g.standard_normal()) for _ in range(5)]
        # Interleaving: a normal leaves its pair's second value cached; random()
        # draws from the raw stream meanwhile, the next normal is the cached one.
        g = gen(seed)
        mixed = [g.standard_normal(), g.random(), g.standard_normal(), g.standard_normal()]
        yield f"normal_random_mix {seed} :", [repr(x) for x in mixed]
        for n in (1, 2, 10):
            g = gen(seed)
            yield f"permutation {seed} {n} :", g.permutation(n)


def main():
    check_published_vectors()
    jump_poly = derive_jump_polynomial()
    out = pathlib.Path(__file__).resolve().parents[1] / "data" / "core" / "random" / "xoshiro256starstar.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Reference streams for scilearn::Generator, written by tests/reference/core_random.py",
             "# (independent pure-Python SplitMix64 + xoshiro256** + derived jump). Format:",
             "# <kind> <seed> [parameters...] : <values...>"]
    for key, values in records(jump_poly):
        lines.append(key + " " + " ".join(str(v) for v in values))
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {out} ({len(lines)} lines)")


if __name__ == "__main__":
    main()
