#include "support/shared_data.hpp"

#include <iostream>
#include <string>

namespace scilearn::testing {

std::optional<std::filesystem::path> shared_data_dir() {
  const std::filesystem::path dir(SCILEARN_SHARED_DATA_DIR);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  return dir.lexically_normal();
}

boost::test_tools::assertion_result RequiresSharedData::operator()(boost::unit_test::test_unit_id) const {
  const auto dir = shared_data_dir();
  std::error_code ec;
  if (dir && std::filesystem::is_directory(*dir / subdir, ec)) return true;
  const std::string message =
      "SKIPPED: ../shared/data (" + what + ") is absent: " + std::to_string(n_cases) + " certified-data cases not run";
  // stderr as well as the log: ctest shows a skipped case's log only on failure.
  std::cerr << "\n*** " << message << " ***\n\n";
  boost::test_tools::assertion_result result(false);
  result.message() << message;
  return result;
}

}  // namespace scilearn::testing
