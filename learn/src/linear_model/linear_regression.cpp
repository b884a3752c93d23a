#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <optional>
#include <scilearn/core/parallel.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <scilearn/optimize/nnls.hpp>
#include <vector>

namespace scilearn::learn {

namespace {

// The normal equations of the centered, weighted problem, accumulated over
// fixed chunks of rows (the sum's order does not depend on the thread count).
// Rows are centered a block at a time, so X is never copied whole.
constexpr Index chunk_rows = 65536;
constexpr Index block_rows = 4096;

struct NormalEquations {
  Matrix gram;  // lower triangle of A'A, A = sqrt(w) (X - x_offset)
  Vector rhs;   // A' sqrt(w) (y - y_offset - X coef) for the given coef (0: A' b)
};

// Visits the rows of A and b in blocks: f(chunk, A_block, b_block).
template <class F>
void for_each_block(const MatrixView& X, const VectorView& y, const Vector* w, const Vector& x_offset, double y_offset,
                    Index first, Index last, F&& f) {
  Matrix a;
  Vector b;
  for (Index start = first; start < last; start += block_rows) {
    const Index rows = std::min(block_rows, last - start);
    a = X.middleRows(start, rows).rowwise() - x_offset.transpose();
    b = y.segment(start, rows).array() - y_offset;
    if (w) {
      const Vector root = w->segment(start, rows).cwiseSqrt();
      a = root.asDiagonal() * a;
      b = b.cwiseProduct(root);
    }
    f(a, b);
  }
}

// gram (optional) and rhs = A'(b - A coef), summed over chunks in order.
NormalEquations accumulate(const MatrixView& X, const VectorView& y, const Vector* w, const Vector& x_offset,
                           double y_offset, const Vector* coef, bool with_gram) {
  const Index n = X.rows(), p = X.cols();
  const Index chunks = (n + chunk_rows - 1) / chunk_rows;
  std::vector<NormalEquations> partial(static_cast<std::size_t>(chunks));
  const int threads = std::min<int>(effective_n_jobs(-1), static_cast<int>(chunks));
  std::optional<BlasThreadLimit> single_blas;
  if (threads > 1) single_blas.emplace(1);  // our threads, not BLAS's, run the chunks
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) if (threads > 1)
  for (Index c = 0; c < chunks; ++c) {
    NormalEquations& part = partial[static_cast<std::size_t>(c)];
    if (with_gram) part.gram = Matrix::Zero(p, p);
    part.rhs = Vector::Zero(p);
    for_each_block(X, y, w, x_offset, y_offset, c * chunk_rows, std::min(n, (c + 1) * chunk_rows),
                   [&](const Matrix& a, Vector& b) {
                     if (with_gram) part.gram.selfadjointView<Eigen::Lower>().rankUpdate(a.transpose());
                     if (coef) b.noalias() -= a * *coef;
                     part.rhs.noalias() += a.transpose() * b;
                   });
  }
  NormalEquations total{with_gram ? Matrix::Zero(p, p) : Matrix(), Vector::Zero(p)};
  for (const auto& part : partial) {
    if (with_gram) total.gram += part.gram;
    total.rhs += part.rhs;
  }
  return total;
}

// The fast path for well-conditioned X (cond <= 1e4): Cholesky of the normal
// equations plus one round of iterative refinement on the true residual
// (Björck's corrected semi-normal equations), which brings the error of the
// coefficients from cond^2 eps down to the order of a QR solution's. One
// rank-p update pass and one residual pass over X instead of gelsd's
// Householder QR and SVD of a copy: several times faster for n >> p.
// Returns nothing when X is too ill-conditioned, or rank-deficient at `tol`:
// then the caller uses gelsd.
std::optional<LinearRegressionFitted> solve_normal_equations(const MatrixView& X, const VectorView& y, const Vector* w,
                                                             const Vector& x_offset, double y_offset, double tol) {
  const NormalEquations normal = accumulate(X, y, w, x_offset, y_offset, nullptr, true);
  const Matrix gram = normal.gram.selfadjointView<Eigen::Lower>();
  const Eigen::SelfAdjointEigenSolver<Matrix> eigen(gram, Eigen::EigenvaluesOnly);
  if (eigen.info() != Eigen::Success) return std::nullopt;
  const Vector lambda = eigen.eigenvalues().reverse().cwiseMax(0.0);  // descending
  // Eigenvalues carry absolute errors ~ eps lambda_max, so the singular values
  // sqrt(lambda) are trusted to ~cond^2 eps / 2 relative: 5e-9 at cond 1e4.
  const double threshold = std::max(1e-4, tol);
  if (!(lambda(lambda.size() - 1) > threshold * threshold * lambda(0))) return std::nullopt;
  const Eigen::LLT<Matrix> cholesky(gram);
  if (cholesky.info() != Eigen::Success) return std::nullopt;
  LinearRegressionFitted out;
  out.n_features_in = X.cols();
  out.coef = cholesky.solve(normal.rhs);
  const NormalEquations residual = accumulate(X, y, w, x_offset, y_offset, &out.coef, false);
  out.coef += cholesky.solve(residual.rhs);
  out.rank = X.cols();
  out.singular = lambda.cwiseSqrt();
  return out;
}

}  // namespace

LinearRegression::Fitted LinearRegression::learn(const MatrixView& X, const VectorView* y,
                                                 const VectorView* sample_weight) const {
  if (!y) throw ValueError("LinearRegression.fit: y is required");
  if (!(params_.tol >= 0)) throw ValueError(cat("LinearRegression: tol must be >= 0, got ", params_.tol));
  const Index p = X.cols();
  // Centering (and sqrt(w) row scaling) as scikit-learn's _preprocess_data.
  Vector x_offset = Vector::Zero(p);
  double y_offset = 0;
  const Vector w = sample_weight ? Vector(*sample_weight) : Vector();
  if (params_.fit_intercept) {
    if (sample_weight) {
      const double total = w.sum();
      x_offset = X.transpose() * w / total;
      y_offset = w.dot(*y) / total;
    } else {
      x_offset = X.colwise().mean().transpose();
      y_offset = y->mean();
    }
  }
  std::optional<Fitted> out;
  // Tall problems only: for small n the copy gelsd needs is cheap anyway.
  if (!params_.positive && X.rows() >= 4 * p && X.rows() >= 1000)
    out = solve_normal_equations(X, *y, sample_weight ? &w : nullptr, x_offset, y_offset, params_.tol);
  if (!out) {
    Matrix a = X.rowwise() - x_offset.transpose();
    Vector b = y->array() - y_offset;
    if (sample_weight) {
      const Vector root = w.cwiseSqrt();
      a = root.asDiagonal() * a;
      b = b.cwiseProduct(root);
    }
    out.emplace();
    out->n_features_in = p;
    if (params_.positive) {
      out->coef = optimize::nnls(a, b).x;
    } else {
      auto solution = linalg::lstsq(a, b, {.cond = params_.tol, .check_finite = false});
      out->coef = std::move(solution.x);
      out->rank = solution.rank;
      out->singular = std::move(solution.s);
    }
  }
  out->intercept = params_.fit_intercept ? y_offset - x_offset.dot(out->coef) : 0.0;
  return std::move(*out);
}

Vector LinearRegression::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

}  // namespace scilearn::learn
