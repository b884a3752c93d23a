#include <cmath>
#include <scilearn/learn/preprocessing/ordinal_encoder.hpp>

#include "categories.hpp"
#include "category_table.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

bool has_infrequent(const OrdinalEncoderFitted& s, std::size_t j) {
  return detail::has_infrequent(s.infrequent_indices, j);
}

// Whether x matches the code `value` (NaN matches NaN), as scikit-learn's _get_mask.
bool matches(double x, double value) { return std::isnan(value) ? std::isnan(x) : x == value; }

}  // namespace

OrdinalEncoder::Fitted OrdinalEncoder::learn(const MatrixView& X, const VectorView*,
                                             const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  detail::check_infrequent_params(class_name, params_.min_frequency, params_.max_categories);
  const bool use_encoded = params_.handle_unknown == OrdinalHandleUnknown::use_encoded_value;
  if (use_encoded) {
    if (!params_.unknown_value)
      throw ValueError(
          "OrdinalEncoder: unknown_value should be an integer or np.nan when handle_unknown is "
          "'use_encoded_value', got None.");
    const double u = *params_.unknown_value;
    if (!std::isnan(u) && u != std::floor(u))
      throw ValueError(
          cat("OrdinalEncoder: unknown_value should be an integer or np.nan when handle_unknown is "
              "'use_encoded_value', got ",
              detail::python_float_str(u), "."));
  } else if (params_.unknown_value) {
    throw ValueError(
        cat("OrdinalEncoder: unknown_value should only be set when handle_unknown is "
            "'use_encoded_value', got ",
            detail::python_float_str(*params_.unknown_value), "."));
  }
  const Index n = X.rows(), p = X.cols();
  const auto np = static_cast<std::size_t>(p);
  Fitted out;
  out.n_features_in = p;
  out.missing_index.assign(np, -1);
  std::vector<std::vector<Index>> counts;
  detail::learn_categories(X, out.categories, counts);
  for (std::size_t j = 0; j < np; ++j) {
    const Vector& cats = out.categories[j];
    if (cats.size() && std::isnan(cats(cats.size() - 1))) {
      out.missing_index[j] = cats.size() - 1;
      counts[j].pop_back();  // NaN is never grouped as infrequent
    }
  }
  detail::group_infrequent(counts, n, params_.min_frequency, params_.max_categories, out.infrequent_indices,
                           out.default_to_infrequent);
  // The codes in use: 0 .. cardinality - 1 (frequent + one infrequent group, NaN excluded).
  std::vector<Index> cardinality(np);
  for (std::size_t j = 0; j < np; ++j) {
    cardinality[j] = out.categories[j].size() - (out.missing_index[j] >= 0 ? 1 : 0);
    if (has_infrequent(out, j)) cardinality[j] -= static_cast<Index>(out.infrequent_indices[j].size());
  }
  if (use_encoded) {
    const double u = *params_.unknown_value;
    for (std::size_t j = 0; j < np; ++j)
      if (0 <= u && u < static_cast<double>(cardinality[j]))
        throw ValueError(cat("OrdinalEncoder: the used value for unknown_value ", detail::python_float_str(u),
                             " is one of the values already used for encoding the seen categories."));
  }
  const double missing = params_.encoded_missing_value;
  if (!std::isnan(missing)) {
    std::string invalid;
    for (std::size_t j = 0; j < np; ++j)
      if (out.missing_index[j] >= 0 && 0 <= missing && missing < static_cast<double>(cardinality[j]))
        invalid += cat(invalid.empty() ? "" : ", ", j);
    if (!invalid.empty())
      throw ValueError(cat("OrdinalEncoder: encoded_missing_value (", detail::python_float_str(missing),
                           ") is already used to encode a known category in features: [", invalid, "]"));
  }
  return out;
}

std::vector<Vector> OrdinalEncoder::infrequent_categories() const {
  const Fitted& s = fitted();
  return detail::infrequent_values(s.categories, s.infrequent_indices);
}

Matrix OrdinalEncoder::transform(const MatrixView& X) const {
  const Fitted& s = check_input("transform", X);
  const Index n = X.rows(), p = X.cols();
  const auto np = static_cast<std::size_t>(p);
  const bool use_encoded = params_.handle_unknown == OrdinalHandleUnknown::use_encoded_value;
  const double unknown_value = use_encoded ? *params_.unknown_value : 0.0;
  Matrix Z(n, p);
  std::vector<char> unknown_seen(np, 0);
#pragma omp parallel for schedule(dynamic) if (n * p > 100000)
  for (Index jj = 0; jj < p; ++jj) {
    const auto j = static_cast<std::size_t>(jj);
    const Vector& cats = s.categories[j];
    const detail::CategoryTable table(cats);
    std::vector<double> code(static_cast<std::size_t>(cats.size()));
    for (Index k = 0; k < cats.size(); ++k) {
      if (k == s.missing_index[j])
        code[static_cast<std::size_t>(k)] = params_.encoded_missing_value;
      else
        code[static_cast<std::size_t>(k)] =
            static_cast<double>(has_infrequent(s, j) ? s.default_to_infrequent[j][static_cast<std::size_t>(k)] : k);
    }
    const double* x = X.col(jj).data();
    bool unknown = false;
    for (Index i = 0; i < n; ++i) {
      const Index k = table.find(x[i]);
      if (k < 0) {
        unknown = true;
        Z(i, jj) = unknown_value;
      } else {
        Z(i, jj) = code[static_cast<std::size_t>(k)];
      }
    }
    unknown_seen[j] = unknown;
  }
  if (!use_encoded)
    for (std::size_t j = 0; j < np; ++j)
      if (unknown_seen[j]) detail::throw_unknown_categories(s.categories[j], X, static_cast<Index>(j));
  return Z;
}

Matrix OrdinalEncoder::inverse_transform(const MatrixView& X) const {
  const Fitted& s = fitted();
  check_X("OrdinalEncoder.inverse_transform", X, /*allow_nan=*/true);
  if (X.cols() != s.n_features_in)
    throw ValueError(cat("OrdinalEncoder.inverse_transform: shape of the passed X data is not correct. Expected ",
                         s.n_features_in, " columns, got ", X.cols()));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const bool use_encoded = params_.handle_unknown == OrdinalHandleUnknown::use_encoded_value;
  Matrix out(X.rows(), X.cols());
  for (std::size_t j = 0; j < s.categories.size(); ++j) {
    const auto jj = static_cast<Index>(j);
    // The categories the codes 0, 1, ... stand for: the frequent non-NaN
    // ones in order; the infrequent group's code follows them. (scikit-learn
    // 1.9.1 counts NaN among the categories here and fails with IndexError
    // when a feature has both NaN and infrequent categories; we decode both.)
    std::vector<double> labels;
    const auto& infrequent = has_infrequent(s, j) ? s.infrequent_indices[j] : std::vector<Index>{};
    for (Index k = 0; k < s.categories[j].size(); ++k)
      if (k != s.missing_index[j] && !std::binary_search(infrequent.begin(), infrequent.end(), k))
        labels.push_back(s.categories[j](k));
    const double infrequent_code = infrequent.empty() ? -1.0 : static_cast<double>(labels.size());
    for (Index i = 0; i < X.rows(); ++i) {
      const double code = X(i, jj);
      if ((s.missing_index[j] >= 0 && matches(code, params_.encoded_missing_value)) ||
          (use_encoded && matches(code, *params_.unknown_value)) || code == infrequent_code) {
        out(i, jj) = nan;
        continue;
      }
      if (!(code >= 0 && code < static_cast<double>(labels.size())) || code != std::floor(code))
        throw ValueError(cat("OrdinalEncoder.inverse_transform: X(", i, ", ", jj,
                             ") = ", detail::python_float_str(code), " is not a code of feature ", jj, " (0 to ",
                             labels.size() - 1, ")"));
      out(i, jj) = labels[static_cast<std::size_t>(code)];
    }
  }
  return out;
}

std::vector<std::string> OrdinalEncoder::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
