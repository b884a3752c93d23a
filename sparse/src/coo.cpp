#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/coo.hpp>
#include <string_view>

#include "compress.hpp"

namespace scilearn::sparse {

namespace {

// The checks of tocsr / tocsc: consistent lengths, a shape within 32-bit
// indices, every index inside it.
void check(const CooMatrix& c, std::string_view where) {
  constexpr Index kMax = std::numeric_limits<int>::max();
  const auto [m, n] = c.shape;
  if (m < 0 || n < 0 || m > kMax || n > kMax) {
    throw ValueError(cat(where, ": shape (", m, ", ", n, ") must be non-negative and within 32-bit indices"));
  }
  if (c.row.size() != c.data.size() || c.col.size() != c.data.size()) {
    throw ValueError(cat(where, ": row, col and data must have the same length, got ", c.row.size(), ", ",
                         c.col.size(), " and ", c.data.size()));
  }
  if (c.data.size() > static_cast<std::size_t>(kMax)) {
    throw ValueError(cat(where, ": ", c.data.size(), " entries exceed 32-bit indices"));
  }
  for (std::size_t k = 0; k < c.data.size(); ++k) {
    if (c.row[k] < 0 || c.row[k] >= m || c.col[k] < 0 || c.col[k] >= n) {
      throw ValueError(cat(where, ": entry ", k, " at (", c.row[k], ", ", c.col[k], ") is outside the shape (", m,
                           ", ", n, ")"));
    }
  }
}

template <class SparseT>
CooMatrix to_coo(const SparseT& A) {
  CooMatrix c;
  c.shape = {A.rows(), A.cols()};
  c.row.reserve(static_cast<std::size_t>(A.nonZeros()));
  c.col.reserve(static_cast<std::size_t>(A.nonZeros()));
  c.data.reserve(static_cast<std::size_t>(A.nonZeros()));
  for (Index o = 0; o < A.outerSize(); ++o) {
    for (typename SparseT::InnerIterator it(A, o); it; ++it) {
      c.row.push_back(static_cast<int>(it.row()));
      c.col.push_back(static_cast<int>(it.col()));
      c.data.push_back(it.value());
    }
  }
  return c;
}

}  // namespace

CsrMatrix CooMatrix::tocsr() const {
  check(*this, "CooMatrix::tocsr");
  return detail::compress_entries<CsrMatrix>(shape.first, shape.second, row.data(), col.data(), data.data(),
                                             data.size());
}

CscMatrix CooMatrix::tocsc() const {
  check(*this, "CooMatrix::tocsc");
  return detail::compress_entries<CscMatrix>(shape.second, shape.first, col.data(), row.data(), data.data(),
                                             data.size());
}

CooMatrix tocoo(const CsrMatrix& A) { return to_coo(A); }

CooMatrix tocoo(const CscMatrix& A) { return to_coo(A); }

}  // namespace scilearn::sparse
