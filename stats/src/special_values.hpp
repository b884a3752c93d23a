#pragma once
// NaN and infinity as the stats sources write them (scipy.stats returns NaN
// where a value is undefined). Private to the module.

#include <limits>

namespace scilearn::stats::detail {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace scilearn::stats::detail
