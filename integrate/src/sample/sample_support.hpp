#pragma once
// What the sampled-data rules share: one slice of samples, its spacing, the
// checks of the public boundary, and the loops over the slices of a Matrix.

#include <optional>
#include <scilearn/core/types.hpp>
#include <string_view>

namespace scilearn::integrate::sample {

/// One 1-D slice of samples: a Vector, a column, or a row of a Matrix.
using Samples = Eigen::Ref<const Vector, 0, Eigen::InnerStride<>>;

/// The abscissae of a slice: the sample points x, or a constant spacing dx.
struct Spacing {
  const Vector* x = nullptr;  ///< null: samples dx apart
  double dx = 1.0;

  /// The width of interval i, x[i+1] - x[i] (SciPy's diff(x)), or dx.
  [[nodiscard]] double operator()(Index i) const { return x != nullptr ? (*x)[i + 1] - (*x)[i] : dx; }
};

/// Throws ValueError when x is given and its length is not n: "<where>: x has
/// 4 entries but y has 5 samples along the axis".
void check_x_length(std::string_view where, const Spacing& h, Index n);

/// Throws ValueError when y has no samples along the axis.
void check_not_empty(std::string_view where, Index n);

/// SciPy's axis of a 2-D array as 0 or 1 (-2 is 0, -1 is 1). Throws ValueError
/// for anything else.
int normalized_axis(std::string_view where, int axis);

/// The number of samples along axis (0 or 1) of y.
[[nodiscard]] inline Index samples_along(const Eigen::Ref<const Matrix>& y, int axis) {
  return axis == 0 ? y.rows() : y.cols();
}

/// Slice k of y along axis (0: column k, 1: row k). Slices of an empty y are
/// empty vectors: a block of an empty matrix would offset a null pointer
/// (undefined behaviour, even for zero elements).
[[nodiscard]] inline Samples slice_along(const Eigen::Ref<const Matrix>& y, int axis, Index k, const Vector& none) {
  if (y.size() == 0) return Samples(none);
  return axis == 0 ? Samples(y.col(k)) : Samples(y.row(k).transpose());
}

/// rule(slice) for every slice of y along axis (0: columns, 1: rows).
template <class Rule>
[[nodiscard]] Vector reduce_along(const Eigen::Ref<const Matrix>& y, int axis, const Rule& rule) {
  const Index n = axis == 0 ? y.cols() : y.rows();
  const Vector none;
  Vector out(n);
  for (Index k = 0; k < n; ++k) out[k] = rule(slice_along(y, axis, k, none));
  return out;
}

/// rule(slice), a vector of `length` values, for every slice of y along axis,
/// stacked along that axis.
template <class Rule>
[[nodiscard]] Matrix accumulate_along(const Eigen::Ref<const Matrix>& y, int axis, Index length, const Rule& rule) {
  Matrix out = axis == 0 ? Matrix(length, y.cols()) : Matrix(y.rows(), length);
  if (out.size() == 0) return out;  // no storage to take blocks of, as above
  const Vector none;
  for (Index k = 0; k < (axis == 0 ? out.cols() : out.rows()); ++k) {
    const Vector values = rule(slice_along(y, axis, k, none));
    if (axis == 0) {
      out.col(k) = values;
    } else {
      out.row(k) = values.transpose();
    }
  }
  return out;
}

/// The running trapezoidal integral of one slice (n - 1 values for n >= 1
/// samples), without `initial`; cumulative_simpson falls back on it.
[[nodiscard]] Vector cumulative_trapezoid_slice(const Samples& y, const Spacing& h);

/// `values` with `initial` added to each entry and prepended (cumulative_simpson's
/// and, with initial = 0, cumulative_trapezoid's `initial`); `values` itself
/// when initial is unset.
[[nodiscard]] Vector with_initial(const Vector& values, std::optional<double> initial);

}  // namespace scilearn::integrate::sample
