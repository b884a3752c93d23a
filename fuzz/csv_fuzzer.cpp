// Fuzzes load_csv with and without a header, with ',' and ';'. Values that load
// must survive save_csv -> load_csv exactly (NaN as NaN).
#include <cmath>
#include <cstring>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/csv.hpp>

#include "fuzz_input.hpp"

namespace {

bool same(double x, double y) { return std::isnan(x) ? std::isnan(y) : std::memcmp(&x, &y, sizeof x) == 0; }

void round_trip(const scilearn::Matrix& a) {
  if (a.rows() == 0) return;  // save_csv refuses to write an empty file
  static const auto copy = scilearn::fuzz::scratch_path("copy.csv");
  scilearn::io::save_csv(copy, a);
  const scilearn::Matrix b = scilearn::io::load_csv(copy).values;
  if (a.rows() != b.rows() || a.cols() != b.cols()) scilearn::fuzz::invariant_failed("save_csv -> load_csv shape");
  for (scilearn::Index k = 0; k < a.size(); ++k) {
    if (!same(a(k), b(k))) scilearn::fuzz::invariant_failed("save_csv -> load_csv value");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = scilearn::fuzz::write_input(data, size, ".csv");
  for (const bool header : {false, true}) {
    for (const char delimiter : {',', ';'}) {
      try {
        const scilearn::io::CsvTable t = scilearn::io::load_csv(path, {.delimiter = delimiter, .header = header});
        if (header && t.columns.size() != static_cast<std::size_t>(t.values.cols())) {
          scilearn::fuzz::invariant_failed("header and value columns differ");
        }
        round_trip(t.values);
      } catch (const scilearn::FormatError&) {
      }
    }
  }
  return 0;
}
