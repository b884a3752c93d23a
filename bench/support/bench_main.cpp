// main() of every benchmark program: Google Benchmark's flags, plus
//   --write-data DIR   write every workload's inputs as .npy under DIR and exit
//   --data-dir DIR     read the inputs from DIR (default bench/data)
// bench/compare runs the first once, then each benchmark in a fresh process.

#include <benchmark/benchmark.h>

#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench_support.hpp"

namespace {

void print_usage(const char* program) {
  std::cout << "usage: " << program << " [--write-data DIR] [--data-dir DIR] [--benchmark_...]\n"
            << "  --write-data DIR  write the workloads' inputs (.npy) under DIR and exit\n"
            << "  --data-dir DIR    read the inputs from DIR (default bench/data)\n"
            << "Google Benchmark's own flags follow; see --help after these.\n";
}

// Returns the value of `--name VALUE` or `--name=VALUE` at argv[i] (advancing i
// past a separate value), or nothing when argv[i] is another argument.
std::optional<std::string> take_option(std::string_view name, int argc, char** argv, int& i) {
  const std::string_view arg = argv[i];
  if (arg == name) {
    if (i + 1 >= argc) throw std::invalid_argument(std::string(name) + " needs a directory");
    return std::string(argv[++i]);
  }
  if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
    return std::string(arg.substr(name.size() + 1));
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    // Google Benchmark removes the flags it knows; ours are what remains.
    benchmark::Initialize(&argc, argv);
    std::optional<std::string> write_dir;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
      if (auto dir = take_option("--write-data", argc, argv, i)) {
        write_dir = *dir;
      } else if (auto dir = take_option("--data-dir", argc, argv, i)) {
        scilearn::bench::set_data_dir(*dir);
      } else if (std::string_view(argv[i]) == "--usage") {
        print_usage(argv[0]);
        return 0;
      } else {
        rest.push_back(argv[i]);
      }
    }
    int rest_argc = static_cast<int>(rest.size());
    if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 2;
    if (write_dir) {
      scilearn::bench::write_all_data(*write_dir);
      return 0;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << argv[0] << ": " << e.what() << '\n';
    return 1;
  }
}
