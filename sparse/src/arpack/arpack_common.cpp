// ARPACK's error codes in words (from the d?aupd / d?eupd documentation),
// and the run message.
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <string_view>

#include "arpack_loop.hpp"

namespace scilearn::sparse::detail {

namespace {

std::mutex arpack_mutex;
thread_local bool inside_arpack = false;

}  // namespace

ArpackSession::ArpackSession(const char* where) {
  if (inside_arpack) {
    throw ValueError(cat(where, ": called from inside the operator of another eigsh / eigs / svds run; ARPACK keeps "
                                "its state in static variables and cannot be re-entered"));
  }
  lock_ = std::unique_lock<std::mutex>(arpack_mutex);
  inside_arpack = true;
}

ArpackSession::~ArpackSession() { inside_arpack = false; }

std::string arpack_error_text(const char* routine, int info) {
  const std::string_view r(routine);
  const bool extract = r.size() == 6 && r.substr(2) == "eupd";
  switch (info) {
    case 3: return "no shifts could be applied during a cycle of the implicitly restarted iteration; increase ncv";
    case -1: return "n must be positive";
    case -2: return "nev must be positive";
    case -3: return "ncv out of range";
    case -4: return "the maximum number of iterations must be positive";
    case -5: return "bad `which`";
    case -6: return "bmat must be 'I' or 'G'";
    case -7: return "the private work array is too short";
    case -8: return "the LAPACK eigenvalue computation of the projected matrix failed";
    case -9: return extract ? "LAPACK's eigenvector computation failed" : "the starting vector is zero";
    case -10: return "bad mode";
    case -11: return "mode and bmat are incompatible";
    case -12: return extract ? "options incompatible with the extraction" : "bad shift strategy";
    case -13: return "nev and which = 'BE' are incompatible";
    case -14: return "no eigenvalue was found to sufficient accuracy";
    case -15: return r[1] == 's' ? "bad howmny" : "the extraction counted a different number of converged Ritz values "
                                                  "than the iteration (clustered eigenvalues: increase ncv)";
    case -17: return "the extraction counted a different number of converged Ritz values than the iteration "
                     "(clustered eigenvalues: increase ncv)";
    case -9999: return "could not build a Lanczos / Arnoldi factorization";
    default: return "undocumented error";
  }
}

void throw_arpack_error(const char* where, const char* routine, int info) {
  throw BackendError(cat("ARPACK ", routine), info, cat(where, ": ARPACK's ", routine, " failed with info = ", info, ": ",
                         arpack_error_text(routine, info)));
}

std::string arpack_message(const ArpackRunInfo& run, int k) {
  if (run.info == 0) return cat("converged: ", k, " Ritz values in ", run.niter, " restarts");
  return cat("no convergence: ", run.nconv, " of ", k, " Ritz values converged in the ", run.niter,
             " restarts allowed (maxiter); increase maxiter or ncv, or loosen tol");
}

}  // namespace scilearn::sparse::detail
