// eigsh: SciPy's checks and defaults around ARPACK's symmetric driver.
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/eigensolvers.hpp>

#include "direct_checks.hpp"
#include "eigensolver_common.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "eigsh";

const char* arpack_which(EigshWhich which, int k) {
  if (which == EigshWhich::BE && k == 1) throw ValueError(cat(where, ": which = BE needs k >= 2"));
  switch (which) {
    case EigshWhich::LM: return "LM";
    case EigshWhich::SM: return "SM";
    case EigshWhich::LA: return "LA";
    case EigshWhich::SA: return "SA";
    case EigshWhich::BE: return "BE";
  }
  throw ValueError(cat(where, ": unknown `which` (", static_cast<int>(which), ")"));
}

EigshResult solve(const detail::ArpackProblem& problem, const detail::ArpackOperator& op) {
  detail::SymmetricArpackOutput out = detail::run_symmetric_arpack(problem, op);
  return {.eigenvalues = std::move(out.values), .eigenvectors = std::move(out.vectors), .info = out.run.info,
          .nconv = out.run.nconv, .niter = out.run.niter, .nops = out.run.nops,
          .message = detail::arpack_message(out.run, problem.k)};
}

template <class M>
EigshResult eigsh_matrix(const M& A, int k, const EigshOptions& options) {
  const LinearOperator op(A);  // borrowed for the call
  const detail::ArpackProblem problem = detail::make_problem(where, op, k, 0, options, arpack_which(options.which, k));
  detail::check_stored_finite(where, "A", A);
  if (!options.sigma) return solve(problem, detail::as_arpack_operator(op));
  const detail::ShiftInvert shift_invert(where, A, *options.sigma, options.OPinv, /*try_cholesky=*/true);
  return solve(problem, shift_invert.op());
}

}  // namespace

EigshResult eigsh(const LinearOperator& A, int k, const EigshOptions& options) {
  const detail::ArpackProblem problem = detail::make_problem(where, A, k, 0, options, arpack_which(options.which, k));
  if (!options.sigma) return solve(problem, detail::as_arpack_operator(A));
  const detail::ShiftInvert shift_invert(where, A.rows(), options.OPinv);
  return solve(problem, shift_invert.op());
}

EigshResult eigsh(const CsrMatrix& A, int k, const EigshOptions& options) { return eigsh_matrix(A, k, options); }
EigshResult eigsh(const CscMatrix& A, int k, const EigshOptions& options) { return eigsh_matrix(A, k, options); }

}  // namespace scilearn::sparse
