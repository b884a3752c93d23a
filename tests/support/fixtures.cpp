#include "support/fixtures.hpp"

#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <string>

namespace scilearn::testing {

std::filesystem::path fixture_path(std::string_view relative) {
  auto path = std::filesystem::path(SCILEARN_TEST_DATA_DIR) / relative;
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("missing test fixture " + path.string() +
                             " (regenerate it with the script in tests/reference/)");
  }
  return path;
}

std::filesystem::path scratch_dir(std::string_view name) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() / ("scilearn-test-" + std::to_string(::getpid()) + "-" +
                                                       std::to_string(counter++) + "-" + std::string(name));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace scilearn::testing
