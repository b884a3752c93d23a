// factorized: spsolve's factorization kept; the LU with its own copy of A
// (UMFPACK's solve reads the matrix's arrays again).
#include <memory>
#include <mutex>
#include <optional>
#include <scilearn/sparse/factorized.hpp>

#include "direct_checks.hpp"
#include "suitesparse/cholmod_llt.hpp"
#include "suitesparse/compressed_view.hpp"
#include "suitesparse/umfpack_lu.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "factorized";

}  // namespace

struct Factorized::Impl {
  Impl(Index n_, bool finite_) : n(n_), require_finite(finite_) {}
  virtual ~Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  [[nodiscard]] virtual Matrix solve(const Eigen::Ref<const Matrix>& b) const = 0;
  Index n;
  bool require_finite;
};

namespace {

template <class M>
M compressed_copy(const M& a) {
  M copy = a;
  copy.makeCompressed();
  return copy;
}

template <class M>
struct LuImpl final : Factorized::Impl {
  LuImpl(const M& a_, bool finite) : Impl(a_.rows(), finite), a(compressed_copy(a_)), lu(view(), where) {}
  detail::CompressedView view() const {
    std::optional<M> unused;
    return detail::compressed_view(a, unused);
  }
  Matrix solve(const Eigen::Ref<const Matrix>& b) const override { return lu.solve(b); }
  M a;  // declared before lu: the factors refer to it
  detail::UmfpackLU lu;
};

// CHOLMOD keeps no reference to A once factorized (unlike UMFPACK's solve).
struct CholeskyImpl final : Factorized::Impl {
  template <class M>
  CholeskyImpl(const M& a, bool finite) : Impl(a.rows(), finite), llt(factor(a)) {}
  template <class M>
  static std::unique_ptr<detail::CholmodLLT> factor(const M& a) {
    std::optional<CscMatrix> by_columns;
    return std::make_unique<detail::CholmodLLT>(detail::upper_by_columns(a, by_columns), where);
  }
  Matrix solve(const Eigen::Ref<const Matrix>& b) const override {
    const std::lock_guard<std::mutex> lock(mutex);
    return llt->solve(b);
  }
  std::unique_ptr<detail::CholmodLLT> llt;  // its solve uses CHOLMOD's shared workspace
  mutable std::mutex mutex;
};

// An empty (0 x 0) system: nothing to factorize.
struct EmptyImpl final : Factorized::Impl {
  explicit EmptyImpl(bool finite) : Impl(0, finite) {}
  Matrix solve(const Eigen::Ref<const Matrix>& b) const override { return Matrix(0, b.cols()); }
};

template <class M>
Factorized make(const M& a, const SpsolveOptions& options) {
  detail::check_direct_matrix(where, a, options.check_finite);
  if (a.rows() == 0) return Factorized(std::make_shared<const EmptyImpl>(options.check_finite));
  if (options.assume_a == AssumeA::pos) {
    return Factorized(std::make_shared<const CholeskyImpl>(a, options.check_finite));
  }
  return Factorized(std::make_shared<const LuImpl<M>>(a, options.check_finite));
}

}  // namespace

Vector Factorized::operator()(const VectorView& b) const { return solve(b).col(0); }

Matrix Factorized::solve(const Eigen::Ref<const Matrix>& B) const {
  detail::check_direct_rhs(where, impl_->n, B, impl_->require_finite);
  return impl_->solve(B);
}

Index Factorized::rows() const noexcept { return impl_->n; }

Factorized factorized(const CscMatrix& A, const SpsolveOptions& options) { return make(A, options); }
Factorized factorized(const CsrMatrix& A, const SpsolveOptions& options) { return make(A, options); }

}  // namespace scilearn::sparse
