#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/preprocessing/one_hot_encoder.hpp>

#include "base/memory.hpp"
#include "categories.hpp"
#include "category_table.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

// The grouped code of category k of feature j.
Index grouped_code(const OneHotEncoderFitted& s, std::size_t j, Index k) {
  const auto& mapping = s.default_to_infrequent.empty() ? std::vector<Index>{} : s.default_to_infrequent[j];
  return mapping.empty() ? k : mapping[static_cast<std::size_t>(k)];
}

Index dropped_code(const OneHotEncoderFitted& s, std::size_t j) {
  return s.drop_idx_after_grouping.empty() ? -1 : s.drop_idx_after_grouping[j];
}

bool has_infrequent(const OneHotEncoderFitted& s, std::size_t j) {
  return detail::has_infrequent(s.infrequent_indices, j);
}

// The column, within feature j's block, of grouped code g (-1: dropped).
Index block_column(const OneHotEncoderFitted& s, std::size_t j, Index g) {
  const Index d = dropped_code(s, j);
  if (d < 0) return g;
  return g == d ? -1 : (g > d ? g - 1 : g);
}

// Feature j's grouped categories in output order before the drop: the
// frequent ones, then the infrequent group, flagged in `infrequent`.
std::vector<double> grouped_categories(const OneHotEncoderFitted& s, std::size_t j, std::vector<char>& infrequent) {
  const Vector& cats = s.categories[j];
  std::vector<double> out;
  infrequent.clear();
  if (!has_infrequent(s, j)) {
    out.assign(cats.data(), cats.data() + cats.size());
    infrequent.assign(out.size(), 0);
    return out;
  }
  const auto& mapping = s.default_to_infrequent[j];
  const Index group = *std::max_element(mapping.begin(), mapping.end());
  for (Index k = 0; k < cats.size(); ++k)
    if (mapping[static_cast<std::size_t>(k)] < group) out.push_back(cats(k));
  out.push_back(std::numeric_limits<double>::quiet_NaN());
  infrequent.assign(out.size(), 0);
  infrequent.back() = 1;
  return out;
}

}  // namespace

OneHotEncoder::Fitted OneHotEncoder::learn(const MatrixView& X, const VectorView*,
                                           const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  detail::check_infrequent_params(class_name, params_.min_frequency, params_.max_categories);
  const Index n = X.rows(), p = X.cols();
  const auto np = static_cast<std::size_t>(p);
  Fitted out;
  out.n_features_in = p;
  std::vector<std::vector<Index>> counts;
  detail::learn_categories(X, out.categories, counts);
  // Every category, NaN included, takes part in the grouping.
  detail::group_infrequent(counts, n, params_.min_frequency, params_.max_categories, out.infrequent_indices,
                           out.default_to_infrequent);
  out.n_features_outs.resize(np);
  for (std::size_t j = 0; j < np; ++j) {
    Index width = out.categories[j].size();
    if (has_infrequent(out, j)) width -= static_cast<Index>(out.infrequent_indices[j].size()) - 1;
    out.n_features_outs[j] = width;
  }
  if (params_.drop) {
    out.drop_idx_after_grouping.resize(np);
    out.drop_idx.resize(np);
    for (std::size_t j = 0; j < np; ++j) {
      const bool drop = *params_.drop == OneHotDrop::first || out.n_features_outs[j] == 2;
      out.drop_idx_after_grouping[j] = drop ? 0 : -1;
      // The public drop_idx is a position in categories: the first category
      // that the grouped code 0 stands for.
      Index original = out.drop_idx_after_grouping[j];
      if (original >= 0 && has_infrequent(out, j)) {
        const auto& mapping = out.default_to_infrequent[j];
        original = std::find(mapping.begin(), mapping.end(), original) - mapping.begin();
      }
      out.drop_idx[j] = original;
      if (drop) --out.n_features_outs[j];
    }
  }
  return out;
}

Index OneHotEncoder::n_features_out() const {
  Index total = 0;
  for (const Index w : fitted().n_features_outs) total += w;
  return total;
}

std::vector<Vector> OneHotEncoder::infrequent_categories() const {
  const Fitted& s = fitted();
  return detail::infrequent_values(s.categories, s.infrequent_indices);
}

Matrix OneHotEncoder::transform(const MatrixView& X) const {
  const Fitted& s = check_input("transform", X);
  const Index n = X.rows(), p = X.cols();
  const auto np = static_cast<std::size_t>(p);
  std::vector<Index> offset(np + 1, 0);
  for (std::size_t j = 0; j < np; ++j) offset[j + 1] = offset[j] + s.n_features_outs[j];
  const OneHotHandleUnknown handling = params_.handle_unknown;
  const bool to_infrequent =
      handling == OneHotHandleUnknown::infrequent_if_exist || handling == OneHotHandleUnknown::warn;
  // Two passes: each entry's column within its feature's block (one hash
  // probe), then each output column written once, top to bottom, as 0 / 1
  // (no separate zeroing pass, no scattered writes into a zeroed matrix).
  // Both loops split independent work, so the result does not depend on the
  // thread count.
  Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic> codes(n, p);
  std::vector<char> unknown_seen(np, 0);
#pragma omp parallel for schedule(dynamic) if (n * p > 100000)
  for (Index jj = 0; jj < p; ++jj) {
    const auto j = static_cast<std::size_t>(jj);
    const Vector& cats = s.categories[j];
    const detail::CategoryTable table(cats);
    std::vector<std::int32_t> column(static_cast<std::size_t>(cats.size()));
    for (Index k = 0; k < cats.size(); ++k)
      column[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(block_column(s, j, grouped_code(s, j, k)));
    const auto unknown_column = static_cast<std::int32_t>(
        to_infrequent && has_infrequent(s, j) ? block_column(s, j, grouped_code(s, j, s.infrequent_indices[j].front()))
                                              : -1);
    const double* x = X.col(jj).data();
    std::int32_t* code = codes.col(jj).data();
    bool unknown = false;
    for (Index i = 0; i < n; ++i) {
      const Index k = table.find(x[i]);
      unknown |= k < 0;
      code[i] = k < 0 ? unknown_column : column[static_cast<std::size_t>(k)];
    }
    unknown_seen[j] = unknown;
  }
  if (handling == OneHotHandleUnknown::error)
    for (std::size_t j = 0; j < np; ++j)
      if (unknown_seen[j]) detail::throw_unknown_categories(s.categories[j], X, static_cast<Index>(j));
  // The input feature of each output column and its position in the block.
  const Index n_out = offset[np];
  std::vector<std::int32_t> feature_of(static_cast<std::size_t>(n_out)), local_of(static_cast<std::size_t>(n_out));
  for (std::size_t j = 0; j < np; ++j)
    for (Index c = 0; c < s.n_features_outs[j]; ++c) {
      feature_of[static_cast<std::size_t>(offset[j] + c)] = static_cast<std::int32_t>(j);
      local_of[static_cast<std::size_t>(offset[j] + c)] = static_cast<std::int32_t>(c);
    }
  // Row tiles: a tile's codes (10 features x 65536 rows of int32) stay in
  // cache while every output column's slice of the tile is written, so the
  // codes are read from memory once instead of once per output column.
  Matrix Z(n, n_out);
  detail::advise_huge_pages(Z.data(), static_cast<std::size_t>(Z.size()) * sizeof(double));
  constexpr Index kTile = 65536;
  const Index n_tiles = (n + kTile - 1) / kTile;
#pragma omp parallel for schedule(static) if (n * n_out > 100000)
  for (Index t = 0; t < n_tiles; ++t) {
    const Index r0 = t * kTile, r1 = std::min(n, r0 + kTile);
    for (Index c = 0; c < n_out; ++c) {
      const std::int32_t* code = codes.col(feature_of[static_cast<std::size_t>(c)]).data();
      const std::int32_t local = local_of[static_cast<std::size_t>(c)];
      double* z = Z.col(c).data();
      for (Index i = r0; i < r1; ++i) z[i] = code[i] == local ? 1.0 : 0.0;
    }
  }
  std::vector<Index> unknown_columns;
  for (std::size_t j = 0; j < np; ++j)
    if (unknown_seen[j]) unknown_columns.push_back(static_cast<Index>(j));
  if (unknown_columns.empty()) return Z;
  std::string columns = "[";
  for (std::size_t k = 0; k < unknown_columns.size(); ++k) columns += cat(k ? ", " : "", unknown_columns[k]);
  columns += "]";
  if (handling == OneHotHandleUnknown::warn)
    warn(WarningCategory::user, cat("Found unknown categories in columns ", columns,
                                    " during transform. These unknown categories will be encoded as the "
                                    "infrequent category."));
  else if (params_.drop)
    warn(WarningCategory::user, cat("Found unknown categories in columns ", columns,
                                    " during transform. These unknown categories will be encoded as all zeros"));
  return Z;
}

Matrix OneHotEncoder::inverse_transform(const MatrixView& X) const {
  const Fitted& s = fitted();
  check_X("OneHotEncoder.inverse_transform", X);
  const Index expected = n_features_out();
  if (X.cols() != expected)
    throw ValueError(cat("OneHotEncoder.inverse_transform: shape of the passed X data is not correct. Expected ",
                         expected, " columns, got ", X.cols()));
  const Index n = X.rows();
  const auto np = static_cast<std::size_t>(s.n_features_in);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const OneHotHandleUnknown handling = params_.handle_unknown;
  Matrix out(n, s.n_features_in);
  Index offset = 0;
  for (std::size_t j = 0; j < np; ++j) {
    const auto jj = static_cast<Index>(j);
    const Index width = s.n_features_outs[j], d = dropped_code(s, j);
    std::vector<char> infrequent;
    std::vector<double> grouped = grouped_categories(s, j, infrequent);
    if (d >= 0) grouped.erase(grouped.begin() + d);  // the labels of the block's columns
    if (width == 0) {
      // scikit-learn indexes the categories with the grouped dropped code.
      out.col(jj).setConstant(s.categories[j](d));
      continue;
    }
    const auto block = X.middleCols(offset, width);
    const bool zeros_are_unknown =
        handling == OneHotHandleUnknown::ignore ||
        ((handling == OneHotHandleUnknown::infrequent_if_exist || handling == OneHotHandleUnknown::warn) &&
         !has_infrequent(s, j));
    std::vector<Index> all_zero;
    for (Index i = 0; i < n; ++i) {
      Index best = 0;
      double sum = block(i, 0);
      for (Index c = 1; c < width; ++c) {
        sum += block(i, c);
        if (block(i, c) > block(i, best)) best = c;
      }
      out(i, jj) = grouped[static_cast<std::size_t>(best)];
      if (sum != 0) continue;
      if (zeros_are_unknown) {
        out(i, jj) = d < 0 ? nan : s.categories[j](d);
      } else if (s.drop_idx_after_grouping.empty()) {
        all_zero.push_back(i);
      } else if (d >= 0) {
        std::vector<char> flags;
        out(i, jj) = grouped_categories(s, j, flags)[static_cast<std::size_t>(d)];
      }
    }
    if (!all_zero.empty()) {
      std::string rows = "[";
      for (std::size_t k = 0; k < all_zero.size(); ++k) rows += cat(k ? " " : "", all_zero[k]);
      throw ValueError(cat("OneHotEncoder.inverse_transform: samples ", rows,
                           "] can not be inverted when drop=None and handle_unknown='error' because they contain "
                           "all zeros"));
    }
    offset += width;
  }
  return out;
}

std::vector<std::string> OneHotEncoder::get_feature_names_out(const std::vector<std::string>& input_features) const {
  const Fitted& s = fitted();
  const auto names = one_to_one_feature_names(class_name, input_features, s.n_features_in);
  std::vector<std::string> out;
  for (std::size_t j = 0; j < names.size(); ++j) {
    std::vector<char> infrequent;
    std::vector<double> grouped = grouped_categories(s, j, infrequent);
    const Index d = dropped_code(s, j);
    for (std::size_t k = 0; k < grouped.size(); ++k) {
      if (static_cast<Index>(k) == d) continue;
      out.push_back(
          cat(names[j], "_", infrequent[k] ? std::string("infrequent_sklearn") : detail::python_float_str(grouped[k])));
    }
  }
  return out;
}

}  // namespace scilearn::learn
