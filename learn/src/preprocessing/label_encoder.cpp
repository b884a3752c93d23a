#include <algorithm>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/preprocessing/label_encoder.hpp>

#include "category_table.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

void check_labels(std::string_view where, const VectorView& y) {
  for (Index i = 0; i < y.size(); ++i)
    if (std::isinf(y(i))) throw ValueError(cat(where, ": y must not contain infinity, but y(", i, ") is ", y(i)));
}

}  // namespace

void LabelEncoder::check_fitted(bool strings) const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("LabelEncoder"));
  if (strings != fitted_strings_)
    throw ValueError(cat("LabelEncoder: fitted on ", fitted_strings_ ? "strings" : "numbers", ", but given ",
                         strings ? "strings" : "numbers"));
}

bool LabelEncoder::fitted_on_strings() const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("LabelEncoder"));
  return fitted_strings_;
}

LabelEncoder& LabelEncoder::fit(const VectorView& y) {
  if (y.size() == 0) throw ValueError("LabelEncoder.fit: y is empty");
  check_labels("LabelEncoder.fit", y);
  std::vector<Index> counts;
  Vector classes;
  detail::CategoryTable::unique_counts(y.data(), y.size(), classes, counts);
  classes_ = std::move(classes);
  string_classes_.clear();
  fitted_numeric_ = true;
  fitted_strings_ = false;
  return *this;
}

LabelEncoder& LabelEncoder::fit(const std::vector<std::string>& y) {
  if (y.empty()) throw ValueError("LabelEncoder.fit: y is empty");
  std::vector<std::string> classes = y;
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  string_classes_ = std::move(classes);
  classes_.resize(0);
  fitted_strings_ = true;
  fitted_numeric_ = false;
  return *this;
}

Vector LabelEncoder::fit_transform(const VectorView& y) { return fit(y).transform(y); }
Vector LabelEncoder::fit_transform(const std::vector<std::string>& y) { return fit(y).transform(y); }

Vector LabelEncoder::transform(const VectorView& y) const {
  check_fitted(false);
  check_labels("LabelEncoder.transform", y);
  const detail::CategoryTable table(classes_);
  Vector codes(y.size());
  std::vector<double> unseen;
  for (Index i = 0; i < y.size(); ++i) {
    const Index k = table.find(y(i));
    if (k < 0) unseen.push_back(y(i));
    codes(i) = static_cast<double>(k);
  }
  if (!unseen.empty()) {
    Vector distinct;
    std::vector<Index> ignored;
    detail::CategoryTable::unique_counts(unseen.data(), static_cast<Index>(unseen.size()), distinct, ignored);
    throw ValueError(cat("y contains previously unseen labels: ",
                         detail::python_list(std::vector<double>(distinct.data(), distinct.data() + distinct.size()))));
  }
  return codes;
}

Vector LabelEncoder::transform(const std::vector<std::string>& y) const {
  check_fitted(true);
  Vector codes(static_cast<Index>(y.size()));
  std::vector<std::string> unseen;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const auto it = std::lower_bound(string_classes_.begin(), string_classes_.end(), y[i]);
    if (it == string_classes_.end() || *it != y[i])
      unseen.push_back(y[i]);
    else
      codes(static_cast<Index>(i)) = static_cast<double>(it - string_classes_.begin());
  }
  if (!unseen.empty()) {
    std::sort(unseen.begin(), unseen.end());
    unseen.erase(std::unique(unseen.begin(), unseen.end()), unseen.end());
    std::string list = "[";
    for (std::size_t k = 0; k < unseen.size(); ++k) list += cat(k ? ", " : "", "'", unseen[k], "'");
    throw ValueError(cat("y contains previously unseen labels: ", list, "]"));
  }
  return codes;
}

std::vector<Index> LabelEncoder::checked_codes(const VectorView& codes) const {
  const Index n_classes = fitted_strings_ ? static_cast<Index>(string_classes_.size()) : classes_.size();
  std::vector<Index> out(static_cast<std::size_t>(codes.size()));
  std::vector<double> bad;
  for (Index i = 0; i < codes.size(); ++i) {
    const double c = codes(i);
    if (!(c >= 0 && c < static_cast<double>(n_classes) && c == std::floor(c)))
      bad.push_back(c);
    else
      out[static_cast<std::size_t>(i)] = static_cast<Index>(c);
  }
  if (!bad.empty()) {
    Vector distinct;
    std::vector<Index> ignored;
    detail::CategoryTable::unique_counts(bad.data(), static_cast<Index>(bad.size()), distinct, ignored);
    throw ValueError(cat("y contains previously unseen labels: ",
                         detail::python_list(std::vector<double>(distinct.data(), distinct.data() + distinct.size())),
                         " (codes are 0 to ", n_classes - 1, ")"));
  }
  return out;
}

Vector LabelEncoder::inverse_transform(const VectorView& codes) const {
  check_fitted(false);
  const std::vector<Index> k = checked_codes(codes);
  Vector out(codes.size());
  for (Index i = 0; i < codes.size(); ++i) out(i) = classes_(k[static_cast<std::size_t>(i)]);
  return out;
}

std::vector<std::string> LabelEncoder::inverse_transform_strings(const VectorView& codes) const {
  check_fitted(true);
  const std::vector<Index> k = checked_codes(codes);
  std::vector<std::string> out;
  out.reserve(k.size());
  for (const Index c : k) out.push_back(string_classes_[static_cast<std::size_t>(c)]);
  return out;
}

const Vector& LabelEncoder::classes() const {
  check_fitted(false);
  return classes_;
}

const std::vector<std::string>& LabelEncoder::string_classes() const {
  check_fitted(true);
  return string_classes_;
}

}  // namespace scilearn::learn
