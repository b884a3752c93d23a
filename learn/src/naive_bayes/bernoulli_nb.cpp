#include <cmath>
#include <scilearn/learn/naive_bayes/bernoulli_nb.hpp>

namespace scilearn::learn {

Matrix BernoulliNB::compute_feature_log_prob(const Params&, const Fitted& s, double alpha) {
  const Vector total = s.class_count.array() + 2 * alpha;
  return (s.feature_count.array() + alpha).log().colwise() - total.array().log();
}

Matrix BernoulliNB::joint_log_likelihood(const Params& p, const Fitted& s, const MatrixView& X) {
  // log(1 - p) as log1p(-exp(log p)): accurate where p is small.
  const Matrix log_not = s.feature_log_prob.unaryExpr([](double v) { return std::log1p(-std::exp(v)); });
  const Matrix weight = s.feature_log_prob - log_not;
  const Vector bias = s.class_log_prior + log_not.rowwise().sum();
  return detail::nb_linear_jll(X, weight, bias, p.binarize ? &*p.binarize : nullptr);
}

}  // namespace scilearn::learn
