#pragma once
/// \file
/// GramPrecompute: the `precompute` hyper-parameter of the LARS and OMP models,
/// scikit-learn's True, False or "auto".

#include <cstddef>
#include <scilearn/learn/base/params.hpp>
#include <scilearn/learn/validation.hpp>
#include <string_view>

namespace scilearn::learn {

/// Whether to precompute the Gram matrix X'X: true, false, or "auto" (when
/// there are more samples than features). `GramPrecompute p = false;` and
/// `GramPrecompute p = "auto";` both work.
class GramPrecompute {
 public:
  /// "auto".
  constexpr GramPrecompute() = default;
  constexpr GramPrecompute(bool value) : mode_(value ? Mode::yes : Mode::no) {}  // NOLINT: implicit, as Python's bool
  /// "auto" (any other text: ValueError).
  template <std::size_t N>
  GramPrecompute(const char (&text)[N]) : GramPrecompute(std::string_view(text, N - 1)) {}  // NOLINT
  explicit GramPrecompute(std::string_view text);

  [[nodiscard]] bool is_auto() const noexcept { return mode_ == Mode::automatic; }
  /// Whether the Gram matrix is used for an n_samples x n_features X.
  [[nodiscard]] bool resolve(Index n_samples, Index n_features) const noexcept {
    return mode_ == Mode::automatic ? n_samples > n_features : mode_ == Mode::yes;
  }
  friend bool operator==(const GramPrecompute&, const GramPrecompute&) = default;

 private:
  enum class Mode { automatic, yes, no };
  Mode mode_ = Mode::automatic;
};

/// The parameter value: a bool, or the string "auto".
[[nodiscard]] ParamValue to_param(const GramPrecompute& value);
/// Reads a bool or "auto"; ValueError naming the parameter otherwise.
void from_param(const ParamValue& value, GramPrecompute& field, std::string_view where, std::string_view param);

}  // namespace scilearn::learn
