#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/validation.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/learn/metrics/ranking.hpp>
