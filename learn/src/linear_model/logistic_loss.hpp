#pragma once
// The objective of LogisticRegression (scikit-learn's LinearModelLoss with the
// binomial or multinomial loss): its value and gradient, computed in blocks of
// rows over dense or CSR X, and its Hessian as products with a vector. Shared
// by the solvers of logistic_regression.cpp and logistic_newton_cg.cpp.

#include <algorithm>
#include <cmath>
#include <scilearn/core/types.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn::detail {

// log(1 + exp(r)) without overflow, and without losing r when r is large.
inline double softplus(double r) { return r > 0 ? r + std::log1p(std::exp(-r)) : std::log1p(std::exp(r)); }
// 1 / (1 + exp(-r)) without overflow.
inline double expit(double r) {
  if (r >= 0) return 1 / (1 + std::exp(-r));
  const double e = std::exp(r);
  return e / (1 + e);
}

// The penalized, weighted mean loss of scikit-learn's LinearModelLoss and its
// gradient, on the parameter vector laid out as scikit-learn ravels it for
// L-BFGS: W (K x p, column-major: the K classes of a feature are contiguous)
// then the K intercepts when fit_intercept. K = 1 for two classes (binomial
// loss, y in {0, 1}), K = n_classes otherwise (multinomial loss).
//
// The rows of X are split into chunks of a fixed size (which depends on n and
// p only); each chunk is processed in blocks small enough to stay in cache, so
// that X is read from memory once per evaluation for both X W^T and the
// gradient's X^T G. Chunks run in parallel and their partial sums are added in
// chunk order, so the result does not depend on the thread count. XType is
// a dense view or a CSR matrix (whose row blocks are as cheap to take).
template <class XType>
class LogisticLoss {
 public:
  LogisticLoss(const XType& X, std::vector<int> y, Vector weight, Index K, bool fit_intercept, double l2, int threads)
      : X_(X), y_(std::move(y)), w_(std::move(weight)), K_(K), p_(X.cols()), fit_intercept_(fit_intercept), l2_(l2) {
    const Index n = X.rows();
    if (K_ == 1) y01_ = Eigen::Map<const Eigen::VectorXi>(y_.data(), n).cast<double>();
    // A block of X (block_ x p doubles) of about 256 KiB stays in L2 between
    // its two products.
    block_ = std::clamp<Index>(32768 / std::max<Index>(p_, 1), 16, 4096);
    chunk_ = std::max<Index>(8 * block_, (n + 255) / 256);
    chunk_ = (chunk_ + block_ - 1) / block_ * block_;
    n_chunks_ = (n + chunk_ - 1) / chunk_;
    partial_.resize(K_ * p_ + K_ + 1, n_chunks_);
    threads_ = static_cast<int>(std::max<Index>(1, std::min<Index>(threads, n_chunks_)));
  }

  [[nodiscard]] Index size() const { return K_ * p_ + (fit_intercept_ ? K_ : 0); }
  [[nodiscard]] int threads() const { return threads_; }

  // The objective at x; its gradient into grad (sized like x).
  double operator()(const Vector& x, Vector& grad) {
    const Eigen::Map<const Matrix> W(x.data(), K_, p_);
    Vector b = fit_intercept_ ? Vector(x.tail(K_)) : Vector::Zero(K_);
#pragma omp parallel num_threads(threads_)
    {
      Scratch scratch{Matrix(block_, K_), Matrix(block_, K_), Eigen::RowVectorXd(block_), Eigen::RowVectorXd(block_)};
#pragma omp for schedule(dynamic, 1)
      for (Index c = 0; c < n_chunks_; ++c) chunk(c, W, b, scratch);
    }
    // The chunks' sums, in chunk order.
    Vector total = partial_.col(0);
    for (Index c = 1; c < n_chunks_; ++c) total += partial_.col(c);
    grad.resize(size());
    Eigen::Map<Matrix>(grad.data(), K_, p_) = Eigen::Map<const Matrix>(total.data(), K_, p_) + l2_ * W;
    if (fit_intercept_) grad.tail(K_) = total.segment(K_ * p_, K_);
    return total(K_ * p_ + K_) + 0.5 * l2_ * W.squaredNorm();
  }

  // The scores X W^T + b at x: n x K (K = 1: of the positive class).
  [[nodiscard]] Matrix raw(const Vector& x) const {
    const Eigen::Map<const Matrix> W(x.data(), K_, p_);
    Matrix r = X_ * W.transpose();
    if (fit_intercept_) r.rowwise() += x.tail(K_).transpose();
    return r;
  }

  // Probabilities at x: n x K, the logistic function of raw(x) (K = 1: of
  // the positive class) or its softmax per row.
  [[nodiscard]] Matrix probabilities(const Vector& x) const {
    Matrix P = raw(x);
    if (K_ == 1) return P.unaryExpr([](double r) { return expit(r); });
    for (Index i = 0; i < P.rows(); ++i) {
      auto row = P.row(i);
      row.array() = (row.array() - row.maxCoeff()).exp();
      row /= row.sum();
    }
    return P;
  }

  // The Hessian at x as products, never formed (scikit-learn's
  // gradient_hessian_product): set_curvature(x) keeps what the products need
  // (K = 1: s_i p_i (1 - p_i); K > 1: the probabilities, n x K), then
  // hessp(v, out) gives H v = (1 / S) sum_i s_i [x_i; 1] (H_i [x_i; 1]^T V)
  // + l2 V_W, H_i = diag(P_i) - P_i P_i^T, in the layout of x. Each product
  // runs over the same blocks as the gradient: O(nnz(X) K).
  void set_curvature(const Vector& x) {
    curvature_ = probabilities(x);
    if (K_ == 1) curvature_.col(0).array() *= w_.array() * (1 - curvature_.col(0).array());
  }

  void hessp(const Vector& v, Vector& out) {
    const Eigen::Map<const Matrix> V(v.data(), K_, p_);
    const Vector vb = fit_intercept_ ? Vector(v.tail(K_)) : Vector::Zero(K_);
#pragma omp parallel num_threads(threads_)
    {
      Scratch scratch{Matrix(block_, K_), Matrix(), Eigen::RowVectorXd(block_), Eigen::RowVectorXd()};
#pragma omp for schedule(dynamic, 1)
      for (Index c = 0; c < n_chunks_; ++c) hessp_chunk(c, V, vb, scratch);
    }
    Vector total = partial_.col(0).head(K_ * p_ + K_);
    for (Index c = 1; c < n_chunks_; ++c) total += partial_.col(c).head(K_ * p_ + K_);
    out.resize(size());
    Eigen::Map<Matrix>(out.data(), K_, p_) = Eigen::Map<const Matrix>(total.data(), K_, p_) + l2_ * V;
    if (fit_intercept_) out.tail(K_) = total.segment(K_ * p_, K_);
  }

  [[nodiscard]] const std::vector<int>& y() const { return y_; }
  [[nodiscard]] const Vector& weight() const { return w_; }

 private:
  // Per-thread scratch of one block.
  struct Scratch {
    Matrix raw, g;
    Eigen::RowVectorXd u, v;
  };

  void chunk(Index c, const Eigen::Map<const Matrix>& W, const Vector& b, Scratch& s) {
    const Index n = X_.rows();
    const Index begin = c * chunk_, end = std::min(n, begin + chunk_);
    auto out = partial_.col(c);
    auto grad_W = Eigen::Map<Matrix>(out.data(), K_, p_);
    grad_W.setZero();
    Vector g_sum = Vector::Zero(K_);
    double loss = 0;
    for (Index start = begin; start < end; start += block_) {
      const Index m = std::min(block_, end - start);
      const auto Xb = X_.middleRows(start, m);
      const auto w = w_.segment(start, m).array().transpose();
      if (K_ == 1) {
        // Binomial: loss log(1 + e^r) - y r, gradient expit(r) - y, with
        // e = exp(-|r|) <= 1 in both so that nothing overflows.
        Eigen::Map<Vector> r(s.raw.data(), m), gr(s.g.data(), m);
        r.noalias() = Xb * Eigen::Map<const Vector>(W.data(), p_);
        r.array() += b(0);
        auto e = s.u.head(m).array();
        e = (-r.array().abs()).exp();
        const auto y = y01_.segment(start, m).array().transpose();
        const auto rt = r.array().transpose();
        // log1p(e) as log(u) e / (u - 1) with u = 1 + e (exact to a few ulps,
        // Goldberg 1991): Eigen vectorizes log but not log1p for doubles.
        const auto u = 1.0 + e;
        const auto log1p_e = (u == 1.0).select(e, u.log() * e / (u - 1.0));
        loss += (w * (rt.max(0.0) + log1p_e - y * rt)).sum();
        gr.array().transpose() = w * ((rt >= 0).select(1.0, e) / (1 + e) - y);
        Eigen::Map<Vector>(out.data(), p_).noalias() += Xb.transpose() * gr;
        g_sum(0) += gr.sum();
      } else {
        // Multinomial: loss logsumexp(r) - r_y, gradient softmax(r) - onehot(y),
        // the exponentials taken after subtracting each sample's largest score.
        // Scores are m x K (samples down the columns): the product reads the
        // block of X by columns, and the per-sample steps vectorize over samples.
        auto r = s.raw.topRows(m);
        auto gb = s.g.topRows(m);
        r.noalias() = Xb * W.transpose();
        r.rowwise() += b.transpose();
        auto top = s.u.head(m).transpose();
        auto sum = s.v.head(m).transpose();
        top = r.rowwise().maxCoeff();
        gb.array() = (r.colwise() - top).array().exp();
        sum = gb.rowwise().sum();
        loss += (w * (top.array() + sum.array().log()).transpose()).sum();
        gb.array().colwise() *= (w.transpose() / sum.array());
        for (Index i = 0; i < m; ++i) {
          const int yi = y_[static_cast<std::size_t>(start + i)];
          const double wi = w(i);
          loss -= wi * r(i, yi);
          gb(i, yi) -= wi;
        }
        grad_W.noalias() += gb.transpose() * Xb;
        g_sum += gb.colwise().sum().transpose();
      }
    }
    out.segment(K_ * p_, K_) = g_sum;
    out(K_ * p_ + K_) = loss;
  }

  // One chunk of hessp: its rows' sum of [x_i; 1] (H_i [x_i; 1]^T V), with
  // H_i's weight, into the chunk's column of partial_.
  void hessp_chunk(Index c, const Eigen::Map<const Matrix>& V, const Vector& vb, Scratch& s) {
    const Index n = X_.rows();
    const Index begin = c * chunk_, end = std::min(n, begin + chunk_);
    auto out = partial_.col(c);
    auto out_W = Eigen::Map<Matrix>(out.data(), K_, p_);
    out_W.setZero();
    Vector out_b = Vector::Zero(K_);
    for (Index start = begin; start < end; start += block_) {
      const Index m = std::min(block_, end - start);
      const auto Xb = X_.middleRows(start, m);
      const auto P = curvature_.middleRows(start, m);
      auto t = s.raw.topRows(m);  // m x K: [x_i; 1]^T V, then H_i times it
      t.noalias() = Xb * V.transpose();
      t.rowwise() += vb.transpose();
      if (K_ == 1) {
        t.array() *= P.array();
      } else {
        // H_i t_i = P_i * (t_i - P_i . t_i), weighted by s_i.
        auto dot = s.u.head(m).transpose();
        dot = (P.array() * t.array()).rowwise().sum().matrix();
        t.array() = ((t.colwise() - dot).array() * P.array()).colwise() * w_.segment(start, m).array();
      }
      out_W.noalias() += t.transpose() * Xb;
      out_b += t.colwise().sum().transpose();
    }
    out.segment(K_ * p_, K_) = out_b;
  }

  const XType& X_;
  std::vector<int> y_;  // class index (K = 1: 1 for the positive class, else 0)
  Vector y01_;          // K = 1: y_ as doubles
  Vector w_;            // sample weight / sum of the sample weights
  Index K_, p_;
  bool fit_intercept_;
  double l2_;
  Index block_ = 0, chunk_ = 0, n_chunks_ = 0;
  int threads_ = 1;
  Matrix partial_;    // per chunk: gradient of W (K p), of b (K), loss (1); or a Hessian product's K p + K
  Matrix curvature_;  // set_curvature's n x K
};

}  // namespace scilearn::learn::detail
