#include "support/fixtures.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
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

std::vector<std::vector<std::string>> read_manifest(std::string_view relative) {
  std::ifstream in(fixture_path(relative));
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::vector<std::string> cells;
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace scilearn::testing
