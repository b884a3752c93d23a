// find, eliminate_zeros, diagonal, sum, mean and norm. The sums follow SciPy
// 1.17's order of additions, so that results agree bit for bit on the same
// storage: a total is NumPy's pairwise sum of the stored values
// (np.sum(A.data)); a sum along the minor axis (each row of a CSR matrix) is
// np.add.reduceat over each slice, i.e. its first value plus the pairwise sum
// of the rest; a sum along the major axis, and every mean along an axis, is a
// matrix-vector product with ones, i.e. additions in storage order from 0.
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/eigensolvers.hpp>
#include <scilearn/sparse/ops.hpp>
#include <string>
#include <vector>

namespace scilearn::sparse {

namespace {

// NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src,
// PW_BLOCKSIZE 128, unrolled by 8), which np.sum uses on contiguous data.
double pairwise_sum(const double* a, std::size_t n) {
  if (n < 8) {
    double res = 0.;
    for (std::size_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (std::size_t j = 0; j < 8; ++j) r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum(a, n2) + pairwise_sum(a + n2, n - n2);
}

// np.add.reduceat over one non-empty slice: its first value, then the reduce
// loop adds the pairwise sum of the rest.
double reduceat_sum(const double* a, std::size_t n) { return n == 1 ? a[0] : a[0] + pairwise_sum(a + 1, n - 1); }

// Compressed storage, so that slices are contiguous: A itself, or a copy.
template <class SparseT>
const SparseT& compressed(const SparseT& A, SparseT& storage) {
  if (A.isCompressed()) return A;
  storage = A;
  storage.makeCompressed();
  return storage;
}

int normalize_axis(int axis, std::string_view where) {
  if (axis < -2 || axis > 1) {
    throw ValueError(cat(where, ": axis ", axis, " is out of range for a 2-D matrix (expected -2, -1, 0 or 1)"));
  }
  return axis < 0 ? axis + 2 : axis;
}

// Sums f(a_ij) along `axis` (0: one value per column). reduceat: SciPy's
// sum(axis) order (see the file comment); otherwise the matrix-vector product's.
template <class SparseT, class F>
Vector axis_sum(const SparseT& A, int axis, bool reduceat, F f) {
  SparseT storage;
  const SparseT& a = compressed(A, storage);
  const bool along_slices = SparseT::IsRowMajor ? axis == 1 : axis == 0;
  const Index outer = a.outerSize();
  const auto* start = a.outerIndexPtr();
  const double* value = a.valuePtr();
  const auto* inner = a.innerIndexPtr();
  if (along_slices) {
    Vector out = Vector::Zero(outer);
    std::vector<double> buffer;
    for (Index o = 0; o < outer; ++o) {
      const auto begin = static_cast<std::size_t>(start[o]);
      const auto n = static_cast<std::size_t>(start[o + 1]) - begin;
      buffer.resize(n);
      for (std::size_t p = 0; p < n; ++p) buffer[p] = f(value[begin + p]);
      if (reduceat) {
        if (n > 0) out(o) = reduceat_sum(buffer.data(), n);
      } else {
        double s = 0;
        for (std::size_t p = 0; p < n; ++p) s += buffer[p];
        out(o) = s;
      }
    }
    return out;
  }
  Vector out = Vector::Zero(a.innerSize());
  for (Index o = 0; o < outer; ++o) {
    for (auto p = start[o]; p < start[o + 1]; ++p) out(inner[p]) += f(value[p]);
  }
  return out;
}

// For each row (axis 1) or column (axis 0): the largest (or smallest) |a_ij|,
// implicit zeros included (SciPy's abs(A).max(axis) / min(axis)).
template <class SparseT>
Vector axis_extreme_abs(const SparseT& A, int axis, bool largest, std::string_view where) {
  const Index length = axis == 0 ? A.rows() : A.cols();  // entries reduced per result
  const Index results = axis == 0 ? A.cols() : A.rows();
  if (length == 0 && results > 0) {
    throw ValueError(cat(where, ": the ", largest ? "largest" : "smallest", " |value| over an empty ",
                         axis == 0 ? "column" : "row", " is undefined (the matrix is ", A.rows(), "x", A.cols(), ")"));
  }
  Vector best = Vector::Constant(results, largest ? 0.0 : std::numeric_limits<double>::infinity());
  std::vector<Index> stored(static_cast<std::size_t>(results), 0);
  for (Index o = 0; o < A.outerSize(); ++o) {
    for (typename SparseT::InnerIterator it(A, o); it; ++it) {
      const Index r = axis == 0 ? it.col() : it.row();
      const double v = std::abs(it.value());
      best(r) = largest ? std::max(best(r), v) : std::min(best(r), v);
      ++stored[static_cast<std::size_t>(r)];
    }
  }
  if (!largest) {
    for (Index r = 0; r < results; ++r) {
      if (stored[static_cast<std::size_t>(r)] < length) best(r) = 0.0;  // an implicit zero
    }
  }
  return best;
}

template <class SparseT>
FindResult find_impl(const SparseT& A) {
  const CsrMatrix a = A;  // row-major order, as SciPy's find (through COO's canonical order)
  FindResult r;
  Index count = 0;
  for (Index i = 0; i < a.outerSize(); ++i) {
    for (CsrMatrix::InnerIterator it(a, i); it; ++it) count += it.value() != 0 ? 1 : 0;
  }
  r.I.resize(count);
  r.J.resize(count);
  r.V.resize(count);
  Index k = 0;
  for (Index i = 0; i < a.outerSize(); ++i) {
    for (CsrMatrix::InnerIterator it(a, i); it; ++it) {
      if (it.value() != 0) {
        r.I(k) = static_cast<int>(it.row());
        r.J(k) = static_cast<int>(it.col());
        r.V(k) = it.value();
        ++k;
      }
    }
  }
  return r;
}

template <class SparseT>
SparseT eliminate_zeros_impl(const SparseT& A) {
  SparseT out = A;
  out.prune([](Index, Index, double value) { return value != 0; });  // NaN != 0: kept
  return out;
}

template <class SparseT>
Vector diagonal_impl(const SparseT& A, Index k) {
  const Index m = A.rows(), n = A.cols();
  if (k >= n || k <= -m) return Vector(0);
  const Index first = std::max<Index>(0, -k);
  const Index length = std::min(m + k, n) - std::max<Index>(0, k);
  Vector d(length);
  for (Index e = 0; e < length; ++e) d(e) = A.coeff(first + e, first + e + k);  // binary search in the slice
  return d;
}

template <class SparseT>
double sum_impl(const SparseT& A) {
  SparseT storage;
  const SparseT& a = compressed(A, storage);
  return pairwise_sum(a.valuePtr(), static_cast<std::size_t>(a.nonZeros()));
}

template <class SparseT>
double mean_impl(const SparseT& A) {
  if (A.rows() == 0 || A.cols() == 0) {
    throw ValueError(cat("mean: the matrix is ", A.rows(), "x", A.cols(), " (no entries to average)"));
  }
  SparseT storage;
  const SparseT& a = compressed(A, storage);
  // SciPy: (A * (1.0 / (m n))).sum(), each value scaled before the pairwise sum.
  const double scale = 1.0 / (static_cast<double>(A.rows()) * static_cast<double>(A.cols()));
  std::vector<double> scaled(a.valuePtr(), a.valuePtr() + a.nonZeros());
  for (double& v : scaled) v *= scale;
  return pairwise_sum(scaled.data(), scaled.size());
}

template <class SparseT>
Vector mean_impl(const SparseT& A, int axis) {
  axis = normalize_axis(axis, "mean");
  const Index count = axis == 0 ? A.rows() : A.cols();
  if (count == 0) {
    throw ValueError(cat("mean: axis ", axis, " of a ", A.rows(), "x", A.cols(), " matrix has no entries to average"));
  }
  const double scale = 1.0 / static_cast<double>(count);
  return axis_sum(A, axis, false, [scale](double v) { return v * scale; });
}

template <class SparseT>
double frobenius(const SparseT& A) {
  SparseT storage;
  const SparseT& a = compressed(A, storage);
  // Eigen's stableNorm: sqrt(sum a^2) without overflow or underflow on the way.
  return Eigen::Map<const Vector>(a.valuePtr(), a.nonZeros()).stableNorm();
}

template <class SparseT>
double norm_impl(const SparseT& A, std::string_view ord) {
  if (ord == "fro" || ord == "f") return frobenius(A);
  throw ValueError(cat("norm: unsupported matrix norm order '", ord, "' (expected \"fro\" or a number)"));
}

template <class SparseT>
double norm_impl(const SparseT& A, double ord) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const auto abs = [](double v) { return std::abs(v); };
  int axis = 0;  // 1 and -1: column sums (sum over axis 0); inf and -inf: row sums
  if (ord == 1 || ord == -1) {
    axis = 0;
  } else if (ord == inf || ord == -inf) {
    axis = 1;
  } else if (ord == 2) {
    // The largest singular value, by svds with k = 1 as SciPy; svds needs
    // k < min(m, n), and a single row or column has the 2-norm of a vector.
    if (A.rows() == 0 || A.cols() == 0) {
      throw ValueError(cat("norm: the 2-norm of a ", A.rows(), "x", A.cols(), " matrix is a max over no singular values"));
    }
    if (std::min(A.rows(), A.cols()) == 1) return std::sqrt(A.cwiseAbs2().sum());
    const SvdsResult r = svds(LinearOperator(A), 1);
    if (!r.success()) throw LinAlgError(cat("norm: the 2-norm's svds did not converge: ", r.message));
    return r.s(0);
  } else if (ord == -2) {
    throw ValueError("norm: the matrix -2-norm (the smallest singular value) is not implemented, as in SciPy");
  } else {
    throw ValueError(cat("norm: invalid norm order ", ord, " for matrices (expected 1, -1, inf, -inf or \"fro\")"));
  }
  const Vector sums = axis_sum(A, axis, true, abs);
  if (sums.size() == 0) {
    throw ValueError(cat("norm: the ", ord, "-norm of a ", A.rows(), "x", A.cols(),
                         " matrix is a max / min over no ", axis == 0 ? "columns" : "rows"));
  }
  return ord > 0 ? sums.maxCoeff() : sums.minCoeff();
}

template <class SparseT>
Vector norm_impl(const SparseT& A, double ord, int axis) {
  axis = normalize_axis(axis, "norm");
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (ord == inf || ord == -inf) return axis_extreme_abs(A, axis, ord > 0, "norm");
  if (ord == 0) return axis_sum(A, axis, true, [](double v) { return v != 0 ? 1.0 : 0.0; });
  if (ord == 1) return axis_sum(A, axis, true, [](double v) { return std::abs(v); });
  if (ord == 2) return axis_sum(A, axis, true, [](double v) { return v * v; }).cwiseSqrt();
  Vector sums = axis_sum(A, axis, true, [ord](double v) { return std::pow(std::abs(v), ord); });
  for (Index r = 0; r < sums.size(); ++r) sums(r) = std::pow(sums(r), 1 / ord);
  return sums;
}

}  // namespace

FindResult find(const CsrMatrix& A) { return find_impl(A); }
FindResult find(const CscMatrix& A) { return find_impl(A); }

CsrMatrix eliminate_zeros(const CsrMatrix& A) { return eliminate_zeros_impl(A); }
CscMatrix eliminate_zeros(const CscMatrix& A) { return eliminate_zeros_impl(A); }

Vector diagonal(const CsrMatrix& A, Index k) { return diagonal_impl(A, k); }
Vector diagonal(const CscMatrix& A, Index k) { return diagonal_impl(A, k); }

double sum(const CsrMatrix& A) { return sum_impl(A); }
double sum(const CscMatrix& A) { return sum_impl(A); }

Vector sum(const CsrMatrix& A, int axis) {
  return axis_sum(A, normalize_axis(axis, "sum"), true, [](double v) { return v; });
}
Vector sum(const CscMatrix& A, int axis) {
  return axis_sum(A, normalize_axis(axis, "sum"), true, [](double v) { return v; });
}

double mean(const CsrMatrix& A) { return mean_impl(A); }
double mean(const CscMatrix& A) { return mean_impl(A); }
Vector mean(const CsrMatrix& A, int axis) { return mean_impl(A, axis); }
Vector mean(const CscMatrix& A, int axis) { return mean_impl(A, axis); }

double norm(const CsrMatrix& A) { return frobenius(A); }
double norm(const CscMatrix& A) { return frobenius(A); }
double norm(const CsrMatrix& A, std::string_view ord) { return norm_impl(A, ord); }
double norm(const CscMatrix& A, std::string_view ord) { return norm_impl(A, ord); }
double norm(const CsrMatrix& A, double ord) { return norm_impl(A, ord); }
// SciPy's norm converts to CSR first (x.tocsr()): so do we, for its order of additions.
double norm(const CscMatrix& A, double ord) { return norm_impl(CsrMatrix(A), ord); }
Vector norm(const CsrMatrix& A, double ord, int axis) { return norm_impl(A, ord, axis); }
Vector norm(const CscMatrix& A, double ord, int axis) { return norm_impl(CsrMatrix(A), ord, axis); }

}  // namespace scilearn::sparse
