// dnaupd / dneupd: the implicitly restarted Arnoldi method for a real
// nonsymmetric OP, with a real shift.
#include <arpack/arpack.h>

#include <algorithm>

#include "arpack_loop.hpp"

namespace scilearn::sparse::detail {

GeneralArpackOutput run_general_arpack(const ArpackProblem& p, const ArpackOperator& op) {
  const ArpackSession session(p.where);
  const auto ncv = static_cast<std::size_t>(p.ncv);
  ArpackState s(p, 14, 3 * ncv * ncv + 6 * ncv);
  const auto lworkl = static_cast<int>(s.workl.size());
  arpack_iterate(p, op, s, "dnaupd", [&](ArpackState& st) {
    dnaupd_c(&st.ido, "I", p.n, p.which, p.k, p.tol, st.resid.data(), p.ncv, st.v.data(), p.n, st.iparam,
             st.ipntr.data(), st.workd.data(), st.workl.data(), lworkl, &st.info);
  });
  GeneralArpackOutput out{.run = run_info(s), .returned = 0, .real = {}, .imag = {}, .vectors = {}};
  if (out.run.nconv == 0) return out;

  // dneupd may return k + 1 values, to keep a conjugate pair whole.
  std::vector<int> select(ncv, 0);
  Vector dr = Vector::Zero(p.k + 1);
  Vector di = Vector::Zero(p.k + 1);
  Matrix z(p.vectors ? Matrix::Zero(p.n, p.k + 1) : Matrix(1, 1));
  std::vector<double> workev(3 * ncv);
  int info = 0;
  dneupd_c(p.vectors ? 1 : 0, "A", select.data(), dr.data(), di.data(), z.data(), p.vectors ? p.n : 1, p.sigma, 0.0,
           workev.data(), "I", p.n, p.which, p.k, p.tol, s.resid.data(), p.ncv, s.v.data(), p.n, s.iparam,
           s.ipntr.data(), s.workd.data(), s.workl.data(), lworkl, &info);
  if (info != 0) throw_arpack_error(p.where, "dneupd", info);
  out.run.nconv = s.iparam[4];
  out.returned = std::min(out.run.nconv, p.k + 1);
  out.real = dr;
  out.imag = di;
  if (p.vectors) out.vectors = std::move(z);
  return out;
}

}  // namespace scilearn::sparse::detail
