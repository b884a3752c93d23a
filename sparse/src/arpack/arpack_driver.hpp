#pragma once
// The reverse-communication loops around ARPACK's d?aupd / d?eupd (standard
// problems, bmat = 'I'): the only code that sees ARPACK's interface.

#include <functional>
#include <scilearn/core/types.hpp>
#include <string>

namespace scilearn::sparse::detail {

/// y = OP x for vectors of the problem's size n (raw arrays into ARPACK's workspace).
using ArpackOperator = std::function<void(const double* x, double* y)>;

/// One ARPACK run: sizes, options already validated by the caller.
struct ArpackProblem {
  const char* where;        ///< the public function, for messages
  int n;                    ///< order of OP
  int k;                    ///< eigenvalues wanted (nev)
  int ncv;                  ///< Lanczos / Arnoldi basis size
  int maxiter;              ///< restart limit
  double tol;               ///< ARPACK's tol (0: machine precision)
  const char* which;        ///< ARPACK's two-letter `which`
  int mode;                 ///< 1 (OP = A) or 3 (OP = (A - sigma I)^-1)
  double sigma;             ///< the shift of mode 3
  Vector start;             ///< starting vector (n entries, not all zero)
  bool vectors;             ///< compute the Ritz vectors too
};

/// How an ARPACK run ended, and what it found.
struct ArpackRunInfo {
  int info = 0;   ///< 0 converged, 1 the restart limit stopped it
  int nconv = 0;  ///< converged Ritz values
  int niter = 0;  ///< restarts done
  int nops = 0;   ///< applications of OP
};

/// dsaupd / dseupd: `values` ascending (nconv of them), `vectors` n x nconv.
struct SymmetricArpackOutput {
  ArpackRunInfo run;
  Vector values;
  Matrix vectors;
};

/// dnaupd / dneupd: up to k + 1 Ritz values (real and imaginary parts) and
/// ARPACK's real storage of their vectors (a conjugate pair as the real and
/// imaginary parts in two consecutive columns); `returned` of them are valid.
struct GeneralArpackOutput {
  ArpackRunInfo run;
  int returned = 0;
  Vector real;
  Vector imag;
  Matrix vectors;
};

/// Runs the symmetric Lanczos process on OP.
/// Throws: BackendError for ARPACK errors; ValueError when OP returns NaN / Inf;
/// whatever OP throws.
SymmetricArpackOutput run_symmetric_arpack(const ArpackProblem& problem, const ArpackOperator& op);

/// Runs the nonsymmetric Arnoldi process on OP (real shift only).
/// Throws: as run_symmetric_arpack.
GeneralArpackOutput run_general_arpack(const ArpackProblem& problem, const ArpackOperator& op);

/// The message for a run: converged, or how many of k converged in how many restarts.
[[nodiscard]] std::string arpack_message(const ArpackRunInfo& run, int k);

}  // namespace scilearn::sparse::detail
