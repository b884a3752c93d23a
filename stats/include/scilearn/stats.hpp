#pragma once
/// \file
/// Umbrella header of scilearn::stats: scipy.stats for C++.
#include <scilearn/stats/descriptive.hpp>
#include <scilearn/stats/kde.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/discrete_distributions.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <scilearn/stats/contingency_tests.hpp>
#include <scilearn/stats/correlation.hpp>
#include <scilearn/stats/kolmogorov.hpp>
#include <scilearn/stats/ks_tests.hpp>
#include <scilearn/stats/rank_tests.hpp>
#include <scilearn/stats/variance_tests.hpp>
#include <scilearn/stats/normality_tests.hpp>
#include <scilearn/stats/multiple_testing.hpp>
#include <scilearn/stats/qmc.hpp>
