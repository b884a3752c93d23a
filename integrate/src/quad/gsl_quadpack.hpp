#pragma once
// The boundary to GSL's QUADPACK routines (private to the module): the
// integrand as a gsl_function that counts its calls and keeps the integrand's
// exceptions out of GSL's C frames, an owning workspace, and GSL's status
// codes as QUADPACK's ier.

#include <gsl/gsl_integration.h>

#include <exception>
#include <memory>
#include <scilearn/integrate/quad.hpp>

namespace scilearn::integrate::detail {

// Switches GSL's abort-on-error handler off, once per process, before the
// first GSL call of this module; GSL's codes are read at every call instead.
void disable_gsl_error_handler();

// The integrand seen through a gsl_function. An exception thrown by the
// integrand is caught here (it must not unwind through GSL's C frames),
// kept, and NaN is returned; the integrand is not called again, so GSL runs
// to its next exit on cheap NaNs, and rethrow() hands the exception on.
class CountedIntegrand {
 public:
  explicit CountedIntegrand(const Integrand& f) : f_(f) {}
  CountedIntegrand(const CountedIntegrand&) = delete;
  CountedIntegrand& operator=(const CountedIntegrand&) = delete;

  // The gsl_function; valid while *this lives.
  [[nodiscard]] gsl_function function() noexcept { return {&call, this}; }
  [[nodiscard]] int neval() const noexcept { return neval_; }
  void rethrow_if_failed() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  static double call(double x, void* self) noexcept;
  const Integrand& f_;
  int neval_ = 0;
  std::exception_ptr error_{};
};

// gsl_integration_workspace with room for `limit` subintervals.
struct WorkspaceDeleter {
  void operator()(gsl_integration_workspace* w) const noexcept { gsl_integration_workspace_free(w); }
};
using Workspace = std::unique_ptr<gsl_integration_workspace, WorkspaceDeleter>;
[[nodiscard]] Workspace make_workspace(int limit);

// QUADPACK's ier for a GSL status of the routine `routine` ("qags", "qawf",
// ...): GSL_EMAXITER 1, GSL_EROUND 2, GSL_ESING 3 (qawf: 4, the only source
// of GSL_ESING there is its extrapolation over the cycles), GSL_EDIVERGE 5.
// Any other non-zero code means we passed GSL something it refused, which
// the validation should have caught: BackendError.
[[nodiscard]] int ier_from_gsl(int status, const char* routine);

// The subintervals GSL's workspace holds, into result's alist ... iord and last.
void copy_intervals(const gsl_integration_workspace& w, QuadResult& result);

// The limit to pass to GSL's qags, qagi and qawo for QUADPACK's `limit`
// subintervals: those three stop at limit - 1 subintervals where QUADPACK
// (and SciPy) stop at limit, except for limit == 1, which both treat alike.
[[nodiscard]] constexpr int qags_family_limit(int limit) noexcept { return limit == 1 ? 1 : limit + 1; }

// Runs one GSL routine on func with a workspace of `limit` subintervals
// (the limit the routine is given):
// call(gsl_function*, workspace*, double* value, double* abserr) returns
// GSL's status. Fills value, abserr, neval, ier and the interval lists; an
// exception of func is rethrown once GSL has returned.
template <class Call>
QuadResult run_gsl_routine(const Integrand& func, int limit, const char* routine, Call call) {
  CountedIntegrand counted(func);
  gsl_function f = counted.function();
  Workspace w = make_workspace(limit);
  QuadResult r;
  const int status = call(&f, w.get(), &r.value, &r.abserr);
  counted.rethrow_if_failed();
  r.neval = counted.neval();
  r.ier = ier_from_gsl(status, routine);
  copy_intervals(*w, r);
  return r;
}

}  // namespace scilearn::integrate::detail
