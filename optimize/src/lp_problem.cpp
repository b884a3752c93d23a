#include "lp_problem.hpp"

#include "bounds.hpp"

#include <CoinFinite.hpp>
#include <CoinTypes.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <type_traits>

namespace scilearn::optimize {

LpMatrix LpMatrix::from_dense(const Matrix& a) {
  // Not sparseView(): it compares |x| > 0 and would drop NaN silently.
  std::vector<Eigen::Triplet<double, int>> entries;
  for (Index j = 0; j < a.cols(); ++j) {
    for (Index i = 0; i < a.rows(); ++i) {
      if (a(i, j) != 0.0) entries.emplace_back(static_cast<int>(i), static_cast<int>(j), a(i, j));
    }
  }
  SparseMatrix s(a.rows(), a.cols());
  s.setFromTriplets(entries.begin(), entries.end());
  return LpMatrix(s);
}

namespace detail {

static_assert(std::is_same_v<CoinBigIndex, int>, "LpArrays::start assumes COIN-OR's 32-bit CoinBigIndex");

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// COIN-OR marks a missing bound by COIN_DBL_MAX rather than IEEE infinity.
double to_coin(double v) {
  if (v == kInf) return COIN_DBL_MAX;
  if (v == -kInf) return -COIN_DBL_MAX;
  return v;
}

}  // namespace

void check_lp_matrix(std::string_view where, std::string_view name, const LpMatrix& a, Index rows, Index n) {
  if (a.rows() == 0 && a.cols() == 0 && rows == 0) return;  // not given
  if (a.rows() != rows || a.cols() != n) {
    throw ValueError(cat(where, ": ", name, " is ", a.rows(), "x", a.cols(), ", expected ", rows, "x", n,
                         " (rows of its right-hand side x entries of c)"));
  }
  const SparseMatrix& s = a.csc();
  for (Index j = 0; j < s.outerSize(); ++j) {
    for (SparseMatrix::InnerIterator it(s, j); it; ++it) {
      if (!std::isfinite(it.value())) {
        throw ValueError(cat(where, ": ", name, " must contain only finite values, but entry (", it.row(), ", ",
                             it.col(), ") is ", it.value()));
      }
    }
  }
}

void expand_bounds(std::string_view where, const std::optional<Bounds>& bounds, Index n, Vector& lb, Vector& ub) {
  if (!bounds) {  // linprog's default: x >= 0
    lb = Vector::Zero(n);
    ub = Vector::Constant(n, kInf);
    return;
  }
  const std::string name(where);
  const Bounds box = expanded_bounds(bounds, n, name.c_str(), false);
  lb = box.lb;
  ub = box.ub;
  for (Index j = 0; j < n; ++j) {
    if (lb(j) == kInf || ub(j) == -kInf) {
      throw ValueError(cat(where, ": bounds of variable ", j, " are (", lb(j), ", ", ub(j),
                           "), expected lb < inf and ub > -inf"));
    }
  }
}

std::vector<char> expand_integrality(std::string_view where, const IndexVector& integrality, Index n) {
  if (integrality.size() == 0) return {};
  if (integrality.size() != 1 && integrality.size() != n) {
    throw ValueError(cat(where, ": integrality has ", integrality.size(), " entries, expected 1 or ", n));
  }
  std::vector<char> out(static_cast<std::size_t>(n));
  bool any = false;
  for (Index j = 0; j < n; ++j) {
    const int v = integrality(integrality.size() == 1 ? 0 : j);
    if (v != 0 && v != 1) {
      throw ValueError(cat(where, ": integrality[", j, "] is ", v,
                           ", expected 0 (continuous) or 1 (integer); semi-continuous (2) and semi-integer (3) "
                           "are not supported"));
    }
    out[static_cast<std::size_t>(j)] = static_cast<char>(v);
    any = any || v == 1;
  }
  if (!any) out.clear();
  return out;
}

void check_limits(std::string_view where, int iterations, std::string_view iterations_name,
                  double time_limit, double mip_rel_gap) {
  if (iterations < 0) {
    throw ValueError(cat(where, ": ", iterations_name, " must be >= 0 (0: no limit), got ", iterations));
  }
  if (!(time_limit > 0)) throw ValueError(cat(where, ": time_limit must be > 0, got ", time_limit));
  if (!(mip_rel_gap >= 0)) throw ValueError(cat(where, ": mip_rel_gap must be >= 0, got ", mip_rel_gap));
}

LpArrays assemble(std::string_view where, const Eigen::Ref<const Vector>& c, const std::vector<RowBlock>& blocks, const Vector& lb,
                  const Vector& ub) {
  LpArrays p;
  p.n = static_cast<int>(c.size());
  Index m = 0, nnz = 0;
  for (const RowBlock& b : blocks) {
    m += b.a->rows();
    nnz += b.a->nonZeros();
  }
  if (m > std::numeric_limits<int>::max() || nnz > std::numeric_limits<int>::max()) {
    throw ValueError(cat(where, ": ", m, " rows and ", nnz, " nonzeros exceed COIN-OR's 32-bit indices"));
  }
  p.m = static_cast<int>(m);
  p.start.reserve(static_cast<std::size_t>(p.n) + 1);
  p.index.reserve(static_cast<std::size_t>(nnz));
  p.value.reserve(static_cast<std::size_t>(nnz));
  // Column j of the stack is column j of each block in turn, its rows shifted.
  for (int j = 0; j < p.n; ++j) {
    p.start.push_back(static_cast<int>(p.index.size()));
    int offset = 0;
    for (const RowBlock& b : blocks) {
      if (b.a->cols() > 0) {
        for (SparseMatrix::InnerIterator it(*b.a, j); it; ++it) {
          p.index.push_back(offset + static_cast<int>(it.row()));
          p.value.push_back(it.value());
        }
      }
      offset += static_cast<int>(b.a->rows());
    }
  }
  p.start.push_back(static_cast<int>(p.index.size()));
  p.obj.assign(c.data(), c.data() + c.size());
  for (Index j = 0; j < c.size(); ++j) {
    p.col_lb.push_back(to_coin(lb(j)));
    p.col_ub.push_back(to_coin(ub(j)));
  }
  for (const RowBlock& b : blocks) {
    for (Index i = 0; i < b.lb.size(); ++i) {
      p.row_lb.push_back(to_coin(b.lb(i)));
      p.row_ub.push_back(to_coin(b.ub(i)));
    }
  }
  return p;
}

double relative_gap(double fun, double bound) {
  if (fun == bound) return 0;
  return std::abs(fun - bound) / std::abs(fun);
}

}  // namespace detail
}  // namespace scilearn::optimize
