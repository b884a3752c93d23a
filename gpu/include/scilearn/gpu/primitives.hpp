#pragma once
/// \file
/// Data-parallel primitives on device arrays: elementwise maps, reductions
/// along an axis, sorting, top-k per row, scans, gather / scatter, histogram.
///
/// Each runs on the build's device system (backend.hpp) and allocates its result
/// from the pool; none transfers data to or from the host except where a scalar
/// comes back (sum, min, max of a vector). Inputs are never modified, except the
/// array a function names as its output.
///
/// Axes follow NumPy: axis 0 reduces over rows (one value per column), axis 1
/// over columns (one value per row). Floating-point sums are computed in a
/// parallel tree order, so they may differ from a sequential host sum in the
/// last bits, and between back ends and thread counts.
///
/// NaN: min / max propagate NaN, argmin / argmax return the first NaN, as
/// NumPy does; sorting puts NaN last, as NumPy does.

#include <scilearn/gpu/device_array.hpp>

#include <cstdint>

namespace scilearn::gpu {

/// Elementwise functions of one argument.
enum class UnaryOp { negate, abs, square, sqrt, exp, log, reciprocal };
/// Elementwise functions of two arguments (x op y).
enum class BinaryOp { add, subtract, multiply, divide, minimum, maximum };

/// f(x) element by element. O(n).
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> map(UnaryOp f, const DeviceVector<T>& x);

/// x f y element by element. Throws ValueError when the sizes differ. O(n).
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> map(BinaryOp f, const DeviceVector<T>& x, const DeviceVector<T>& y);

/// y <- alpha * x + y. Throws ValueError when the sizes differ. O(n).
template <DeviceReal T>
void axpy(T alpha, const DeviceVector<T>& x, DeviceVector<T>& y);

/// Sets every element of x to value. O(n).
template <DeviceScalar T>
void fill(DeviceVector<T>& x, T value);

/// Sum of all elements (0 for an empty array). O(n).
template <DeviceReal T>
[[nodiscard]] T sum(const DeviceVector<T>& x);
/// Smallest / largest element. Throws ValueError on an empty array. O(n).
template <DeviceReal T>
[[nodiscard]] T min(const DeviceVector<T>& x);
template <DeviceReal T>
[[nodiscard]] T max(const DeviceVector<T>& x);

/// Sum, mean, variance (with ddof, NumPy's delta degrees of freedom), minimum
/// and maximum along an axis (0: per column, 1: per row). Throws ValueError for
/// an axis other than 0 or 1, and (mean, var, min, max) for an empty reduction;
/// var also when ddof is negative or not below the count. O(rows * cols).
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> sum(const DeviceMatrix<T>& M, int axis);
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> mean(const DeviceMatrix<T>& M, int axis);
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> var(const DeviceMatrix<T>& M, int axis, Index ddof = 0);
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> min(const DeviceMatrix<T>& M, int axis);
template <DeviceReal T>
[[nodiscard]] DeviceVector<T> max(const DeviceMatrix<T>& M, int axis);
/// The index of the smallest / largest entry along an axis (the first one on
/// ties). Same errors as min / max.
template <DeviceReal T>
[[nodiscard]] DeviceVector<std::int64_t> argmin(const DeviceMatrix<T>& M, int axis);
template <DeviceReal T>
[[nodiscard]] DeviceVector<std::int64_t> argmax(const DeviceMatrix<T>& M, int axis);

/// Sorts x ascending, in place (NaN last). O(n log n) (radix sort on CUDA).
template <DeviceScalar T>
void sort(DeviceVector<T>& x);

/// The permutation that sorts x ascending, stable (equal elements keep their
/// order; NaN last), as numpy.argsort(kind="stable"). O(n log n).
template <DeviceScalar T>
[[nodiscard]] DeviceVector<std::int64_t> argsort(const DeviceVector<T>& x);

/// Sorts each segment [offsets[s], offsets[s + 1]) of values ascending, in place.
/// offsets starts at 0, ends at values.size() and never decreases; otherwise
/// ValueError. O(n log n).
template <DeviceScalar T>
void sort_segments(DeviceVector<T>& values, const DeviceVector<std::int64_t>& offsets);

/// The k smallest (largest = true: largest) entries of each row, in order, and
/// their column indices; ties go to the smaller column index, NaN ranks last.
/// Throws ValueError unless 0 <= k <= cols. One pass over each row with a
/// sorted insertion: O(rows * cols) on random data, O(rows * cols * k) at worst.
template <DeviceReal T>
struct TopK {
  DeviceMatrix<T> values;              ///< rows x k
  DeviceMatrix<std::int64_t> indices;  ///< rows x k, column indices into M
};
template <DeviceReal T>
[[nodiscard]] TopK<T> top_k(const DeviceMatrix<T>& M, Index k, bool largest = false);

/// Running sums: inclusive (out[i] = x[0] + ... + x[i]) and exclusive
/// (out[i] = init + x[0] + ... + x[i - 1]). O(n).
template <DeviceScalar T>
[[nodiscard]] DeviceVector<T> inclusive_scan(const DeviceVector<T>& x);
template <DeviceScalar T>
[[nodiscard]] DeviceVector<T> exclusive_scan(const DeviceVector<T>& x, T init = T(0));

/// out[i] = x[indices[i]]. Throws ValueError when an index is outside [0, n). O(m).
template <DeviceScalar T>
[[nodiscard]] DeviceVector<T> gather(const DeviceVector<T>& x, const DeviceVector<std::int64_t>& indices);

/// The rows of M named by indices, in that order (NumPy's M[indices]). Throws
/// ValueError when an index is outside [0, rows). O(m * cols).
template <DeviceScalar T>
[[nodiscard]] DeviceMatrix<T> gather_rows(const DeviceMatrix<T>& M, const DeviceVector<std::int64_t>& indices);

/// A new cols x rows matrix, M's transpose (NumPy's M.T.copy()). O(rows * cols).
template <DeviceScalar T>
[[nodiscard]] DeviceMatrix<T> transpose(const DeviceMatrix<T>& M);

/// out[indices[i]] = x[i]. Throws ValueError when the sizes differ, when an
/// index is outside [0, out.size()) or when two indices are equal (the winner
/// would depend on the device's scheduling). O(m log m).
template <DeviceScalar T>
void scatter(const DeviceVector<T>& x, const DeviceVector<std::int64_t>& indices, DeviceVector<T>& out);

/// Counts of x in `bins` equal-width bins over [low, high], as
/// numpy.histogram(x, bins, range=(low, high)): the last bin includes high, values
/// outside the range and NaN are not counted, and the bin of a value on an edge
/// is decided against NumPy's edges (low + i * (high - low) / bins). Throws
/// ValueError unless bins >= 1 and low < high with low, high and high - low
/// finite. O(n log n).
template <DeviceReal T>
[[nodiscard]] DeviceVector<std::int64_t> histogram(const DeviceVector<T>& x, Index bins, T low, T high);

}  // namespace scilearn::gpu
