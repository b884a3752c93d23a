#include <algorithm>
#include <cstdlib>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/construct.hpp>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace scilearn::sparse {

namespace {

// CsrMatrix has int indices: a result beyond them is refused before any
// index is narrowed.
void check_result_shape(std::string_view where, Index m, Index n, Index nnz) {
  constexpr Index kMax = std::numeric_limits<int>::max();
  if (m > kMax || n > kMax || nnz > kMax)
    throw ValueError(cat(where, ": the result (", m, "x", n, ", up to ", nnz,
                         " stored entries) does not fit 32-bit indices"));
}

// The sum of size() over the blocks (rows, columns or stored entries).
template <class Size>
Index total(const std::vector<CsrMatrix>& blocks, Size size) {
  Index sum = 0;
  for (const CsrMatrix& b : blocks) sum += (b.*size)();
  return sum;
}

CsrMatrix from_triplets(Index m, Index n, const std::vector<Triplet>& t) {
  CsrMatrix a(m, n);
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

// Entries (i, j) with i >= 0, j = i + k inside m x n: their count and first row.
Index diagonal_length(Index m, Index n, Index k) {
  return std::max<Index>(0, std::min(m + k, n) - std::max<Index>(0, k));
}

// Copies every stored entry of `a`, shifted by (row, col), into t; keep(i, j) filters.
template <class Keep>
void append(const CsrMatrix& a, Index row, Index col, std::vector<Triplet>& t, Keep keep) {
  for (Index r = 0; r < a.outerSize(); ++r) {
    for (CsrMatrix::InnerIterator it(a, r); it; ++it) {
      if (keep(it.row(), it.col())) {
        t.emplace_back(static_cast<int>(row + it.row()), static_cast<int>(col + it.col()), it.value());
      }
    }
  }
}

void append(const CsrMatrix& a, Index row, Index col, std::vector<Triplet>& t) {
  append(a, row, col, t, [](Index, Index) { return true; });
}

}  // namespace

CsrMatrix eye(Index m, Index n, Index k) {
  if (m < 0) throw ValueError(cat("eye: m must be >= 0, got ", m));
  if (n < 0) n = m;
  check_result_shape("eye", m, n, diagonal_length(m, n, k));
  std::vector<Triplet> t;
  const Index first = std::max<Index>(0, -k);
  for (Index d = 0; d < diagonal_length(m, n, k); ++d) {
    t.emplace_back(static_cast<int>(first + d), static_cast<int>(first + d + k), 1.0);
  }
  return from_triplets(m, n, t);
}

CsrMatrix diags(const std::vector<Vector>& diagonals, const std::vector<Index>& offsets,
                std::optional<std::pair<Index, Index>> shape) {
  if (diagonals.size() != offsets.size()) {
    throw ValueError(cat("diags: ", diagonals.size(), " diagonals but ", offsets.size(), " offsets"));
  }
  if (std::set<Index>(offsets.begin(), offsets.end()).size() != offsets.size()) {
    throw ValueError("diags: offsets must be distinct");
  }
  Index m = 0, n = 0;
  if (shape) {
    std::tie(m, n) = *shape;
    if (m < 0 || n < 0) throw ValueError(cat("diags: negative shape (", m, ", ", n, ")"));
  } else if (!diagonals.empty()) {
    m = n = diagonals[0].size() + std::abs(offsets[0]);
  }
  check_result_shape("diags", m, n, 0);
  std::vector<Triplet> t;
  for (std::size_t i = 0; i < diagonals.size(); ++i) {
    const Index k = offsets[i];
    const Index length = diagonal_length(m, n, k);
    if (k <= -m || k >= n) {
      throw ValueError(cat("diags: offset ", k, " (diagonal ", i, ") is outside a ", m, "x", n, " matrix"));
    }
    const Vector& d = diagonals[i];
    if (d.size() != length && d.size() != 1) {
      throw ValueError(cat("diags: diagonal ", i, " has length ", d.size(), " but diagonal ", k, " of a ", m, "x", n,
                           " matrix has ", length, " entries"));
    }
    const Index first = std::max<Index>(0, -k);
    for (Index e = 0; e < length; ++e) {
      const double value = d.size() == 1 ? d(0) : d(e);
      // SciPy's DIA -> CSR conversion leaves zeros out.
      if (value != 0) t.emplace_back(static_cast<int>(first + e), static_cast<int>(first + e + k), value);
    }
  }
  return from_triplets(m, n, t);
}

CsrMatrix kron(const CsrMatrix& A, const CsrMatrix& B) {
  check_result_shape("kron", A.rows() * B.rows(), A.cols() * B.cols(), A.nonZeros() * B.nonZeros());
  std::vector<Triplet> t;
  t.reserve(static_cast<std::size_t>(A.nonZeros() * B.nonZeros()));
  for (Index r = 0; r < A.outerSize(); ++r) {
    for (CsrMatrix::InnerIterator a(A, r); a; ++a) {
      const std::size_t start = t.size();
      append(B, a.row() * B.rows(), a.col() * B.cols(), t);
      for (std::size_t e = start; e < t.size(); ++e) t[e] = Triplet(t[e].row(), t[e].col(), a.value() * t[e].value());
    }
  }
  return from_triplets(A.rows() * B.rows(), A.cols() * B.cols(), t);
}

CsrMatrix hstack(const std::vector<CsrMatrix>& blocks) {
  if (blocks.empty()) throw ValueError("hstack: no blocks");
  check_result_shape("hstack", blocks[0].rows(), total(blocks, &CsrMatrix::cols), total(blocks, &CsrMatrix::nonZeros));
  std::vector<Triplet> t;
  Index col = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].rows() != blocks[0].rows()) {
      throw ValueError(cat("hstack: block 0 has ", blocks[0].rows(), " rows but block ", i, " has ", blocks[i].rows()));
    }
    append(blocks[i], 0, col, t);
    col += blocks[i].cols();
  }
  return from_triplets(blocks[0].rows(), col, t);
}

CsrMatrix vstack(const std::vector<CsrMatrix>& blocks) {
  if (blocks.empty()) throw ValueError("vstack: no blocks");
  check_result_shape("vstack", total(blocks, &CsrMatrix::rows), blocks[0].cols(), total(blocks, &CsrMatrix::nonZeros));
  std::vector<Triplet> t;
  Index row = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].cols() != blocks[0].cols()) {
      throw ValueError(
          cat("vstack: block 0 has ", blocks[0].cols(), " columns but block ", i, " has ", blocks[i].cols()));
    }
    append(blocks[i], row, 0, t);
    row += blocks[i].rows();
  }
  return from_triplets(row, blocks[0].cols(), t);
}

CsrMatrix bmat(const std::vector<std::vector<std::optional<CsrMatrix>>>& blocks) {
  if (blocks.empty()) throw ValueError("bmat: blocks must be 2-D (got no block rows)");
  const std::size_t M = blocks.size(), N = blocks[0].size();
  for (std::size_t i = 1; i < M; ++i) {
    if (blocks[i].size() != N) {
      throw ValueError(cat("bmat: blocks must be 2-D, but block row ", i, " has ", blocks[i].size(),
                           " blocks and block row 0 has ", N));
    }
  }
  // Each block row's height and block column's width, from its first block.
  std::vector<std::optional<Index>> heights(M), widths(N);
  Index nnz = 0;
  for (std::size_t i = 0; i < M; ++i) {
    for (std::size_t j = 0; j < N; ++j) {
      if (!blocks[i][j]) continue;
      const CsrMatrix& b = *blocks[i][j];
      if (!heights[i]) {
        heights[i] = b.rows();
      } else if (*heights[i] != b.rows()) {
        throw ValueError(cat("bmat: blocks[", i, ",:] has incompatible row dimensions. Got blocks[", i, ",", j,
                             "].shape[0] == ", b.rows(), ", expected ", *heights[i], "."));
      }
      if (!widths[j]) {
        widths[j] = b.cols();
      } else if (*widths[j] != b.cols()) {
        throw ValueError(cat("bmat: blocks[:,", j, "] has incompatible column dimensions. Got blocks[", i, ",", j,
                             "].shape[1] == ", b.cols(), ", expected ", *widths[j], "."));
      }
      nnz += b.nonZeros();
    }
  }
  std::vector<Index> col_offset(N + 1, 0);
  for (std::size_t j = 0; j < N; ++j) col_offset[j + 1] = col_offset[j] + widths[j].value_or(0);
  Index rows = 0;
  for (std::size_t i = 0; i < M; ++i) rows += heights[i].value_or(0);
  check_result_shape("bmat", rows, col_offset[N], nnz);

  // Row by row, blocks left to right: each row comes out with sorted columns.
  CsrMatrix a(rows, col_offset[N]);
  a.resizeNonZeros(nnz);
  int* outer = a.outerIndexPtr();
  Index w = 0, row = 0;
  for (std::size_t i = 0; i < M; ++i) {
    for (Index r = 0; r < heights[i].value_or(0); ++r, ++row) {
      for (std::size_t j = 0; j < N; ++j) {
        if (!blocks[i][j]) continue;
        for (CsrMatrix::InnerIterator it(*blocks[i][j], r); it; ++it) {
          a.innerIndexPtr()[w] = static_cast<int>(col_offset[j] + it.col());
          a.valuePtr()[w] = it.value();
          ++w;
        }
      }
      outer[row + 1] = static_cast<int>(w);
    }
  }
  return a;
}

CsrMatrix block_diag(const std::vector<CsrMatrix>& blocks) {
  check_result_shape("block_diag", total(blocks, &CsrMatrix::rows), total(blocks, &CsrMatrix::cols),
                     total(blocks, &CsrMatrix::nonZeros));
  std::vector<Triplet> t;
  Index row = 0, col = 0;
  for (const CsrMatrix& b : blocks) {
    append(b, row, col, t);
    row += b.rows();
    col += b.cols();
  }
  return from_triplets(row, col, t);
}

CsrMatrix tril(const CsrMatrix& A, Index k) {
  std::vector<Triplet> t;
  append(A, 0, 0, t, [k](Index i, Index j) { return j - i <= k; });
  return from_triplets(A.rows(), A.cols(), t);
}

CsrMatrix triu(const CsrMatrix& A, Index k) {
  std::vector<Triplet> t;
  append(A, 0, 0, t, [k](Index i, Index j) { return j - i >= k; });
  return from_triplets(A.rows(), A.cols(), t);
}

}  // namespace scilearn::sparse
