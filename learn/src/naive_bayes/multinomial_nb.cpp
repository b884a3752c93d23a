#include <scilearn/learn/naive_bayes/multinomial_nb.hpp>

namespace scilearn::learn {

Matrix MultinomialNB::compute_feature_log_prob(const Params&, const Fitted& s, double alpha) {
  const Matrix smoothed = s.feature_count.array() + alpha;
  const Vector total = smoothed.rowwise().sum();
  return smoothed.array().log().colwise() - total.array().log();
}

Matrix MultinomialNB::joint_log_likelihood(const Params&, const Fitted& s, const MatrixView& X) {
  return detail::nb_linear_jll(X, s.feature_log_prob, s.class_log_prior, nullptr);
}

}  // namespace scilearn::learn
