// spsolve: the checks at the boundary, then UMFPACK (general) or CHOLMOD (SPD).
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/sparse/spsolve.hpp>

#include "suitesparse/cholmod_llt.hpp"
#include "suitesparse/compressed_view.hpp"
#include "suitesparse/umfpack_lu.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "spsolve";

template <class M>
Matrix solve(const M& a, const Eigen::Ref<const Matrix>& b, const SpsolveOptions& options) {
  check_square(where, "A", a);
  if (b.rows() != a.rows()) {
    throw ValueError(cat(where, ": A is ", a.rows(), "x", a.cols(), " but b has ", b.rows(), " rows"));
  }
  if (a.rows() > std::numeric_limits<int>::max() - 1) {
    throw ValueError(cat(where, ": A has ", a.rows(), " rows; 32-bit indices hold at most 2^31 - 2"));
  }
  if (options.check_finite) {
    check_finite(where, "b", b);
    const auto values = Eigen::Map<const Vector>(a.valuePtr(), a.nonZeros());
    if (!a.isCompressed() || !values.allFinite()) {
      for (Index k = 0; k < a.outerSize(); ++k) {
        for (typename M::InnerIterator it(a, k); it; ++it) {
          if (!std::isfinite(it.value())) {
            throw ValueError(cat(where, ": A must contain only finite values, but entry (", it.row(), ", ", it.col(),
                                 ") is ", it.value()));
          }
        }
      }
    }
  }
  if (a.rows() == 0) return Matrix(0, b.cols());
  std::optional<M> compressed;
  const detail::CompressedView view = detail::compressed_view(a, compressed);
  if (options.assume_a == AssumeA::pos) return detail::CholmodLLT(view, where).solve(b);
  const detail::UmfpackLU lu(view, where);
  Matrix x(b.rows(), b.cols());
  for (Index j = 0; j < b.cols(); ++j) {
    const Vector column = b.col(j);  // contiguous, whatever b's stride
    lu.solve(column.data(), x.col(j).data());
  }
  return x;
}

}  // namespace

Matrix detail::spsolve(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const SpsolveOptions& options) {
  return solve(A, B, options);
}
Matrix detail::spsolve(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const SpsolveOptions& options) {
  return solve(A, B, options);
}

}  // namespace scilearn::sparse
