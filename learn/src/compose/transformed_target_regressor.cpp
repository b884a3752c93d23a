#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/compose/transformed_target_regressor.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>

namespace scilearn::learn {

void TransformedTargetRegressor::check_fitted(const Fitted& s) {
  if (!s.regressor || !s.regressor->is_fitted()) throw ValueError("the regressor is missing or unfitted");
  if (s.regressor->n_features_in() != s.n_features_in) throw ValueError("regressor and n_features_in disagree");
}

Vector TransformedTargetRegressor::forward(const Fitted& state, const VectorView& y) const {
  if (state.transformer) {
    const Matrix z = state.transformer->transform(Matrix(y));
    if (z.cols() != 1) throw ValueError("TransformedTargetRegressor: the transformer must return one column for y");
    return z.col(0);
  }
  return params_.func ? params_.func(y) : Vector(y);
}

Vector TransformedTargetRegressor::inverse(const Fitted& state, const VectorView& z) const {
  if (state.transformer) return state.transformer->inverse_transform(Matrix(z)).col(0);
  return params_.inverse_func ? params_.inverse_func(z) : Vector(z);
}

TransformedTargetRegressor::Fitted TransformedTargetRegressor::learn(const MatrixView& X, const VectorView* y,
                                                                     const VectorView* sample_weight) const {
  if (!y) throw ValueError("TransformedTargetRegressor.fit: y is required");
  if (params_.transformer && (params_.func || params_.inverse_func))
    throw ValueError("TransformedTargetRegressor: 'transformer' and 'func' / 'inverse_func' cannot both be set");
  if (static_cast<bool>(params_.func) != static_cast<bool>(params_.inverse_func))
    throw ValueError("TransformedTargetRegressor: func and inverse_func must be given together");
  Fitted state;
  state.n_features_in = X.cols();
  if (params_.transformer) {
    state.transformer = params_.transformer->clone();
    state.transformer->fit(Matrix(*y));
  }
  const Vector z = forward(state, *y);
  if (z.size() != y->size()) throw ValueError("TransformedTargetRegressor: func changed the length of y");
  if (params_.check_inverse) {
    // As scikit-learn: every (n / 10)-th target must survive the round trip
    // within np.allclose's tolerance (1e-5 relative plus 1e-8 absolute).
    const Index step = std::max<Index>(1, y->size() / 10);
    const Vector sample = (*y)(Eigen::seq(0, y->size() - 1, step));
    const Vector back = inverse(state, forward(state, sample));
    if (((sample - back).array().abs() > 1e-8 + 1e-5 * back.array().abs()).any())
      warn(WarningCategory::user,
           "TransformedTargetRegressor: the provided functions or transformer are not strictly inverse of each "
           "other; if you are sure you want to proceed regardless, set check_inverse to false");
  }
  state.regressor = params_.regressor ? params_.regressor->clone() : std::make_unique<LinearRegression>();
  if (sample_weight)
    state.regressor->fit(X, z, *sample_weight);
  else
    state.regressor->fit(X, z);
  return state;
}

Vector TransformedTargetRegressor::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return inverse(state, state.regressor->predict(X));
}

void TransformedTargetRegressor::write(io::BinaryWriter& out) const {
  if (params_.func) throw ValueError("TransformedTargetRegressor with func / inverse_func cannot be saved");
  EstimatorBase::write(out);
}

}  // namespace scilearn::learn
