#pragma once
// Where the tests find the shared reference data that is not part of the
// repository (../shared/data next to the checkout, e.g. the NIST StRD files,
// which the project reads in place rather than copying), and how a test skips
// when it is absent.
//
// CI (.ci/run) insists on the data; on a user's machine without it the
// dependent test cases are skipped with a loud message, so the suite passes.

#include <boost/test/detail/global_typedef.hpp>
#include <boost/test/tools/assertion_result.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace scilearn::testing {

/// The shared data directory (<repository>/../shared/data), or nullopt when it
/// does not exist.
std::optional<std::filesystem::path> shared_data_dir();

/// A Boost.Test precondition: true when shared_data_dir()/<subdir> exists.
/// Otherwise prints "SKIPPED: ../shared/data (<what>) is absent: <n_cases>
/// certified-data cases not run" to stderr and to the test log, and the test
/// case is skipped (not failed). Use as
///   BOOST_AUTO_TEST_CASE(name, *boost::unit_test::precondition(
///                                 testing::RequiresSharedData{"nist/linear", "NIST StRD", 11}))
struct RequiresSharedData {
  std::string subdir;
  std::string what;
  int n_cases = 0;
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};

}  // namespace scilearn::testing
