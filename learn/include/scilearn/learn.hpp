#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/base/params.hpp>
#include <scilearn/learn/compose/pipeline.hpp>
#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <scilearn/learn/linear_model/logistic_regression.hpp>
#include <scilearn/learn/preprocessing/standard_scaler.hpp>
