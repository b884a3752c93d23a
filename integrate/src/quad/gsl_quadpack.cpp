#include "quad/gsl_quadpack.hpp"

#include <gsl/gsl_errno.h>

#include <algorithm>
#include <limits>
#include <new>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <string_view>

namespace scilearn::integrate::detail {

void disable_gsl_error_handler() {
  // A function-local static runs its initializer once, thread-safely.
  static const bool disabled = [] {
    gsl_set_error_handler_off();
    return true;
  }();
  (void)disabled;
}

double CountedIntegrand::call(double x, void* self) noexcept {
  auto& me = *static_cast<CountedIntegrand*>(self);
  if (me.error_) return std::numeric_limits<double>::quiet_NaN();
  ++me.neval_;
  try {
    return me.f_(x);
  } catch (...) {
    me.error_ = std::current_exception();
    return std::numeric_limits<double>::quiet_NaN();
  }
}

Workspace make_workspace(int limit) {
  Workspace w(gsl_integration_workspace_alloc(static_cast<std::size_t>(limit)));
  if (!w) throw std::bad_alloc();
  // GSL leaves `order` unset beyond what its routines sort (QUADPACK's iord
  // is defined only on its first entries, and QAWF with omega = 0 never
  // sorts): zeros instead of whatever the allocator left there.
  std::fill(w->order, w->order + w->limit, std::size_t{0});
  return w;
}

int ier_from_gsl(int status, const char* routine) {
  switch (status) {
    case GSL_SUCCESS: return 0;
    case GSL_EMAXITER: return 1;
    case GSL_EROUND: return 2;
    case GSL_ESING: return std::string_view(routine) == "qawf" ? 4 : 3;
    case GSL_EDIVERGE: return 5;
    case GSL_EFAILED:
      // qaws and qawc bisect once more after their two first subintervals
      // even when limit == 2, and then report a generic failure for what is
      // the limit reached.
      if (std::string_view(routine) == "qaws" || std::string_view(routine) == "qawc") return 1;
      [[fallthrough]];
    default:
      throw BackendError(cat("GSL gsl_integration_", routine), status,
                         cat("quad: GSL's ", routine, " refused its input: ", gsl_strerror(status)));
  }
}

void copy_intervals(const gsl_integration_workspace& w, QuadResult& result) {
  const std::size_t n = w.size;
  result.last = static_cast<int>(n);
  result.alist.assign(w.alist, w.alist + n);
  result.blist.assign(w.blist, w.blist + n);
  result.rlist.assign(w.rlist, w.rlist + n);
  result.elist.assign(w.elist, w.elist + n);
  result.iord.assign(w.order, w.order + n);
}

}  // namespace scilearn::integrate::detail
