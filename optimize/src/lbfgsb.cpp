#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "dcsrch.hpp"
#include "minimize_methods.hpp"

// L-BFGS-B: Byrd, Lu, Nocedal and Zhu (1995), "A limited memory algorithm
// for bound constrained optimization", SIAM J. Sci. Comput. 16(5), with the
// subspace step of version 3.0 (Morales and Nocedal 2011, "Remark on
// Algorithm 778", ACM TOMS 38(1)): SciPy's solver. The limited-memory matrix
// is B = theta I - W M W', W = [Y, theta S] (their compact form, Byrd,
// Nocedal and Schnabel 1994); each iteration finds the generalized Cauchy
// point along the projected steepest descent path, minimizes the quadratic
// model over the variables still free there, and searches along the result
// with Moré and Thuente's line search. The structure follows SciPy's
// (lbfgsb.f v3.0) routine for routine, so that iterates and evaluation
// counts agree.

namespace scilearn::optimize::detail {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// Which bounds a variable has (L-BFGS-B's nbd codes).
enum Nbd : int { kFree = 0, kLower = 1, kBoth = 2, kUpper = 3 };
bool has_lower(int nbd) { return nbd == kLower || nbd == kBoth; }
bool has_upper(int nbd) { return nbd == kBoth || nbd == kUpper; }

// Upper Cholesky factor in place of the k x k block of a at (offset, offset):
// LINPACK's dpofa, a = R'R. False when the block is not positive definite.
bool cholesky_upper(Matrix& a, Index offset, Index k) {
  for (Index j = 0; j < k; ++j) {
    double s = 0;
    for (Index i = 0; i < j; ++i) {
      double t = a(offset + i, offset + j);
      for (Index p = 0; p < i; ++p) t -= a(offset + p, offset + i) * a(offset + p, offset + j);
      t /= a(offset + i, offset + i);
      a(offset + i, offset + j) = t;
      s += t * t;
    }
    s = a(offset + j, offset + j) - s;
    if (s <= 0) return false;
    a(offset + j, offset + j) = std::sqrt(s);
  }
  return true;
}

// Solves R' x = b (transposed) or R x = b in place for the upper k x k R at
// the top left of r: LINPACK's dtrsl jobs 11 and 01. False on a zero pivot.
bool solve_upper(const Matrix& r, Index k, double* b, bool transposed) {
  for (Index i = 0; i < k; ++i) {
    if (r(i, i) == 0) return false;
  }
  if (transposed) {
    for (Index i = 0; i < k; ++i) {
      double s = b[i];
      for (Index p = 0; p < i; ++p) s -= r(p, i) * b[p];
      b[i] = s / r(i, i);
    }
  } else {
    for (Index i = k - 1; i >= 0; --i) {
      double s = b[i];
      for (Index p = i + 1; p < k; ++p) s -= r(i, p) * b[p];
      b[i] = s / r(i, i);
    }
  }
  return true;
}

class Lbfgsb {
 public:
  Lbfgsb(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
  OptimizeResult run();

 private:
  // The limited-memory matrix.
  void reset_memory() {
    col_ = 0;
    head_ = 0;
    theta_ = 1;
    iupdat_ = 0;
    updatd_ = false;
  }
  Index pointer(Index j) const { return (head_ + j) % m_; }  // j-th oldest correction
  bool bmv(const Vector& v, Vector& p) const;
  bool form_t();
  void update_memory(const Vector& s, const Vector& y, double rr, double dr, double stp, double dtd);
  // One iteration's pieces.
  double projected_gradient_norm() const;
  bool cauchy_point();
  bool free_variables_changed();
  bool form_k();
  bool reduced_gradient();
  bool subspace_minimization();

  ScalarObjective& objective_;
  const MinimizeOptions& options_;
  const Index n_;
  const Index m_;
  Vector l_, u_;
  std::vector<int> nbd_;
  bool constrained_ = false, boxed_ = true;

  Vector x_, g_;
  double f_ = 0;
  Vector z_;                 // the Cauchy point, then the subspace minimizer
  Vector r_;                 // the reduced gradient / subspace direction (free variables)
  Vector c_;                 // W'(z - x) from the Cauchy search
  std::vector<int> iwhere_;  // -1 always free, 0 free, 1 at lower, 2 at upper, 3 fixed (l = u)
  std::vector<Index> index_;  // free variables at the Cauchy point, then the active ones
  Index nfree_ = 0;
  std::vector<char> was_free_;

  Matrix ws_, wy_;  // n x m corrections s and y, circular from head_
  Matrix sy_, ss_;  // S'Y (lower triangle) and S'S (upper) in age order, as L-BFGS-B keeps them
  Matrix yy_, sy_upper_;  // Y'Y (upper) and the strict upper triangle of S'Y: the subspace matrix with no bound active
  Matrix wt_;       // upper Cholesky factor of T = theta S'S + L D^-1 L'
  Matrix wn_;       // upper factor of the 2col x 2col middle matrix of the subspace problem
  Index col_ = 0, head_ = 0, itail_ = 0;
  int iupdat_ = 0;
  double theta_ = 1;
  bool updatd_ = false;
};

Lbfgsb::Lbfgsb(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options)
    : objective_(objective),
      options_(options),
      n_(x0.size()),
      m_(options.maxcor),
      nbd_(static_cast<std::size_t>(x0.size()), kFree),
      iwhere_(static_cast<std::size_t>(x0.size())),
      ws_(Matrix::Zero(x0.size(), options.maxcor)),
      wy_(Matrix::Zero(x0.size(), options.maxcor)),
      sy_(Matrix::Zero(options.maxcor, options.maxcor)),
      ss_(Matrix::Zero(options.maxcor, options.maxcor)),
      yy_(Matrix::Zero(options.maxcor, options.maxcor)),
      sy_upper_(Matrix::Zero(options.maxcor, options.maxcor)),
      wt_(Matrix::Zero(options.maxcor, options.maxcor)),
      wn_(Matrix::Zero(2 * options.maxcor, 2 * options.maxcor)) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  l_ = options.bounds ? options.bounds->lb : Vector::Constant(n_, -inf);
  u_ = options.bounds ? options.bounds->ub : Vector::Constant(n_, inf);
  x_ = x0.cwiseMax(l_).cwiseMin(u_);  // SciPy clips x0 into the bounds
  for (Index i = 0; i < n_; ++i) {
    const bool lo = std::isfinite(l_(i)), hi = std::isfinite(u_(i));
    const int nbd = lo && hi ? kBoth : lo ? kLower : hi ? kUpper : kFree;
    nbd_[static_cast<std::size_t>(i)] = nbd;
    if (nbd != kBoth) boxed_ = false;
    if (nbd == kFree) {
      iwhere_[static_cast<std::size_t>(i)] = -1;
    } else {
      constrained_ = true;
      iwhere_[static_cast<std::size_t>(i)] = nbd == kBoth && u_(i) - l_(i) <= 0 ? 3 : 0;
    }
  }
  index_.resize(static_cast<std::size_t>(n_));
  for (Index i = 0; i < n_; ++i) index_[static_cast<std::size_t>(i)] = i;
  nfree_ = n_;
}

// p = M v for the 2col x 2col middle matrix M of B, through the factors
// [D^(1/2) 0; -L D^(-1/2) J] [-D^(1/2) D^(-1/2) L'; 0 J'] of its inverse.
bool Lbfgsb::bmv(const Vector& v, Vector& p) const {
  const Index col = col_;
  p.resize(2 * col);
  if (col == 0) return true;
  p(col) = v(col);
  for (Index i = 1; i < col; ++i) {
    double sum = 0;
    for (Index k = 0; k < i; ++k) sum += sy_(i, k) * v(k) / sy_(k, k);
    p(col + i) = v(col + i) + sum;
  }
  if (!solve_upper(wt_, col, p.data() + col, /*transposed=*/true)) return false;
  for (Index i = 0; i < col; ++i) p(i) = v(i) / std::sqrt(sy_(i, i));
  if (!solve_upper(wt_, col, p.data() + col, /*transposed=*/false)) return false;
  for (Index i = 0; i < col; ++i) p(i) = -p(i) / std::sqrt(sy_(i, i));
  for (Index i = 0; i < col; ++i) {
    double sum = 0;
    for (Index k = i + 1; k < col; ++k) sum += sy_(k, i) * p(col + k) / sy_(i, i);
    p(i) += sum;
  }
  return true;
}

// T = theta S'S + L D^-1 L' and its Cholesky factor (formt).
bool Lbfgsb::form_t() {
  for (Index j = 0; j < col_; ++j) wt_(0, j) = theta_ * ss_(0, j);
  for (Index i = 1; i < col_; ++i) {
    for (Index j = i; j < col_; ++j) {
      double ddum = 0;
      for (Index k = 0; k < i; ++k) ddum += sy_(i, k) * sy_(j, k) / sy_(k, k);
      wt_(i, j) = ddum + theta_ * ss_(i, j);
    }
  }
  return cholesky_upper(wt_, 0, col_);
}

// Adds the correction pair (s, y), dropping the oldest when m are held (matupd).
void Lbfgsb::update_memory(const Vector& s, const Vector& y, double rr, double dr, double stp, double dtd) {
  if (iupdat_ <= m_) {
    col_ = iupdat_;
    itail_ = (head_ + iupdat_ - 1) % m_;
  } else {
    itail_ = (itail_ + 1) % m_;
    head_ = (head_ + 1) % m_;
  }
  ws_.col(itail_) = s;
  wy_.col(itail_) = y;
  theta_ = rr / dr;
  if (iupdat_ > m_) {  // shift the old inner products up and left
    for (Index j = 0; j + 1 < col_; ++j) {
      for (Index i = 0; i <= j; ++i) {
        ss_(i, j) = ss_(i + 1, j + 1);
        yy_(i, j) = yy_(i + 1, j + 1);
        sy_upper_(i, j) = sy_upper_(i + 1, j + 1);
      }
      for (Index i = j; i + 1 < col_; ++i) sy_(i, j) = sy_(i + 1, j + 1);
    }
  }
  // The new inner products with every stored correction at once: two
  // matrix products (BLAS gemm) instead of 4 (m - 1) dot products.
  Matrix sy_new(n_, 2);
  sy_new << s, y;
  const Matrix ws_sy = ws_.transpose() * sy_new, wy_sy = wy_.transpose() * sy_new;
  for (Index j = 0; j + 1 < col_; ++j) {
    const Index p = pointer(j);
    sy_(col_ - 1, j) = wy_sy(p, 0);
    ss_(j, col_ - 1) = ws_sy(p, 0);
    yy_(j, col_ - 1) = wy_sy(p, 1);
    sy_upper_(j, col_ - 1) = ws_sy(p, 1);
  }
  ss_(col_ - 1, col_ - 1) = stp == 1 ? dtd : stp * stp * dtd;
  sy_(col_ - 1, col_ - 1) = dr;
  yy_(col_ - 1, col_ - 1) = rr;
}

// max_i |P(x - g) - x|_i, the optimality measure (projgr).
double Lbfgsb::projected_gradient_norm() const {
  double norm = 0;
  for (Index i = 0; i < n_; ++i) {
    double gi = g_(i);
    const int nbd = nbd_[static_cast<std::size_t>(i)];
    if (nbd != kFree) {
      if (gi < 0) {
        if (has_upper(nbd)) gi = std::max(x_(i) - u_(i), gi);
      } else {
        if (has_lower(nbd)) gi = std::min(x_(i) - l_(i), gi);
      }
    }
    norm = std::max(norm, std::abs(gi));
  }
  return norm;
}

// The generalized Cauchy point z: the first local minimizer of the quadratic
// model along x(t) = P(x - t g), found interval by interval between the
// breakpoints where a variable reaches a bound (Byrd et al. 1995, Sec. 4).
// Also leaves c = W'(z - x). False on a singular middle matrix.
bool Lbfgsb::cauchy_point() {
  z_ = x_;
  const Index col2 = 2 * col_;
  c_ = Vector::Zero(col2);
  if (projected_gradient_norm() <= 0) return true;
  Vector d = Vector::Zero(n_);
  Vector p = Vector::Zero(col2);
  std::vector<std::pair<double, Index>> breaks;  // (t, variable)
  bool bounded = true;
  Index n_unbounded = 0;
  double f1 = 0;
  for (Index i = 0; i < n_; ++i) {
    const auto iu = static_cast<std::size_t>(i);
    const double neggi = -g_(i);
    const int nbd = nbd_[iu];
    double tl = 0, tu = 0;
    if (iwhere_[iu] != 3 && iwhere_[iu] != -1) {
      if (has_lower(nbd)) tl = x_(i) - l_(i);
      if (has_upper(nbd)) tu = u_(i) - x_(i);
      const bool at_lower = has_lower(nbd) && tl <= 0;
      const bool at_upper = has_upper(nbd) && tu <= 0;
      iwhere_[iu] = 0;
      if (at_lower) {
        if (neggi <= 0) iwhere_[iu] = 1;
      } else if (at_upper) {
        if (neggi >= 0) iwhere_[iu] = 2;
      } else if (std::abs(neggi) <= 0) {
        iwhere_[iu] = -3;
      }
    }
    if (iwhere_[iu] != 0 && iwhere_[iu] != -1) continue;  // d(i) = 0
    d(i) = neggi;
    f1 -= neggi * neggi;
    for (Index j = 0; j < col_; ++j) {  // p = W'd
      p(j) += wy_(i, pointer(j)) * neggi;
      p(col_ + j) += ws_(i, pointer(j)) * neggi;
    }
    if (has_lower(nbd) && neggi < 0) {
      breaks.emplace_back(tl / -neggi, i);
    } else if (has_upper(nbd) && neggi > 0) {
      breaks.emplace_back(tu / neggi, i);
    } else {
      ++n_unbounded;
      if (std::abs(neggi) > 0) bounded = false;
    }
  }
  if (theta_ != 1) p.tail(col_) *= theta_;
  if (breaks.empty() && n_unbounded == 0) return true;  // d = 0

  double f2 = -theta_ * f1;
  const double f2_org = f2;
  Vector v;
  if (col_ > 0) {
    if (!bmv(p, v)) return false;
    f2 -= v.dot(p);
  }
  double dtm = -f1 / f2;
  double tsum = 0;
  // The smallest breakpoint first (often the only one used), then the rest
  // in increasing order.
  if (!breaks.empty()) {
    const auto first = std::min_element(breaks.begin(), breaks.end(),
                                        [](const auto& a, const auto& b) { return a.first < b.first; });
    std::iter_swap(breaks.begin(), first);
    std::stable_sort(breaks.begin() + 1, breaks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  const Index nbreak = static_cast<Index>(breaks.size());
  double tj = 0;
  bool all_fixed = false;
  Vector wbp(col2);
  for (Index k = 0; k < nbreak; ++k) {
    const double tj0 = tj;
    tj = breaks[static_cast<std::size_t>(k)].first;
    const Index ibp = breaks[static_cast<std::size_t>(k)].second;
    const double dt = tj - tj0;
    if (dtm < dt) break;  // the minimizer lies in this interval
    // Fix variable ibp at its bound and move on to the next interval.
    tsum += dt;
    const Index nleft = nbreak - k - 1;
    const double dibp = d(ibp);
    d(ibp) = 0;
    double zibp;
    const auto ibu = static_cast<std::size_t>(ibp);
    if (dibp > 0) {
      zibp = u_(ibp) - x_(ibp);
      z_(ibp) = u_(ibp);
      iwhere_[ibu] = 2;
    } else {
      zibp = l_(ibp) - x_(ibp);
      z_(ibp) = l_(ibp);
      iwhere_[ibu] = 1;
    }
    if (nleft == 0 && nbreak == n_) {  // every variable is at a bound: z is the Cauchy point
      dtm = dt;
      all_fixed = true;
      break;
    }
    const double dibp2 = dibp * dibp;
    f1 = f1 + dt * f2 + dibp2 - theta_ * dibp * zibp;
    f2 -= theta_ * dibp2;
    if (col_ > 0) {
      c_ += dt * p;
      for (Index j = 0; j < col_; ++j) {
        wbp(j) = wy_(ibp, pointer(j));
        wbp(col_ + j) = theta_ * ws_(ibp, pointer(j));
      }
      if (!bmv(wbp, v)) return false;
      const double wmc = c_.dot(v), wmp = p.dot(v), wmw = wbp.dot(v);
      p -= dibp * wbp;
      f1 += dibp * wmc;
      f2 += 2.0 * dibp * wmp - dibp2 * wmw;
    }
    f2 = std::max(kEps * f2_org, f2);
    if (nleft > 0) {
      dtm = -f1 / f2;
    } else if (bounded) {
      f1 = f2 = dtm = 0;
    } else {
      dtm = -f1 / f2;
    }
  }
  if (!all_fixed) {
    if (dtm <= 0) dtm = 0;
    tsum += dtm;
    z_ += tsum * d;  // the variables that reached no bound move on
  }
  if (col_ > 0) c_ += dtm * p;
  return true;
}

// The free set at the Cauchy point; true when it changed (freev's wrk).
bool Lbfgsb::free_variables_changed() {
  std::vector<char> free(static_cast<std::size_t>(n_));
  nfree_ = 0;
  Index active = n_;
  for (Index i = 0; i < n_; ++i) {
    const auto iu = static_cast<std::size_t>(i);
    free[iu] = iwhere_[iu] <= 0;
    if (free[iu]) {
      index_[static_cast<std::size_t>(nfree_++)] = i;
    } else {
      index_[static_cast<std::size_t>(--active)] = i;
    }
  }
  const bool changed = constrained_ && !was_free_.empty() && free != was_free_;
  was_free_ = std::move(free);
  return changed;
}

// The middle matrix of the subspace problem over the free variables Z (A:
// the active ones), K = [-D - Y'ZZ'Y/theta, L_a' - R_z'; L_a - R_z,
// theta S'AA'S], as the upper factor of its LEL' factorization (formk).
bool Lbfgsb::form_k() {
  const Index col = col_;
  Matrix b11(col, col), b12(col, col), b22(col, col);
  if (nfree_ == n_) {
    // No bound active: Y'ZZ'Y = Y'Y and S'ZZ'Y = S'Y, kept up to date by
    // update_memory, and the S'AA' terms vanish. O(m^2), where the general
    // case below costs O(m^2 n).
    for (Index i = 0; i < col; ++i) {
      for (Index j = 0; j < col; ++j) {
        b11(i, j) = (i <= j ? yy_(i, j) : yy_(j, i)) / theta_ + (i == j ? sy_(i, i) : 0.0);
        b12(j, i) = i > j ? 0.0 : (i == j ? sy_(i, i) : sy_upper_(i, j));
        b22(i, j) = 0;
      }
    }
  } else {
    // The corrections restricted to the free (Z) and active (A) rows.
    const Index nactive = n_ - nfree_;
    Matrix yz(nfree_, col), sz(nfree_, col), ya(nactive, col), sa(nactive, col);
    for (Index j = 0; j < col; ++j) {
      const Index p = pointer(j);
      for (Index f = 0; f < n_; ++f) {
        const Index k = index_[static_cast<std::size_t>(f)];
        if (f < nfree_) {
          yz(f, j) = wy_(k, p);
          sz(f, j) = ws_(k, p);
        } else {
          ya(f - nfree_, j) = wy_(k, p);
          sa(f - nfree_, j) = ws_(k, p);
        }
      }
    }
    const Matrix yy = yz.transpose() * yz, sy_free = sz.transpose() * yz, sy_active = sa.transpose() * ya;
    b22.noalias() = theta_ * (sa.transpose() * sa);
    for (Index i = 0; i < col; ++i) {
      for (Index j = 0; j < col; ++j) {
        b11(i, j) = yy(i, j) / theta_ + (i == j ? sy_(i, i) : 0.0);
        // Row j, column i of -L_a' + R_z': L_a strictly lower in S'AA'Y, R_z upper in S'ZZ'Y.
        b12(j, i) = i > j ? -sy_active(i, j) : sy_free(i, j);
      }
    }
  }
  wn_.setZero();
  wn_.topLeftCorner(col, col) = b11;
  if (!cholesky_upper(wn_, 0, col)) return false;
  for (Index js = 0; js < col; ++js) {
    Vector column = b12.col(js);
    if (!solve_upper(wn_, col, column.data(), /*transposed=*/true)) return false;
    wn_.block(0, col + js, col, 1) = column;
  }
  for (Index i = 0; i < col; ++i) {
    for (Index j = i; j < col; ++j) {
      wn_(col + i, col + j) = b22(i, j) + wn_.col(col + i).head(col).dot(wn_.col(col + j).head(col));
    }
  }
  return cholesky_upper(wn_, col, col);
}

// r = -Z'(B(z - x) + g), the reduced gradient at the Cauchy point (cmprlb).
bool Lbfgsb::reduced_gradient() {
  r_.resize(nfree_);
  if (!constrained_ && col_ > 0) {
    for (Index i = 0; i < nfree_; ++i) r_(i) = -g_(index_[static_cast<std::size_t>(i)]);
    return true;
  }
  for (Index i = 0; i < nfree_; ++i) {
    const Index k = index_[static_cast<std::size_t>(i)];
    r_(i) = -theta_ * (z_(k) - x_(k)) - g_(k);
  }
  Vector v;
  if (!bmv(c_, v)) return false;
  for (Index j = 0; j < col_; ++j) {
    const double a1 = v(j), a2 = theta_ * v(col_ + j);
    const Index p = pointer(j);
    for (Index i = 0; i < nfree_; ++i) {
      const Index k = index_[static_cast<std::size_t>(i)];
      r_(i) += wy_(k, p) * a1 + ws_(k, p) * a2;
    }
  }
  return true;
}

// The Newton step of the quadratic model over the free variables from the
// Cauchy point, projected onto the box; if that does not descend, the
// unprojected step shortened to stay feasible (subsm, v3.0).
bool Lbfgsb::subspace_minimization() {
  const Index col = col_;
  // With every variable free, index_ is the identity and Z'W's columns are
  // whole columns of W: vectorized products instead of gathers.
  const bool all_free = nfree_ == n_;
  Vector wv(2 * col);
  Vector wy_r, ws_r;  // with every variable free: W'd by two BLAS gemv
  if (all_free) {
    wy_r = wy_.transpose() * r_;
    ws_r = ws_.transpose() * r_;
  }
  for (Index i = 0; i < col; ++i) {  // wv = W'Z d
    const Index p = pointer(i);
    double t1 = 0, t2 = 0;
    if (all_free) {
      t1 = wy_r(p);
      t2 = ws_r(p);
    } else {
      for (Index j = 0; j < nfree_; ++j) {
        const Index k = index_[static_cast<std::size_t>(j)];
        t1 += wy_(k, p) * r_(j);
        t2 += ws_(k, p) * r_(j);
      }
    }
    wv(i) = t1;
    wv(col + i) = theta_ * t2;
  }
  if (!solve_upper(wn_, 2 * col, wv.data(), /*transposed=*/true)) return false;
  wv.head(col) = -wv.head(col);
  if (!solve_upper(wn_, 2 * col, wv.data(), /*transposed=*/false)) return false;
  Vector& d = r_;  // d = (1/theta) r + (1/theta^2) Z'W wv
  if (all_free) {  // two BLAS gemv on the stored columns, in storage order
    Vector cy = Vector::Zero(m_), cs = Vector::Zero(m_);
    for (Index jy = 0; jy < col; ++jy) {
      cy(pointer(jy)) = wv(jy) / theta_;
      cs(pointer(jy)) = wv(col + jy);
    }
    d += wy_ * cy + ws_ * cs;
  }
  for (Index jy = 0; jy < col && !all_free; ++jy) {
    const Index p = pointer(jy);
    for (Index i = 0; i < nfree_; ++i) {
      const Index k = index_[static_cast<std::size_t>(i)];
      d(i) += wy_(k, p) * wv(jy) / theta_ + ws_(k, p) * wv(col + jy);
    }
  }
  d *= 1 / theta_;

  const Vector z_cauchy = z_;
  for (Index i = 0; i < nfree_; ++i) {  // the projected Newton point
    const Index k = index_[static_cast<std::size_t>(i)];
    const int nbd = nbd_[static_cast<std::size_t>(k)];
    double v = z_(k) + d(i);
    if (has_lower(nbd)) v = std::max(l_(k), v);
    if (has_upper(nbd)) v = std::min(u_(k), v);
    z_(k) = v;
  }
  if ((z_ - x_).dot(g_) <= 0) return true;

  // Not a descent direction: back to the Cauchy point, and the longest
  // feasible step along d from it.
  z_ = z_cauchy;
  double alpha = 1, temp1 = alpha;
  Index ibd = -1;
  for (Index i = 0; i < nfree_; ++i) {
    const Index k = index_[static_cast<std::size_t>(i)];
    const int nbd = nbd_[static_cast<std::size_t>(k)];
    const double dk = d(i);
    if (nbd == kFree) continue;
    if (dk < 0 && has_lower(nbd)) {
      const double t2 = l_(k) - z_(k);
      if (t2 >= 0) {
        temp1 = 0;
      } else if (dk * alpha < t2) {
        temp1 = t2 / dk;
      }
    } else if (dk > 0 && has_upper(nbd)) {
      const double t2 = u_(k) - z_(k);
      if (t2 <= 0) {
        temp1 = 0;
      } else if (dk * alpha > t2) {
        temp1 = t2 / dk;
      }
    }
    if (temp1 < alpha) {
      alpha = temp1;
      ibd = i;
    }
  }
  if (alpha < 1 && ibd >= 0) {
    const Index k = index_[static_cast<std::size_t>(ibd)];
    if (d(ibd) > 0) {
      z_(k) = u_(k);
      d(ibd) = 0;
    } else if (d(ibd) < 0) {
      z_(k) = l_(k);
      d(ibd) = 0;
    }
  }
  for (Index i = 0; i < nfree_; ++i) z_(index_[static_cast<std::size_t>(i)]) += alpha * d(i);
  return true;
}

OptimizeResult Lbfgsb::run() {
  const double factr = *options_.ftol / kEps;
  const double pgtol = *options_.gtol;
  const auto evaluate = [&] {  // SciPy's fun_and_grad
    f_ = objective_.fun(x_);
    g_ = objective_.grad(x_);
  };
  evaluate();
  OptimizeResult result;
  int iter = 0;        // L-BFGS-B's own count
  int nit = 0;         // the driver's (SciPy's nit)
  bool stop = false;
  std::string message;
  int status = 0;
  double sbgnrm = projected_gradient_norm();
  if (sbgnrm <= pgtol) message = "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL";
  while (message.empty()) {
    // The search direction: Cauchy point, then subspace minimization.
    bool wrk;
    if (!constrained_ && col_ > 0) {
      z_ = x_;
      wrk = updatd_;
    } else {
      if (!cauchy_point()) {
        reset_memory();
        continue;
      }
      wrk = free_variables_changed() || updatd_;
    }
    if (nfree_ != 0 && col_ != 0) {
      if ((wrk && !form_k()) || !reduced_gradient() || !subspace_minimization()) {
        reset_memory();
        continue;
      }
    }
    Vector d = z_ - x_;

    // The line search (lnsrlb): the longest feasible step bounds it.
    const double dtd = d.squaredNorm();
    const double dnorm = std::sqrt(dtd);
    double stpmx = 1e10;
    if (constrained_) {
      if (iter == 0) {
        stpmx = 1;
      } else {
        for (Index i = 0; i < n_; ++i) {
          const int nbd = nbd_[static_cast<std::size_t>(i)];
          const double a1 = d(i);
          if (nbd == kFree) continue;
          if (a1 < 0 && has_lower(nbd)) {
            const double a2 = l_(i) - x_(i);
            if (a2 >= 0) {
              stpmx = 0;
            } else if (a1 * stpmx < a2) {
              stpmx = a2 / a1;
            }
          } else if (a1 > 0 && has_upper(nbd)) {
            const double a2 = u_(i) - x_(i);
            if (a2 <= 0) {
              stpmx = 0;
            } else if (a1 * stpmx > a2) {
              stpmx = a2 / a1;
            }
          }
        }
      }
    }
    double stp = iter == 0 && !boxed_ ? std::min(1 / dnorm, stpmx) : 1.0;
    const Vector x_old = x_, g_old = g_;
    const double f_old = f_;
    double gd = g_.dot(d);
    const double gdold = gd;
    bool failed = gd >= 0;  // not a descent direction
    if (!failed) {
      Dcsrch search(1e-3, 0.9, 0.1, 0, stpmx, Dcsrch::NanStep::to_stpmin);
      Dcsrch::Task task = search.start(stp, f_, gd);
      for (int evaluations = 0; task == Dcsrch::Task::fg; ++evaluations) {
        if (evaluations >= options_.maxls) {
          failed = true;
          break;
        }
        stp = search.step();
        x_ = stp == 1 ? z_ : Vector(stp * d + x_old);
        evaluate();
        gd = g_.dot(d);
        task = search.iterate(f_, gd);
      }
      failed = failed || task == Dcsrch::Task::error;
    }
    if (failed) {
      x_ = x_old;
      g_ = g_old;
      f_ = f_old;
      if (col_ == 0) {
        status = 2;
        message = "ABNORMAL: ";
        break;
      }
      reset_memory();
      continue;
    }

    // A new iterate: the driver's checks, then L-BFGS-B's own tests.
    ++iter;
    ++nit;
    sbgnrm = projected_gradient_norm();
    if (options_.callback && options_.callback(OptimizeResult{.x = x_, .fun = f_})) {
      stop = true;
      message = "STOP: CALLBACK REQUESTED HALT";
      break;
    }
    if (nit >= options_.maxiter) {
      message = "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT";
      break;
    }
    if (objective_.nfev() > options_.maxfun) {
      message = "STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT";
      break;
    }
    if (sbgnrm <= pgtol) {
      message = "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL";
      break;
    }
    if (f_old - f_ <= factr * kEps * std::max({std::abs(f_old), std::abs(f_), 1.0})) {
      message = "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH";
      break;
    }
    // Update the limited-memory matrix with s = x - x_old, y = g - g_old,
    // unless the curvature y's is not safely positive.
    const Vector y = g_ - g_old;
    const double rr = y.squaredNorm();
    double dr, ddum;
    if (stp == 1) {
      dr = gd - gdold;
      ddum = -gdold;
    } else {
      dr = (gd - gdold) * stp;
      d *= stp;
      ddum = -gdold * stp;
    }
    if (dr <= kEps * ddum) {
      updatd_ = false;
      continue;
    }
    updatd_ = true;
    ++iupdat_;
    update_memory(d, y, rr, dr, stp, dtd);
    if (!form_t()) reset_memory();
  }
  result.x = x_;
  result.fun = f_;
  result.jac = g_;
  result.nit = nit;
  result.nfev = objective_.nfev();
  result.njev = objective_.ngev();
  if (message.rfind("CONVERGENCE", 0) == 0) {
    status = 0;
  } else if (message.rfind("STOP", 0) == 0) {
    status = stop ? 99 : 1;
  }
  result.status = status;
  result.success = status == 0;
  result.message = message;
  return result;
}

}  // namespace

OptimizeResult minimize_lbfgsb(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options) {
  return Lbfgsb(objective, x0, options).run();
}

}  // namespace scilearn::optimize::detail
