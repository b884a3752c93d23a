#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/metrics/cluster.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>
#include <scilearn/learn/metrics/regression.hpp>
#include <scilearn/learn/validation.hpp>
