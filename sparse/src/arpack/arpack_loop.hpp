#pragma once
// What the symmetric and nonsymmetric ARPACK drivers share: the
// reverse-communication loop and the meaning of ARPACK's error codes.

#include <climits>
#include <cmath>
#include <mutex>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <string>
#include <vector>

#include "arpack_driver.hpp"

namespace scilearn::sparse::detail {

/// ARPACK's explanation of an error code of routine `routine` (dsaupd, dseupd, ...).
[[nodiscard]] std::string arpack_error_text(const char* routine, int info);

/// Throws BackendError naming the public function, ARPACK's routine and code.
[[noreturn]] void throw_arpack_error(const char* where, const char* routine, int info);

/// One ARPACK run at a time in the process: ARPACK keeps its state between
/// reverse-communication calls in Fortran SAVE variables, so concurrent runs
/// would corrupt each other (SciPy serializes them the same way). A run
/// started from inside another run's operator, on the same thread, would
/// corrupt it too, and throws ValueError instead of deadlocking.
class ArpackSession {
 public:
  explicit ArpackSession(const char* where);
  ~ArpackSession();
  ArpackSession(const ArpackSession&) = delete;
  ArpackSession& operator=(const ArpackSession&) = delete;

 private:
  std::unique_lock<std::mutex> lock_;
};

/// ARPACK's workspace and communication state for one run.
struct ArpackState {
  explicit ArpackState(const ArpackProblem& p, int ipntr_size, std::size_t workl_size)
      : resid(p.start), v(static_cast<Index>(p.n), p.ncv), workd(3 * static_cast<std::size_t>(p.n)),
        workl(workl_size), ipntr(static_cast<std::size_t>(ipntr_size), 0) {
    iparam[0] = 1;  // exact shifts
    iparam[2] = p.maxiter;
    iparam[3] = 1;  // block size (ARPACK supports only 1)
    iparam[6] = p.mode;
  }
  int ido = 0;
  int info = 1;  // 1: resid holds the starting vector
  Vector resid;
  Matrix v;
  std::vector<double> workd;
  std::vector<double> workl;
  std::vector<int> ipntr;
  int iparam[11] = {};
};

/// Calls `aupd(state)` until ARPACK is done, applying OP where it asks.
/// After the loop state.info is 0 or 1 (other codes have thrown).
template <class Aupd>
void arpack_iterate(const ArpackProblem& p, const ArpackOperator& op, ArpackState& s, const char* routine,
                    Aupd&& aupd) {
  const auto at = [&](int pointer) { return s.workd.data() + (pointer - 1); };  // ipntr is 1-based
  for (;;) {
    aupd(s);
    if (s.ido == -1 || s.ido == 1) {
      // Mode 3 with ido = 1: B x (here x itself) is already in ipntr(3).
      const double* x = (p.mode == 3 && s.ido == 1) ? at(s.ipntr[2]) : at(s.ipntr[0]);
      double* y = at(s.ipntr[1]);
      op(x, y);
      for (int i = 0; i < p.n; ++i) {
        if (!std::isfinite(y[i])) {
          throw ValueError(cat(p.where, ": the operator produced ", y[i], " (entry ", i,
                               "); A (or the shift-invert solve) must give finite values"));
        }
      }
    } else if (s.ido == 2) {
      std::copy(at(s.ipntr[0]), at(s.ipntr[0]) + p.n, at(s.ipntr[1]));  // B = I
    } else if (s.ido == 99) {
      break;
    } else {
      throw BackendError(cat("ARPACK ", routine), s.ido, cat(p.where, ": ", routine, " asked for reverse-communication request ", s.ido,
                             ", which a standard problem with exact shifts never needs"));
    }
  }
  if (s.info != 0 && s.info != 1) throw_arpack_error(p.where, routine, s.info);
}

/// The run's counts from iparam after the loop.
[[nodiscard]] inline ArpackRunInfo run_info(const ArpackState& s) {
  return {.info = s.info, .nconv = s.iparam[4], .niter = s.iparam[2], .nops = s.iparam[8]};
}

}  // namespace scilearn::sparse::detail
