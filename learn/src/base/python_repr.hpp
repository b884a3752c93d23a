#pragma once
// Private to scilearn::learn: numbers spelled as Python spells them, for
// parameter values (to_string) and feature names ("x0_1.5").

#include <string>

namespace scilearn::learn::detail {

/// Python's repr / str of a float: the shortest digits that read back to x,
/// "1.0" for integral values, exponent form ("1e-05") outside [1e-4, 1e16).
std::string python_float_str(double x);

}  // namespace scilearn::learn::detail
