#pragma once
// What the linear classifiers (LogisticRegression, RidgeClassifier, SGD)
// share: scikit-learn's compute_class_weight, which turns the class_weight
// parameter ("" for None, "balanced", or a {label: weight} dict given as two
// aligned lists) into one weight per class, and the labels of decision scores.

#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

// `total` holds each class's total sample weight (counts when unweighted);
// "balanced" gives class k total.sum() / (n_classes total(k)). Classes not
// in the dict weigh 1. Throws ValueError (naming `where`) for both forms at
// once, lists of different lengths, a listed label missing from classes while
// another class is unlisted, a negative or non-finite weight, "balanced" with
// a class of zero total, or another string.
[[nodiscard]] Vector class_weights(std::string_view where, const std::string& class_weight,
                                   const std::vector<double>& labels, const std::vector<double>& values,
                                   const Vector& classes, const Vector& total);

// The class of each row's scores: classes[1] where a single score column is
// positive (else classes[0]), otherwise the first largest (numpy's argmax).
[[nodiscard]] Vector labels_from_scores(const Matrix& scores, const Vector& classes);

}  // namespace scilearn::learn::detail
