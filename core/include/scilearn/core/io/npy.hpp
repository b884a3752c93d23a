#pragma once
/// \file
/// Reading and writing NumPy's .npy files (format versions 1.0, 2.0 and 3.0).
///
/// The format is NumPy's own (numpy/lib/format.py, NEP 1): a magic string, a
/// version, a Python-dict header with 'descr', 'fortran_order' and 'shape', then
/// the raw array data. scilearn reads and writes the four dtypes below in either
/// byte order and either memory order, so arrays move between NumPy and C++
/// without a conversion step:
///
///     # Python                               // C++
///     np.save("X.npy", X)                    Matrix X = scilearn::io::load_npy<double>("X.npy");
///     y = np.load("y.npy")                   scilearn::io::save_npy("y.npy", y);   // Vector -> shape (n,)
///
/// Every reader throws scilearn::FormatError, naming the file and the problem,
/// for a missing or unreadable file and for any malformed content: a bad magic
/// string or version, a header that is not the dict NumPy writes, an
/// unsupported dtype, a shape whose size overflows or does not match the bytes
/// in the file (a file is never trusted for an allocation size), trailing bytes.

#include <cstdint>
#include <filesystem>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <vector>

namespace scilearn::io {

/// The element types scilearn reads and writes: NumPy's float32 ('f4'),
/// float64 ('f8'), int32 ('i4') and int64 ('i8').
enum class DType { float32, float64, int32, int64 };

/// What an .npy header says.
struct NpyHeader {
  DType dtype;               ///< element type (its byte order is handled by the readers)
  std::vector<Index> shape;  ///< NumPy's shape: empty for a 0-d array, {n} for 1-D, {rows, cols} for 2-D, ...
  bool fortran_order;        ///< true when the data is stored column by column
};

/// Reads and checks the header of an .npy file, not its data.
/// Ensures: the file holds exactly the number of data bytes the header declares.
/// Throws:  FormatError (naming the file) for a missing file, a malformed or
///          unsupported header, or a file size that does not match the header.
/// Complexity: O(header size).
NpyHeader npy_info(const std::filesystem::path& path);

/// Loads a 0-d, 1-D or 2-D array as a matrix of `Scalar`: a 0-d array becomes
/// 1x1, a 1-D array of shape (n,) becomes an n x 1 column, a 2-D array keeps its
/// shape. C and Fortran order and both byte orders are read.
///
/// Scalar is one of double, float, std::int32_t, std::int64_t. Conversions:
/// `load_npy<double>` accepts all four dtypes (as `np.asarray(x, float)` does;
/// int64 values beyond 2^53 are rounded). The other scalars accept only their
/// own dtype and exact widenings: float accepts float32; std::int32_t accepts
/// int32; std::int64_t accepts int32 and int64.
/// Throws: FormatError for a malformed file (see npy_info), more than 2
///         dimensions, or a dtype that `Scalar` cannot hold exactly (the message
///         names both).
/// Complexity: O(size of the array); one temporary copy for C-ordered 2-D data.
template <class Scalar>
MatrixT<Scalar> load_npy(const std::filesystem::path& path);

/// Loads a 1-D array, or a 2-D array with one column or one row, as a vector.
/// Same Scalar and conversion rules as load_npy.
/// Throws: FormatError as load_npy, and for any other shape (0-d included).
template <class Scalar>
VectorT<Scalar> load_npy_vector(const std::filesystem::path& path);

extern template MatrixT<double> load_npy<double>(const std::filesystem::path&);
extern template MatrixT<float> load_npy<float>(const std::filesystem::path&);
extern template MatrixT<std::int32_t> load_npy<std::int32_t>(const std::filesystem::path&);
extern template MatrixT<std::int64_t> load_npy<std::int64_t>(const std::filesystem::path&);
extern template VectorT<double> load_npy_vector<double>(const std::filesystem::path&);
extern template VectorT<float> load_npy_vector<float>(const std::filesystem::path&);
extern template VectorT<std::int32_t> load_npy_vector<std::int32_t>(const std::filesystem::path&);
extern template VectorT<std::int64_t> load_npy_vector<std::int64_t>(const std::filesystem::path&);

namespace detail {

template <class Scalar>
inline constexpr bool is_npy_scalar_v = std::is_same_v<Scalar, double> || std::is_same_v<Scalar, float> ||
                                        std::is_same_v<Scalar, std::int32_t> || std::is_same_v<Scalar, std::int64_t>;

/// Writes a version 1.0 .npy file in C order,
/// little-endian. `row_major` holds the elements row by row; shape has 1 or 2
/// entries. Throws FormatError when the file cannot be written.
template <class Scalar>
void write_npy(const std::filesystem::path& path, const Scalar* row_major, const std::vector<Index>& shape);

extern template void write_npy<double>(const std::filesystem::path&, const double*, const std::vector<Index>&);
extern template void write_npy<float>(const std::filesystem::path&, const float*, const std::vector<Index>&);
extern template void write_npy<std::int32_t>(const std::filesystem::path&, const std::int32_t*,
                                             const std::vector<Index>&);
extern template void write_npy<std::int64_t>(const std::filesystem::path&, const std::int64_t*,
                                             const std::vector<Index>&);

}  // namespace detail

/// Saves a dense Eigen matrix, vector or expression of double, float,
/// std::int32_t or std::int64_t as an .npy file that `np.load` reads.
/// A type with one column at compile time (Vector, VectorT<S>, a column block)
/// is written 1-D, shape (n,), as NumPy users expect of a vector; anything else
/// is written 2-D, shape (rows, cols) — a 1 x n row vector stays (1, n).
/// Data is written in C order (NumPy's default, so peers see a C-contiguous
/// array), little-endian, dtype '<f8' / '<f4' / '<i4' / '<i8'.
/// Ensures: load_npy<Scalar>(path) returns `a` exactly (an n x 1 matrix for a vector).
/// Throws:  FormatError naming the file if it cannot be created or written.
/// Complexity: O(size); one row-major temporary copy.
template <class Derived>
void save_npy(const std::filesystem::path& path, const Eigen::DenseBase<Derived>& a) {
  using Scalar = typename Derived::Scalar;
  static_assert(detail::is_npy_scalar_v<Scalar>,
                "save_npy: the scalar type must be double, float, std::int32_t or std::int64_t");
  if constexpr (Derived::ColsAtCompileTime == 1) {
    const VectorT<Scalar> v = a;
    detail::write_npy<Scalar>(path, v.data(), {v.size()});
  } else {
    const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m = a;
    detail::write_npy<Scalar>(path, m.data(), {m.rows(), m.cols()});
  }
}

}  // namespace scilearn::io
