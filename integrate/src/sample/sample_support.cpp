#include "sample/sample_support.hpp"

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::integrate::sample {

void check_x_length(std::string_view where, const Spacing& h, Index n) {
  if (h.x != nullptr && h.x->size() != n) {
    throw ValueError(cat(where, ": x has ", h.x->size(), " entries but y has ", n, " samples along the axis"));
  }
}

void check_not_empty(std::string_view where, Index n) {
  if (n == 0) throw ValueError(cat(where, ": at least one sample is required along the axis, y has none"));
}

int normalized_axis(std::string_view where, int axis) {
  if (axis < -2 || axis > 1) {
    throw ValueError(cat(where, ": axis ", axis, " is out of bounds for a 2-D y (valid: -2, -1, 0, 1)"));
  }
  return axis < 0 ? axis + 2 : axis;
}

Vector with_initial(const Vector& values, std::optional<double> initial) {
  if (!initial) return values;
  Vector out(values.size() + 1);
  out[0] = *initial;
  out.tail(values.size()) = values.array() + *initial;
  return out;
}

}  // namespace scilearn::integrate::sample
