#pragma once
/// \file
/// Umbrella header of scilearn::stats: scipy.stats for C++.
#include <scilearn/stats/descriptive.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <scilearn/stats/correlation.hpp>
