#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/sparse_input.hpp>

namespace scilearn::learn {
namespace {

template <class Sparse>
void check_sparse(std::string_view where, const Sparse& X) {
  if (X.rows() == 0 || X.cols() == 0) throw ValueError(cat(where, ": X is empty (", X.rows(), "x", X.cols(), ")"));
  for (Index outer = 0; outer < X.outerSize(); ++outer)
    for (typename Sparse::InnerIterator it(X, outer); it; ++it)
      if (!std::isfinite(it.value()))
        throw ValueError(
            cat(where, ": X contains NaN or infinity (stored entry at row ", it.row(), ", column ", it.col(), ")"));
}

}  // namespace

void check_sparse_X(std::string_view where, const CscMatrix& X) { check_sparse(where, X); }
void check_sparse_X(std::string_view where, const CsrMatrix& X) { check_sparse(where, X); }

}  // namespace scilearn::learn
