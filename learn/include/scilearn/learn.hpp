#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/model_selection/split.hpp>
#include <scilearn/learn/validation.hpp>
