#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/sparse_input.hpp>

namespace scilearn::learn {
namespace {

template <class Sparse>
void check_sparse(std::string_view where, const Sparse& X) {
  if (X.rows() == 0 || X.cols() == 0) throw ValueError(cat(where, ": X is empty (", X.rows(), "x", X.cols(), ")"));
  for (Index outer = 0; outer < X.outerSize(); ++outer)
    for (typename Sparse::InnerIterator it(X, outer); it; ++it)
      if (!std::isfinite(it.value()))
        throw ValueError(
            cat(where, ": X contains NaN or infinity (stored entry at row ", it.row(), ", column ", it.col(), ")"));
}

template <class Sparse>
void check_sparse_with_y(std::string_view where, const Sparse& X, const VectorView& y,
                         const VectorView& sample_weight) {
  check_sparse(where, X);
  check_same_length(where, "X", X.rows(), "y", y.size());
  check_finite(where, "y", y);
  check_sample_weight(where, sample_weight, X.rows());
}

}  // namespace

void check_sparse_X(std::string_view where, const CscMatrix& X) { check_sparse(where, X); }
void check_sparse_X(std::string_view where, const CsrMatrix& X) { check_sparse(where, X); }

void check_sparse_X_y(std::string_view where, const CscMatrix& X, const VectorView& y,
                      const VectorView& sample_weight) {
  check_sparse_with_y(where, X, y, sample_weight);
}
void check_sparse_X_y(std::string_view where, const CsrMatrix& X, const VectorView& y,
                      const VectorView& sample_weight) {
  check_sparse_with_y(where, X, y, sample_weight);
}

void check_sparse_predict(std::string_view estimator, std::string_view method, const CsrMatrix& X,
                          Index n_features_in) {
  check_sparse(cat(estimator, ".", method), X);
  if (X.cols() != n_features_in)
    throw ValueError(
        cat("X has ", X.cols(), " features, but ", estimator, " is expecting ", n_features_in, " features as input"));
}

}  // namespace scilearn::learn
