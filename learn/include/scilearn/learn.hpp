#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/base/params.hpp>
#include <scilearn/learn/compose/pipeline.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <scilearn/learn/preprocessing/binarizer.hpp>
#include <scilearn/learn/preprocessing/function_transformer.hpp>
#include <scilearn/learn/preprocessing/k_bins_discretizer.hpp>
#include <scilearn/learn/preprocessing/label_binarizer.hpp>
#include <scilearn/learn/preprocessing/label_encoder.hpp>
#include <scilearn/learn/preprocessing/max_abs_scaler.hpp>
#include <scilearn/learn/preprocessing/min_max_scaler.hpp>
#include <scilearn/learn/preprocessing/normalizer.hpp>
#include <scilearn/learn/preprocessing/one_hot_encoder.hpp>
#include <scilearn/learn/preprocessing/ordinal_encoder.hpp>
#include <scilearn/learn/preprocessing/polynomial_features.hpp>
#include <scilearn/learn/preprocessing/power_transformer.hpp>
#include <scilearn/learn/preprocessing/quantile_transformer.hpp>
#include <scilearn/learn/preprocessing/robust_scaler.hpp>
#include <scilearn/learn/preprocessing/standard_scaler.hpp>
