#include <scilearn/core/validation.hpp>

namespace scilearn {

void check_same_length(std::string_view where, std::string_view name_a, Index n_a, std::string_view name_b, Index n_b) {
  if (n_a != n_b)
    throw ValueError(cat(where, ": ", name_a, " and ", name_b, " have inconsistent lengths (", n_a, " and ", n_b, ")"));
}

}  // namespace scilearn
