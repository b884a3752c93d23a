#pragma once
/// \file
/// Input validation at the public boundary. Each check throws ValueError with a
/// message that names the calling function (`where`), the argument and the
/// numbers, e.g. "solve: a is 3x4, expected a square matrix".
///
/// Validate once, where user input enters; inner loops trust their inputs.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <string_view>

namespace scilearn {

/// Throws ValueError unless every entry of x is finite (no NaN, no +-Inf).
/// The message gives the position of the first offending entry.
/// Complexity: O(size) when finite.
template <class Derived>
void check_finite(std::string_view where, std::string_view name, const Eigen::DenseBase<Derived>& x) {
  if (x.allFinite()) return;
  for (Index j = 0; j < x.cols(); ++j) {
    for (Index i = 0; i < x.rows(); ++i) {
      if (!Eigen::numext::isfinite(x(i, j))) {
        throw ValueError(
            cat(where, ": ", name, " must contain only finite values, but entry (", i, ", ", j, ") is ", x(i, j)));
      }
    }
  }
}

/// Throws ValueError if x has no entries.
template <class Derived>
void check_non_empty(std::string_view where, std::string_view name, const Eigen::EigenBase<Derived>& x) {
  if (x.rows() == 0 || x.cols() == 0) {
    throw ValueError(cat(where, ": ", name, " is empty (", x.rows(), "x", x.cols(), ")"));
  }
}

/// Throws ValueError unless x is square.
template <class Derived>
void check_square(std::string_view where, std::string_view name, const Eigen::EigenBase<Derived>& x) {
  if (x.rows() != x.cols()) {
    throw ValueError(cat(where, ": ", name, " is ", x.rows(), "x", x.cols(), ", expected a square matrix"));
  }
}

/// Throws ValueError unless x is rows x cols; a negative expected size means "any".
template <class Derived>
void check_shape(std::string_view where, std::string_view name, const Eigen::EigenBase<Derived>& x, Index rows,
                 Index cols) {
  if ((rows >= 0 && x.rows() != rows) || (cols >= 0 && x.cols() != cols)) {
    const std::string expected = rows < 0   ? cat(cols, " columns")
                                 : cols < 0 ? cat(rows, " rows")
                                            : cat(rows, "x", cols);
    throw ValueError(cat(where, ": ", name, " is ", x.rows(), "x", x.cols(), ", expected ", expected));
  }
}

/// Throws ValueError unless two lengths agree, e.g. samples in X and in y:
/// check_same_length("fit", "X", X.rows(), "y", y.size()) ->
/// "fit: X and y have inconsistent lengths (5 and 4)".
void check_same_length(std::string_view where, std::string_view name_a, Index n_a, std::string_view name_b, Index n_b);

}  // namespace scilearn
