#pragma once
/// \file
/// Umbrella header of scilearn::learn, the scikit-learn layer.

#include <scilearn/learn/datasets/generators.hpp>
#include <scilearn/learn/datasets/loaders.hpp>
#include <scilearn/learn/validation.hpp>
