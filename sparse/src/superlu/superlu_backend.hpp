#pragma once
// SuperLU behind a plain interface: its headers declare BLAS prototypes that
// clash with Eigen's, so the translation unit that includes them sees no Eigen.

#include <memory>
#include <vector>

namespace scilearn::sparse::detail {

/// What to factorize and how (arrays of a compressed-column n x n matrix).
struct SuperluRequest {
  int n = 0;
  const int* colptr = nullptr;  ///< n + 1 column pointers
  const int* rowind = nullptr;  ///< row indices
  const double* values = nullptr;
  int column_ordering = 3;       ///< SuperLU's colperm_t: 0 NATURAL, 1 MMD_ATA, 2 MMD_AT_PLUS_A, 3 COLAMD
  double diag_pivot_thresh = 1.0;
};

/// Entries of a factor as parallel arrays (row, column, value).
struct FactorEntries {
  std::vector<int> rows, cols;
  std::vector<double> values;
};

/// One SuperLU factorization Pr A Pc = L U, owning SuperLU's L and U.
class SuperluBackend {
 public:
  /// Runs get_perm_c, sp_preorder and dgstrf, as SciPy. info(): 0,
  /// or i in 1..n for an exactly zero pivot U(i-1, i-1) (L and U are complete),
  /// or SuperLU's other codes (< 0 bad argument, > n out of memory).
  explicit SuperluBackend(const SuperluRequest& request);
  ~SuperluBackend();
  SuperluBackend(const SuperluBackend&) = delete;
  SuperluBackend& operator=(const SuperluBackend&) = delete;

  [[nodiscard]] int info() const noexcept;
  [[nodiscard]] const std::vector<int>& perm_r() const noexcept;
  [[nodiscard]] const std::vector<int>& perm_c() const noexcept;
  /// Overwrites the n x nrhs column-major x (leading dimension n) with
  /// A^-1 x, or A^-T x; returns dgstrs's info.
  int solve(bool transpose, double* x, int nrhs) const;
  /// L with its unit diagonal, and U, in SciPy's layout.
  [[nodiscard]] FactorEntries lower() const;
  [[nodiscard]] FactorEntries upper() const;
  /// nnz of SuperLU's L and U storage (SciPy's `nnz`).
  [[nodiscard]] long nnz() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace scilearn::sparse::detail
