#include "bench_support.hpp"

#include <map>
#include <utility>

namespace scilearn::bench {
namespace {

// Function-local statics: registration runs during static initialization of
// the benchmark files, in an order the language leaves unspecified.
std::map<std::string, DataWriter>& writers() {
  static std::map<std::string, DataWriter> registry;
  return registry;
}

std::filesystem::path& data_dir_storage() {
  static std::filesystem::path dir = "bench/data";
  return dir;
}

}  // namespace

const std::filesystem::path& data_dir() { return data_dir_storage(); }

void set_data_dir(std::filesystem::path dir) { data_dir_storage() = std::move(dir); }

bool register_data_writer(std::string workload, DataWriter writer) {
  writers().insert_or_assign(std::move(workload), std::move(writer));
  return true;
}

void write_all_data(const std::filesystem::path& root) {
  for (const auto& [workload, write] : writers()) {
    const auto dir = root / workload;
    std::filesystem::create_directories(dir);
    write(dir);
  }
}

}  // namespace scilearn::bench
