// Fuzzes learn's model files: load() must accept a file or throw
// scilearn::FormatError, whatever its bytes. A file that loads must survive
// save -> load -> save bit for bit, and a fitted model that loads must answer
// predict / transform on a small matrix with a result or a typed scilearn
// error, never a crash: load's consistency checks are what stand between a
// crafted file and out-of-bounds reads in those methods.
//
// A hash guards the payload, so nearly every raw mutation would stop at the
// container check (which persistence_test covers byte by byte). An input that
// starts with the model magic is therefore re-sealed: the bytes between its
// 20-byte header and 8-byte hash become the payload of a valid container, and
// the record parser sees the mutations. Other inputs are loaded as they are.
#include <cstring>
#include <fstream>
#include <iterator>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/binary.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <string_view>

#include "fuzz_input.hpp"

namespace {

using scilearn::learn::Estimator;
using scilearn::learn::Method;

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Calls each method the model has on a small matrix of the width it expects.
void exercise(const Estimator& model) {
  constexpr scilearn::Index max_width = 256;  // keeps one run cheap
  const scilearn::Index width = model.n_features_in();
  if (width < 1 || width > max_width) return;
  // Inside, below and far above any fitted range.
  scilearn::Matrix X(3, width);
  X.row(0).setConstant(0.5);
  X.row(1).setConstant(-3.0);
  X.row(2).setConstant(1e6);
  const auto attempt = [&](Method method, auto&& call) {
    if (!model.has(method)) return;
    try {
      (void)call();
    } catch (const scilearn::Error&) {
    }
  };
  attempt(Method::predict, [&] { return model.predict(X); });
  attempt(Method::predict_proba, [&] { return model.predict_proba(X); });
  attempt(Method::predict_log_proba, [&] { return model.predict_log_proba(X); });
  attempt(Method::decision_function, [&] { return model.decision_function(X); });
  attempt(Method::transform, [&] { return model.transform(X); });
  try {
    (void)model.get_feature_names_out();
  } catch (const scilearn::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::string_view magic = "SCLMODEL";
  constexpr std::size_t header = 20, hash = 8;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto& path = scilearn::fuzz::write_input(data, size, ".scl");
  if (bytes.size() >= header + hash && bytes.starts_with(magic)) {
    scilearn::io::write_container(path, magic, scilearn::learn::model_format_version,
                                  bytes.substr(header, bytes.size() - header - hash));
  }
  std::unique_ptr<Estimator> model;
  try {
    model = scilearn::learn::load(path);
  } catch (const scilearn::FormatError&) {
    return 0;
  }
  static const auto first = scilearn::fuzz::scratch_path("first.scl");
  static const auto second = scilearn::fuzz::scratch_path("second.scl");
  scilearn::learn::save(*model, first);
  scilearn::learn::save(*scilearn::learn::load(first), second);
  if (read_bytes(first) != read_bytes(second))
    scilearn::fuzz::invariant_failed("save -> load -> save changed the file");
  if (model->is_fitted()) exercise(*model);
  return 0;
}
