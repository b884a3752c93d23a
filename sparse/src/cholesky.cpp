// Cholesky: the public face of detail::CholmodLLT, with its own copy-free
// view of A, the boundary checks and the lock that makes const calls safe.
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/cholesky.hpp>

#include "direct_checks.hpp"
#include "suitesparse/cholmod_llt.hpp"
#include "suitesparse/compressed_view.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "Cholesky";

detail::CholmodOrdering cholmod_ordering(CholeskyOrdering o) {
  switch (o) {
    case CholeskyOrdering::automatic: return {};
    case CholeskyOrdering::natural: return {CHOLMOD_NATURAL};
    case CholeskyOrdering::amd: return {CHOLMOD_AMD};
    case CholeskyOrdering::metis: return {CHOLMOD_METIS};
    case CholeskyOrdering::nesdis: return {CHOLMOD_NESDIS};
  }
  throw ValueError(cat(where, ": unknown ordering (", static_cast<int>(o), ")"));
}

/// Throws ValueError when A stores entries off the diagonal but none above
/// it: a lower triangle alone (scikit-sparse's convention) would be read as
/// the diagonal matrix.
template <class M>
void check_upper_triangle(const M& a) {
  bool below = false;
  for (Index k = 0; k < a.outerSize(); ++k) {
    for (typename M::InnerIterator it(a, k); it; ++it) {
      if (it.row() < it.col()) return;
      below = below || it.row() > it.col();
    }
  }
  if (below) {
    throw ValueError(cat(where, ": A stores only its lower triangle; Cholesky reads the upper one (store A whole, "
                                "or its transpose)"));
  }
}

template <class M>
std::unique_ptr<detail::CholmodLLT> factor(const M& a, const CholeskyOptions& o) {
  detail::check_direct_matrix(where, a, o.check_finite);
  if (!std::isfinite(o.beta)) throw ValueError(cat(where, ": beta must be finite, got ", o.beta));
  check_upper_triangle(a);
  if (a.rows() == 0) return nullptr;  // nothing to factor; every member handles n = 0
  std::optional<CscMatrix> by_columns;
  return std::make_unique<detail::CholmodLLT>(detail::upper_by_columns(a, by_columns), where,
                                              cholmod_ordering(o.ordering), o.beta);
}

void check_update(const char* what, Index n, const CscMatrix& c, bool require_finite) {
  if (c.rows() != n) throw ValueError(cat(where, ": ", what, ": C has ", c.rows(), " rows but A is ", n, "x", n));
  if (c.cols() > std::numeric_limits<int>::max()) throw ValueError(cat(where, ": ", what, ": C has too many columns"));
  if (require_finite) detail::check_stored_finite(cat(where, ": ", what), "C", c);
}

}  // namespace

struct Cholesky::Impl {
  std::unique_ptr<detail::CholmodLLT> llt;  // null for n = 0
  std::mutex mutex;                          // CHOLMOD's workspace is shared by every call
};

Cholesky::Cholesky(const CscMatrix& A, const CholeskyOptions& options)
    : impl_(std::make_unique<Impl>()), n_(A.rows()), check_finite_(options.check_finite) {
  impl_->llt = factor(A, options);
}
Cholesky::Cholesky(const CsrMatrix& A, const CholeskyOptions& options)
    : impl_(std::make_unique<Impl>()), n_(A.rows()), check_finite_(options.check_finite) {
  impl_->llt = factor(A, options);
}
Cholesky::~Cholesky() = default;
Cholesky::Cholesky(Cholesky&&) noexcept = default;
Cholesky& Cholesky::operator=(Cholesky&&) noexcept = default;

Cholesky::Impl& Cholesky::impl() const {
  if (!impl_) throw ValueError(cat(where, ": the object was moved from"));
  return *impl_;
}

Matrix Cholesky::solve_matrix(const Eigen::Ref<const Matrix>& B) const {
  Impl& f = impl();
  detail::check_direct_rhs(where, n_, B, check_finite_);
  if (n_ == 0) return Matrix(0, B.cols());
  const std::lock_guard<std::mutex> lock(f.mutex);
  return f.llt->solve(B);
}

double Cholesky::logdet() const {
  Impl& f = impl();
  if (n_ == 0) return 0.0;
  const std::lock_guard<std::mutex> lock(f.mutex);
  return f.llt->logdet();
}

std::vector<Index> Cholesky::P() const {
  Impl& f = impl();
  if (n_ == 0) return {};
  const std::lock_guard<std::mutex> lock(f.mutex);
  return f.llt->perm();
}

CscMatrix Cholesky::L() const {
  Impl& f = impl();
  if (n_ == 0) return CscMatrix(0, 0);
  const std::lock_guard<std::mutex> lock(f.mutex);
  return f.llt->lower_factor();
}

void Cholesky::update(const CscMatrix& C) {
  Impl& f = impl();
  check_update("update", n_, C, check_finite_);
  if (n_ == 0 || C.cols() == 0) return;
  const std::lock_guard<std::mutex> lock(f.mutex);
  f.llt->updown(true, C);
}

void Cholesky::downdate(const CscMatrix& C) {
  Impl& f = impl();
  check_update("downdate", n_, C, check_finite_);
  if (n_ == 0 || C.cols() == 0) return;
  const std::lock_guard<std::mutex> lock(f.mutex);
  f.llt->updown(false, C);
}

}  // namespace scilearn::sparse
