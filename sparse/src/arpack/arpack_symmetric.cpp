// dsaupd / dseupd: the implicitly restarted Lanczos method for a symmetric OP.
#include <arpack/arpack.h>

#include <algorithm>

#include "arpack_loop.hpp"

namespace scilearn::sparse::detail {

SymmetricArpackOutput run_symmetric_arpack(const ArpackProblem& p, const ArpackOperator& op) {
  const ArpackSession session(p.where);
  const auto ncv = static_cast<std::size_t>(p.ncv);
  ArpackState s(p, 11, ncv * (ncv + 8));
  const auto lworkl = static_cast<int>(s.workl.size());
  arpack_iterate(p, op, s, "dsaupd", [&](ArpackState& st) {
    dsaupd_c(&st.ido, "I", p.n, p.which, p.k, p.tol, st.resid.data(), p.ncv, st.v.data(), p.n, st.iparam,
             st.ipntr.data(), st.workd.data(), st.workl.data(), lworkl, &st.info);
  });
  SymmetricArpackOutput out{.run = run_info(s), .values = {}, .vectors = {}};
  if (out.run.nconv == 0) return out;

  std::vector<int> select(ncv, 0);
  Vector d(p.k);
  Matrix z(p.vectors ? Matrix(p.n, p.k) : Matrix(1, 1));
  int info = 0;
  dseupd_c(p.vectors ? 1 : 0, "A", select.data(), d.data(), z.data(), p.vectors ? p.n : 1, p.sigma, "I", p.n,
           p.which, p.k, p.tol, s.resid.data(), p.ncv, s.v.data(), p.n, s.iparam, s.ipntr.data(), s.workd.data(),
           s.workl.data(), lworkl, &info);
  if (info != 0) throw_arpack_error(p.where, "dseupd", info);
  out.run.nconv = s.iparam[4];
  out.values = d.head(out.run.nconv);
  if (p.vectors) {
    out.vectors = z.leftCols(out.run.nconv);  // dseupd orders these ascending
  } else {
    std::sort(out.values.begin(), out.values.end());  // without vectors dseupd leaves its own order
  }
  return out;
}

}  // namespace scilearn::sparse::detail
