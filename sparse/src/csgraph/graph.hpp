#pragma once
// Internal to csgraph: the CSR arrays the algorithms walk, and the checks that
// every public function makes once at its boundary.

#include <optional>
#include <scilearn/sparse/csgraph.hpp>
#include <string_view>
#include <vector>

namespace scilearn::sparse::csgraph::detail {

// Compressed row arrays of a graph: row i's entries are [indptr[i],
// indptr[i + 1]) of indices / data. Borrows a compressed matrix's arrays (the
// matrix must outlive it) and owns a compressed copy otherwise, or owns what
// transpose() built. Movable: the owned vectors keep their buffers.
class Csr {
 public:
  explicit Csr(const CsrMatrix& a);
  Csr(Csr&&) = default;
  Csr& operator=(Csr&&) = default;
  Csr(const Csr&) = delete;
  Csr& operator=(const Csr&) = delete;
  ~Csr() = default;

  int rows = 0, cols = 0;
  const int* indptr = nullptr;
  const int* indices = nullptr;
  const double* data = nullptr;

  [[nodiscard]] int begin(int i) const { return indptr[i]; }
  [[nodiscard]] int end(int i) const { return indptr[i + 1]; }
  [[nodiscard]] Index nnz() const { return static_cast<Index>(indptr[rows]) - indptr[0]; }

  // The transpose, rows in increasing order within each row of the result
  // (scipy's csgraph.T.tocsr()).
  [[nodiscard]] Csr transpose() const;
  // The same arrays with data replaced (same length as nnz, aligned with indices).
  [[nodiscard]] Csr with_data(std::vector<double> data) const;

 private:
  Csr() = default;
  void own();  // points the public pointers at the owned vectors
  std::vector<int> indptr_, indices_;
  std::vector<double> data_;
};

// A CsrMatrix (compressed, sorted columns) from its arrays.
CsrMatrix make_csr(int rows, int cols, const std::vector<int>& indptr, const std::vector<int>& indices,
                   const std::vector<double>& data);

// "where: the graph must be square (N, N), got shape (m, n)".
void check_square(std::string_view where, const CsrMatrix& g);
void check_square(std::string_view where, const Eigen::Ref<const Matrix>& g);
// ValueError when a stored weight is NaN; also when one is negative and negative_allowed is false.
void check_weights(std::string_view where, const Csr& g, bool negative_allowed);
// The node `i` as an int, or ValueError naming `what` and N.
int check_node(std::string_view where, std::string_view what, Index i, int n);
// The source list (all nodes when absent), each checked.
std::vector<int> check_sources(std::string_view where, const std::optional<std::vector<Index>>& indices, int n);

}  // namespace scilearn::sparse::csgraph::detail
