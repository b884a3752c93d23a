#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/model_selection/cross_validation.hpp>
#include <scilearn/learn/model_selection/scoring.hpp>
#include <scilearn/learn/model_selection/search.hpp>
#include <scilearn/learn/model_selection/split.hpp>
#include <scilearn/learn/metrics/cluster.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>
#include <scilearn/learn/metrics/regression.hpp>
#include <scilearn/learn/datasets/generators.hpp>
#include <scilearn/learn/datasets/loaders.hpp>
#include <scilearn/learn/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/base/params.hpp>
#include <scilearn/learn/base/persistence.hpp>
#include <scilearn/learn/compose/column_transformer.hpp>
#include <scilearn/learn/compose/feature_union.hpp>
#include <scilearn/learn/compose/pipeline.hpp>
#include <scilearn/learn/compose/transformed_target_regressor.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <scilearn/learn/linear_model/logistic_regression.hpp>
#include <scilearn/learn/preprocessing/standard_scaler.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/learn/metrics/ranking.hpp>
