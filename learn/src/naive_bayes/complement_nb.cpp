#include <scilearn/learn/naive_bayes/complement_nb.hpp>

namespace scilearn::learn {

Matrix ComplementNB::compute_feature_log_prob(const Params& p, const Fitted& s, double alpha) {
  // The counts of every other class: feature_all - N_c, smoothed.
  const Eigen::RowVectorXd feature_all = s.feature_count.colwise().sum();
  Matrix complement = (-s.feature_count).rowwise() + (feature_all.array() + alpha).matrix();
  const Vector total = complement.rowwise().sum();
  Matrix logged = (complement.array().colwise() / total.array()).log();
  if (p.norm) {
    // The weights are logs of fractions, <= 0; they sum to 0 only when all
    // are 0 (a single feature), where scikit-learn divides 0 by 0 (NaN): no
    // feature tells the classes apart then, so the weights stay 0.
    const Vector summed = logged.rowwise().sum();
    for (Index c = 0; c < logged.rows(); ++c)
      if (summed(c) != 0) logged.row(c) /= summed(c);
    return logged;
  }
  return -logged;
}

Matrix ComplementNB::joint_log_likelihood(const Params&, const Fitted& s, const MatrixView& X) {
  // The prior counts only with a single class (scikit-learn's choice).
  const Vector bias = s.classes.size() == 1 ? s.class_log_prior : Vector::Zero(s.classes.size());
  return detail::nb_linear_jll(X, s.feature_log_prob, bias, nullptr);
}

}  // namespace scilearn::learn
