#pragma once
/// \file
/// Input checks shared by every estimator, metric and splitter of scilearn::learn,
/// the counterparts of scikit-learn's `check_array`, `check_X_y`,
/// `check_consistent_length` and `_check_sample_weight`. Each throws ValueError
/// with a message naming the caller (`where`) and the numbers.

#include <scilearn/core/types.hpp>
#include <string_view>

namespace scilearn::learn {

/// Read-only views of a caller's data: any Eigen expression or Map binds to
/// them without a copy when its layout allows.
using MatrixView = Eigen::Ref<const Matrix>;
using VectorView = Eigen::Ref<const Vector>;

/// Checks a feature matrix: at least one sample and one feature, and (unless
/// `allow_nan`) no NaN; never Inf. Message example: "StandardScaler.fit: X is
/// empty (0x3)". Complexity: O(size).
void check_X(std::string_view where, const MatrixView& X, bool allow_nan = false);

/// check_X plus a target y with one finite entry per sample.
void check_X_y(std::string_view where, const MatrixView& X, const VectorView& y, bool allow_nan = false);

/// The part of check_X_y that does not read X: X not empty, y of one finite
/// entry per sample. For estimators whose own first pass over X checks it
/// (check_X_block), saving a pass over memory. Complexity: O(n_samples).
void check_X_y_shape(std::string_view where, const MatrixView& X, const VectorView& y);

/// Finiteness of a block of X that a caller's pass has just brought into
/// cache: returns when every entry of `block` is finite, else runs
/// check_X(where, X) on the whole of X, so the error names the entry exactly
/// as check_X's. Complexity: O(block size) when finite.
void check_X_block(std::string_view where, const MatrixView& X, const Eigen::Ref<const Matrix>& block);

/// Checks that X has the feature count the estimator was fitted with:
/// "X has 3 features, but StandardScaler is expecting 4 features as input".
void check_n_features(std::string_view estimator, const MatrixView& X, Index n_features_in);

/// Checks sample weights: one finite, non-negative entry per sample and a
/// positive sum. An empty view means "no weights" and passes.
void check_sample_weight(std::string_view where, const VectorView& sample_weight, Index n_samples);

/// The weights to use: the given ones, or n_samples ones when sample_weight is
/// empty. Call after check_sample_weight.
[[nodiscard]] Vector sample_weight_or_ones(const VectorView& sample_weight, Index n_samples);

}  // namespace scilearn::learn
