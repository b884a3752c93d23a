#pragma once
/// \file
/// DeviceVector<T> and DeviceMatrix<T>: arrays in device memory, with explicit,
/// counted transfers to and from Eigen on the host.
///
/// T is float, double, std::int32_t or std::int64_t (indices and counts).
/// A DeviceMatrix is column-major like scilearn::Matrix (and LAPACK / cuBLAS):
/// element (i, j) sits at data()[i + j * rows()]; samples are rows.
///
/// Ownership: an array owns a share of a pooled device block (memory.hpp).
/// Arrays move but do not copy implicitly; clone() makes a deep device copy.
/// Views (segment, col, middle_cols, flat, reshape) are arrays that share the block of
/// the array they come from, as NumPy views do: writing through a view changes
/// the original, and the block lives as long as any view of it. A view of a
/// const array is returned const, but the const is shallow, as std::span's:
/// moved into a variable of its own it can be written, and writing through it
/// changes the const array. Results never alias their inputs, and no function
/// here accepts an output that overlaps one of its inputs (the results would
/// depend on the device's scheduling); keep views passed as outputs disjoint
/// from the inputs.
///
/// Threads: distinct arrays may be used from distinct threads; one array (and
/// its views) from one thread at a time.
///
/// \code
///   using namespace scilearn;
///   Matrix X = ...;                                   // host, n x d
///   auto dX = gpu::DeviceMatrix<double>::from_host(X); // one counted transfer
///   gpu::DeviceVector<double> means = gpu::mean(dX, 0);
///   Vector m = means.to_host();                        // one counted transfer
/// \endcode

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/gpu/memory.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <utility>

namespace scilearn::gpu {

/// The element types of device arrays.
template <class T>
concept DeviceScalar = std::same_as<T, float> || std::same_as<T, double> ||
                       std::same_as<T, std::int32_t> || std::same_as<T, std::int64_t>;

/// The floating-point element types (maps, reductions, BLAS, distances).
template <class T>
concept DeviceReal = std::same_as<T, float> || std::same_as<T, double>;

template <DeviceScalar T>
class DeviceMatrix;

/// A one-dimensional array of n elements in device memory.
template <DeviceScalar T>
class DeviceVector {
 public:
  /// The host twin of this array.
  using Host = Eigen::Matrix<T, Eigen::Dynamic, 1>;

  /// An empty array (size 0, no memory).
  DeviceVector() = default;

  /// n zeros on the device. Throws ValueError when n < 0, BackendError when the
  /// device is out of memory. Complexity: O(n) device work, no transfer.
  explicit DeviceVector(Index n) : size_(checked_size(n)) {
    if (n > 0) data_ = std::static_pointer_cast<T>(detail::allocate(bytes(n)));
  }

  /// A device copy of x: one counted host -> device transfer of x.size()
  /// elements. Complexity: O(n).
  [[nodiscard]] static DeviceVector from_host(const Eigen::Ref<const Host>& x) {
    DeviceVector v(x.size());
    if (x.size() == 0) return v;
    if (x.innerStride() == 1) {
      detail::copy_host_to_device(v.data(), x.data(), bytes(x.size()));
    } else {
      const Host contiguous = x;  // a strided view (a matrix row) packed first
      detail::copy_host_to_device(v.data(), contiguous.data(), bytes(x.size()));
    }
    return v;
  }

  /// The elements on the host: one counted device -> host transfer.
  [[nodiscard]] Host to_host() const {
    Host x(size_);
    if (size_ > 0) detail::copy_device_to_host(x.data(), data(), bytes(size_));
    return x;
  }

  /// A new array with the same elements, copied on the device (no transfer).
  [[nodiscard]] DeviceVector clone() const {
    DeviceVector v(size_);
    if (size_ > 0) detail::copy_device_to_device(v.data(), data(), bytes(size_));
    return v;
  }

  DeviceVector(DeviceVector&&) noexcept = default;
  DeviceVector& operator=(DeviceVector&&) noexcept = default;
  DeviceVector(const DeviceVector&) = delete;
  DeviceVector& operator=(const DeviceVector&) = delete;
  ~DeviceVector() = default;

  /// Number of elements.
  [[nodiscard]] Index size() const noexcept { return size_; }
  /// size() == 0.
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// The first element's device address (null when empty). Dereference it only
  /// in device code, or on the host with the OMP / CPP back ends.
  [[nodiscard]] T* data() noexcept { return data_.get(); }
  [[nodiscard]] const T* data() const noexcept { return data_.get(); }

  /// A view of elements [first, first + n). Throws ValueError when the range
  /// does not lie inside the array. O(1), shares memory.
  [[nodiscard]] DeviceVector segment(Index first, Index n) { return view(first, n); }
  [[nodiscard]] const DeviceVector segment(Index first, Index n) const { return view(first, n); }

 private:
  template <DeviceScalar>
  friend class DeviceMatrix;

  DeviceVector(std::shared_ptr<T> data, Index n) : data_(std::move(data)), size_(n) {}

  static Index checked_size(Index n) {
    if (n < 0) throw ValueError(cat("DeviceVector: size must be non-negative, got ", n));
    if (static_cast<std::size_t>(n) > std::numeric_limits<std::size_t>::max() / sizeof(T))
      throw ValueError(cat("DeviceVector: ", n, " elements of ", sizeof(T), " bytes exceed the address space"));
    return n;
  }
  static std::size_t bytes(Index n) { return static_cast<std::size_t>(n) * sizeof(T); }

  DeviceVector view(Index first, Index n) const {
    if (first < 0 || n < 0 || first > size_ - n)
      throw ValueError(cat("DeviceVector::segment: [", first, ", ", first + n, ") is outside an array of size ",
                           size_));
    // The aliasing constructor shares ownership of the whole block.
    return DeviceVector(std::shared_ptr<T>(data_, data_.get() + first), n);
  }

  std::shared_ptr<T> data_;
  Index size_ = 0;
};

/// A rows x cols column-major matrix in device memory.
template <DeviceScalar T>
class DeviceMatrix {
 public:
  /// The host twin of this array.
  using Host = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

  /// An empty 0 x 0 matrix.
  DeviceMatrix() = default;

  /// A rows x cols matrix of zeros. Throws ValueError when a dimension is
  /// negative, BackendError when the device is out of memory.
  DeviceMatrix(Index rows, Index cols) : rows_(checked(rows)), cols_(checked(cols)), storage_(product(rows, cols)) {}

  /// A device copy of X: one counted host -> device transfer (a block with an
  /// outer stride is packed on the host first). Complexity: O(rows * cols).
  [[nodiscard]] static DeviceMatrix from_host(const Eigen::Ref<const Host>& X) {
    DeviceMatrix M(X.rows(), X.cols());
    if (X.size() == 0) return M;
    const auto n = static_cast<std::size_t>(X.size()) * sizeof(T);
    if (X.outerStride() == X.rows()) {
      detail::copy_host_to_device(M.data(), X.data(), n);
    } else {
      const Host contiguous = X;
      detail::copy_host_to_device(M.data(), contiguous.data(), n);
    }
    return M;
  }

  /// The matrix on the host: one counted device -> host transfer.
  [[nodiscard]] Host to_host() const {
    Host X(rows_, cols_);
    if (X.size() > 0)
      detail::copy_device_to_host(X.data(), data(), static_cast<std::size_t>(X.size()) * sizeof(T));
    return X;
  }

  /// The elements of v, column after column, as a rows x cols matrix that
  /// shares v's memory (NumPy's reshape with order="F"). Throws ValueError
  /// unless rows * cols == v.size(). O(1).
  [[nodiscard]] static DeviceMatrix reshape(DeviceVector<T> v, Index rows, Index cols) {
    if (rows < 0 || cols < 0 || product(rows, cols) != v.size())
      throw ValueError(cat("DeviceMatrix::reshape: cannot view ", v.size(), " elements as ", rows, "x", cols));
    return DeviceMatrix(rows, cols, std::move(v));
  }

  /// A new matrix with the same elements, copied on the device (no transfer).
  [[nodiscard]] DeviceMatrix clone() const { return DeviceMatrix(rows_, cols_, storage_.clone()); }

  DeviceMatrix(DeviceMatrix&&) noexcept = default;
  DeviceMatrix& operator=(DeviceMatrix&&) noexcept = default;
  DeviceMatrix(const DeviceMatrix&) = delete;
  DeviceMatrix& operator=(const DeviceMatrix&) = delete;
  ~DeviceMatrix() = default;

  /// Number of rows (samples) and of columns (features).
  [[nodiscard]] Index rows() const noexcept { return rows_; }
  [[nodiscard]] Index cols() const noexcept { return cols_; }
  /// rows() * cols().
  [[nodiscard]] Index size() const noexcept { return rows_ * cols_; }
  /// size() == 0.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// Element (0, 0)'s device address; element (i, j) is at data()[i + j * rows()].
  [[nodiscard]] T* data() noexcept { return storage_.data(); }
  [[nodiscard]] const T* data() const noexcept { return storage_.data(); }

  /// Column j as a vector view. Throws ValueError when j is out of range.
  [[nodiscard]] DeviceVector<T> col(Index j) { return middle_cols(j, 1).storage_.segment(0, rows_); }
  [[nodiscard]] const DeviceVector<T> col(Index j) const { return cols_view(j, 1).storage_.segment(0, rows_); }

  /// Columns [first, first + n) as a rows x n view (contiguous: columns are).
  [[nodiscard]] DeviceMatrix middle_cols(Index first, Index n) { return cols_view(first, n); }
  [[nodiscard]] const DeviceMatrix middle_cols(Index first, Index n) const { return cols_view(first, n); }

  /// All rows * cols elements, column after column, as a vector view.
  [[nodiscard]] DeviceVector<T> flat() { return storage_.segment(0, size()); }
  [[nodiscard]] const DeviceVector<T> flat() const { return storage_.segment(0, size()); }

 private:
  DeviceMatrix(Index rows, Index cols, DeviceVector<T> storage)
      : rows_(rows), cols_(cols), storage_(std::move(storage)) {}

  static Index checked(Index n) {
    if (n < 0) throw ValueError(cat("DeviceMatrix: dimensions must be non-negative, got ", n));
    return n;
  }
  // rows * cols, or ValueError when it does not fit an Index.
  static Index product(Index rows, Index cols) {
    if (cols > 0 && rows > std::numeric_limits<Index>::max() / cols)
      throw ValueError(cat("DeviceMatrix: ", rows, "x", cols, " elements overflow the index type"));
    return rows * cols;
  }

  DeviceMatrix cols_view(Index first, Index n) const {
    if (first < 0 || n < 0 || first > cols_ - n)
      throw ValueError(cat("DeviceMatrix: columns [", first, ", ", first + n, ") are outside a matrix with ", cols_,
                           " columns"));
    return DeviceMatrix(rows_, n, storage_.view(first * rows_, n * rows_));
  }

  Index rows_ = 0;
  Index cols_ = 0;
  DeviceVector<T> storage_;
};

}  // namespace scilearn::gpu
