// Cholesky: the public face of detail::CholmodLLT, with its own copy-free
// view of A and the boundary checks.
#include <cmath>
#include <limits>
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

template <class M>
std::unique_ptr<detail::CholmodLLT> factor(const M& a, const CholeskyOptions& o) {
  detail::check_direct_matrix(where, a, o.check_finite);
  if (!std::isfinite(o.beta)) throw ValueError(cat(where, ": beta must be finite, got ", o.beta));
  if (a.rows() == 0) return nullptr;  // nothing to factor; every member handles n = 0
  std::optional<M> compressed;
  return std::make_unique<detail::CholmodLLT>(detail::compressed_view(a, compressed), where,
                                              cholmod_ordering(o.ordering), o.beta);
}

}  // namespace

struct Cholesky::Impl {
  std::unique_ptr<detail::CholmodLLT> llt;
};

Cholesky::Cholesky(const CscMatrix& A, const CholeskyOptions& options)
    : impl_(std::make_unique<Impl>(Impl{factor(A, options)})), n_(A.rows()), check_finite_(options.check_finite) {}
Cholesky::Cholesky(const CsrMatrix& A, const CholeskyOptions& options)
    : impl_(std::make_unique<Impl>(Impl{factor(A, options)})), n_(A.rows()), check_finite_(options.check_finite) {}
Cholesky::~Cholesky() = default;
Cholesky::Cholesky(Cholesky&&) noexcept = default;
Cholesky& Cholesky::operator=(Cholesky&&) noexcept = default;

Matrix Cholesky::solve_matrix(const Eigen::Ref<const Matrix>& B) const {
  detail::check_direct_rhs(where, n_, B, check_finite_);
  if (n_ == 0) return Matrix(0, B.cols());
  return impl_->llt->solve(B);
}

double Cholesky::logdet() const { return n_ == 0 ? 0.0 : impl_->llt->logdet(); }

std::vector<Index> Cholesky::P() const { return n_ == 0 ? std::vector<Index>{} : impl_->llt->perm(); }

CscMatrix Cholesky::L() const { return n_ == 0 ? CscMatrix(0, 0) : impl_->llt->lower_factor(); }

namespace {

void check_update(const char* what, Index n, const CscMatrix& c, bool require_finite) {
  if (c.rows() != n) throw ValueError(cat(where, ": ", what, ": C has ", c.rows(), " rows but A is ", n, "x", n));
  if (c.cols() > std::numeric_limits<int>::max()) throw ValueError(cat(where, ": ", what, ": C has too many columns"));
  if (!require_finite) return;
  for (Index j = 0; j < c.outerSize(); ++j) {
    for (CscMatrix::InnerIterator it(c, j); it; ++it) {
      if (!std::isfinite(it.value())) {
        throw ValueError(cat(where, ": ", what, ": C must contain only finite values, but entry (", it.row(), ", ",
                             it.col(), ") is ", it.value()));
      }
    }
  }
}

}  // namespace

void Cholesky::update(const CscMatrix& C) {
  check_update("update", n_, C, check_finite_);
  if (n_ > 0 && C.cols() > 0) impl_->llt->updown(true, C);
}

void Cholesky::downdate(const CscMatrix& C) {
  check_update("downdate", n_, C, check_finite_);
  if (n_ > 0 && C.cols() > 0) impl_->llt->updown(false, C);
}

}  // namespace scilearn::sparse
