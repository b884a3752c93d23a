#include <scilearn/learn/preprocessing/polynomial_features.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

PolynomialFeatures::Fitted PolynomialFeatures::learn(const MatrixView& X, const VectorView*,
                                                     const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const Index degree = params_.degree, p = X.cols();
  if (degree < 0) throw ValueError(cat("PolynomialFeatures: degree must be a non-negative integer, got ", degree));
  if (degree == 0 && !params_.include_bias)
    throw ValueError(
        "PolynomialFeatures: setting degree to zero and include_bias to False would result in an empty output "
        "array.");
  // The terms, degree by degree, as index combinations in lexicographic order
  // (with repetition unless interaction_only), as itertools generates them.
  std::vector<std::vector<Index>> terms;
  if (params_.include_bias) terms.emplace_back();
  for (Index d = 1; d <= degree; ++d) {
    if (params_.interaction_only && d > p) break;
    std::vector<Index> combination(static_cast<std::size_t>(d));
    for (Index k = 0; k < d; ++k) combination[static_cast<std::size_t>(k)] = params_.interaction_only ? k : 0;
    while (true) {
      terms.push_back(combination);
      // Advance: the rightmost position that can still grow.
      Index k = d - 1;
      const auto limit = [&](Index pos) { return params_.interaction_only ? p - d + pos : p - 1; };
      while (k >= 0 && combination[static_cast<std::size_t>(k)] == limit(k)) --k;
      if (k < 0) break;
      ++combination[static_cast<std::size_t>(k)];
      for (Index r = k + 1; r < d; ++r)
        combination[static_cast<std::size_t>(r)] =
            combination[static_cast<std::size_t>(r - 1)] + (params_.interaction_only ? 1 : 0);
    }
  }
  Fitted out;
  out.n_features_in = p;
  out.powers = Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic>::Zero(static_cast<Index>(terms.size()), p);
  for (std::size_t t = 0; t < terms.size(); ++t)
    for (const Index i : terms[t]) ++out.powers(static_cast<Index>(t), i);
  return out;
}

Matrix PolynomialFeatures::transform(const MatrixView& X) const {
  const Fitted& s = check_input("transform", X);
  const Index n = X.rows(), p = X.cols(), degree = params_.degree;
  Matrix Z(n, s.powers.rows());
  Index column = 0;
  if (params_.include_bias) Z.col(column++).setOnes();
  if (degree == 0) return Z;
  // scikit-learn's recursion: the degree-d terms that start with feature i are
  // x_i times the degree-(d-1) terms that start with feature >= i (> i for
  // interaction_only); start[i] is where those begin in the previous block.
  Z.middleCols(column, p) = X;
  std::vector<Index> start(static_cast<std::size_t>(p) + 1);
  for (Index i = 0; i <= p; ++i) start[static_cast<std::size_t>(i)] = column + i;
  column += p;
  for (Index d = 2; d <= degree; ++d) {
    std::vector<Index> next(static_cast<std::size_t>(p) + 1);
    const Index end = start[static_cast<std::size_t>(p)];
    for (Index i = 0; i < p; ++i) {
      Index from = start[static_cast<std::size_t>(i)];
      next[static_cast<std::size_t>(i)] = column;
      if (params_.interaction_only) from = start[static_cast<std::size_t>(i) + 1];
      const Index width = end - from;
      if (width <= 0) {
        for (Index r = i + 1; r <= p; ++r) next[static_cast<std::size_t>(r)] = column;
        break;
      }
#pragma omp parallel for schedule(static) if (n * width > 100000)
      for (Index c = 0; c < width; ++c) Z.col(column + c) = Z.col(from + c).cwiseProduct(X.col(i));
      column += width;
    }
    next[static_cast<std::size_t>(p)] = column;
    start = std::move(next);
  }
  return Z;
}

std::vector<std::string> PolynomialFeatures::get_feature_names_out(
    const std::vector<std::string>& input_features) const {
  const Fitted& s = fitted();
  const auto names = one_to_one_feature_names(class_name, input_features, s.n_features_in);
  std::vector<std::string> out;
  for (Index t = 0; t < s.powers.rows(); ++t) {
    std::string name;
    for (Index i = 0; i < s.powers.cols(); ++i) {
      const Index e = s.powers(t, i);
      if (e == 0) continue;
      if (!name.empty()) name += " ";
      name += names[static_cast<std::size_t>(i)];
      if (e != 1) name += cat("^", e);
    }
    out.push_back(name.empty() ? "1" : name);
  }
  return out;
}

}  // namespace scilearn::learn
