// eigs: SciPy's checks and defaults around ARPACK's nonsymmetric driver, and
// its assembly of complex eigenpairs from ARPACK's real storage.
#include <algorithm>
#include <complex>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/eigensolvers.hpp>
#include <vector>

#include "direct_checks.hpp"
#include "eigensolver_common.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "eigs";

const char* arpack_which(EigsWhich which) {
  switch (which) {
    case EigsWhich::LM: return "LM";
    case EigsWhich::SM: return "SM";
    case EigsWhich::LR: return "LR";
    case EigsWhich::SR: return "SR";
    case EigsWhich::LI: return "LI";
    case EigsWhich::SI: return "SI";
  }
  throw ValueError(cat(where, ": unknown `which` (", static_cast<int>(which), ")"));
}

/// Of k + 1 returned values, the k that best match `which`, judged (as SciPy)
/// on the values ARPACK iterated with: lambda, or 1 / (lambda - sigma) in shift-invert.
std::vector<Index> best_k(const Eigen::VectorXcd& d, int k, const EigsOptions& o) {
  Eigen::VectorXcd rd = d;
  if (o.sigma) rd = (d.array() - *o.sigma).inverse();
  std::vector<double> key(static_cast<std::size_t>(rd.size()));
  for (Index i = 0; i < rd.size(); ++i) {
    const std::complex<double> v = rd(i);
    key[static_cast<std::size_t>(i)] = (o.which == EigsWhich::LR || o.which == EigsWhich::SR) ? v.real()
                                       : (o.which == EigsWhich::LI || o.which == EigsWhich::SI) ? std::abs(v.imag())
                                                                                               : std::abs(v);
  }
  std::vector<Index> order(key.size());
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return key[a] < key[b]; });
  const bool largest = o.which == EigsWhich::LM || o.which == EigsWhich::LR || o.which == EigsWhich::LI;
  if (largest) return {order.rbegin(), order.rbegin() + k};
  return {order.begin(), order.begin() + k};
}

EigsResult solve(const detail::ArpackProblem& problem, const detail::ArpackOperator& op, const EigsOptions& o) {
  detail::GeneralArpackOutput out = detail::run_general_arpack(problem, op);
  EigsResult r{.eigenvalues = {}, .eigenvectors = {}, .info = out.run.info, .nconv = out.run.nconv,
               .niter = out.run.niter, .nops = out.run.nops, .message = detail::arpack_message(out.run, problem.k)};
  const int k = problem.k;
  int returned = out.returned;
  if (returned == 0) return r;
  const Index n = problem.n;
  Eigen::VectorXcd d(k + 1);
  for (int i = 0; i <= k; ++i) d(i) = {out.real(i), out.imag(i)};
  Eigen::MatrixXcd z;
  if (problem.vectors) z = out.vectors.cast<std::complex<double>>();
  // A conjugate pair occupies two columns: real and imaginary parts. A pair
  // cut by the end of the k + 1 columns has no imaginary part: dropped.
  for (int i = 0; i <= k; ++i) {
    if (d(i).imag() == 0) continue;
    if (i < k) {
      if (problem.vectors) {
        z.col(i) = out.vectors.col(i).cast<std::complex<double>>() +
                   std::complex<double>(0, 1) * out.vectors.col(i + 1).cast<std::complex<double>>();
        z.col(i + 1) = z.col(i).conjugate();
      }
      ++i;
    } else {
      --returned;
    }
  }
  std::vector<Index> keep(static_cast<std::size_t>(std::min(returned, k)));
  std::iota(keep.begin(), keep.end(), Index{0});
  if (returned > k) keep = best_k(d.head(returned), k, o);
  r.eigenvalues.resize(static_cast<Index>(keep.size()));
  if (problem.vectors) r.eigenvectors.resize(n, static_cast<Index>(keep.size()));
  for (std::size_t j = 0; j < keep.size(); ++j) {
    r.eigenvalues(static_cast<Index>(j)) = d(keep[j]);
    if (problem.vectors) r.eigenvectors.col(static_cast<Index>(j)) = z.col(keep[j]);
  }
  return r;
}

template <class M>
EigsResult eigs_matrix(const M& A, int k, const EigsOptions& options) {
  const LinearOperator op(A);  // borrowed for the call
  const detail::ArpackProblem problem = detail::make_problem(where, op, k, 1, options, arpack_which(options.which));
  detail::check_stored_finite(where, "A", A);
  if (!options.sigma) return solve(problem, detail::as_arpack_operator(op), options);
  const detail::ShiftInvert shift_invert(where, A, *options.sigma, options.OPinv, /*try_cholesky=*/false);
  return solve(problem, shift_invert.op(), options);
}

}  // namespace

EigsResult eigs(const LinearOperator& A, int k, const EigsOptions& options) {
  const detail::ArpackProblem problem = detail::make_problem(where, A, k, 1, options, arpack_which(options.which));
  if (!options.sigma) return solve(problem, detail::as_arpack_operator(A), options);
  const detail::ShiftInvert shift_invert(where, A.rows(), options.OPinv);
  return solve(problem, shift_invert.op(), options);
}

EigsResult eigs(const CsrMatrix& A, int k, const EigsOptions& options) { return eigs_matrix(A, k, options); }
EigsResult eigs(const CscMatrix& A, int k, const EigsOptions& options) { return eigs_matrix(A, k, options); }

}  // namespace scilearn::sparse
