#include "linear_model/linear_classifier.hpp"

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::learn::detail {

Vector class_weights(std::string_view where, const std::string& class_weight, const std::vector<double>& labels,
                     const std::vector<double>& values, const Vector& classes, const Vector& total) {
  const Index K = classes.size();
  Vector weight = Vector::Ones(K);
  if (!labels.empty() || !values.empty()) {
    if (!class_weight.empty())
      throw ValueError(cat(where, ": give class_weight = '", class_weight,
                           "' or per-class weights (class_weight_labels / class_weight_values), not both"));
    if (labels.size() != values.size())
      throw ValueError(cat(where, ": class_weight_labels has ", labels.size(), " entries but class_weight_values has ",
                           values.size()));
    std::string unweighted;
    Index weighted = 0;
    for (Index k = 0; k < K; ++k) {
      const auto at = std::find(labels.begin(), labels.end(), classes(k));
      if (at == labels.end()) {
        unweighted += cat(unweighted.empty() ? "" : ", ", classes(k));
        continue;
      }
      weight(k) = values[static_cast<std::size_t>(at - labels.begin())];
      ++weighted;
    }
    // scikit-learn: every listed label must be a class, unless all classes are listed.
    if (!unweighted.empty() && weighted != static_cast<Index>(labels.size()))
      throw ValueError(cat(where, ": The classes, [", unweighted, "], are not in class_weight"));
    for (const double v : values)
      if (!(v >= 0) || !std::isfinite(v))
        throw ValueError(cat(where, ": class weights must be finite and >= 0, got ", v));
  } else if (class_weight == "balanced") {
    for (Index k = 0; k < K; ++k)
      if (!(total(k) > 0))
        throw ValueError(cat(where, ": class_weight='balanced' needs a positive total weight for every class; class ",
                             classes(k), " has none"));
    weight = total.sum() / (static_cast<double>(K) * total.array());
  } else if (!class_weight.empty()) {
    throw ValueError(cat(where, ": class_weight must be '' (None) or 'balanced', got '", class_weight, "'"));
  }
  return weight;
}

Vector labels_from_scores(const Matrix& scores, const Vector& classes) {
  Vector labels(scores.rows());
  for (Index i = 0; i < scores.rows(); ++i) {
    Index best = 0;
    if (scores.cols() == 1)
      best = scores(i, 0) > 0 ? 1 : 0;
    else
      scores.row(i).maxCoeff(&best);
    labels(i) = classes(best);
  }
  return labels;
}

}  // namespace scilearn::learn::detail
