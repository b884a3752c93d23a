#pragma once
// Checking what an exception says, not only that it was thrown.

#include <boost/test/unit_test.hpp>
#include <string>

namespace scilearn::testing {

/// Runs f, expects an exception of type E, and returns its message; records a
/// test failure (and returns "") when f throws nothing.
template <class E, class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  BOOST_ERROR("expected an exception of the expected type, none was thrown");
  return {};
}

}  // namespace scilearn::testing
