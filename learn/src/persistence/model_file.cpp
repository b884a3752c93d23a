#include <algorithm>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/base/persistence.hpp>
#include <scilearn/learn/detail/state_io.hpp>

#include "persistence/registry.hpp"

namespace scilearn::learn {

namespace detail {

namespace {

// Nested estimators (pipeline steps, wrapped regressors) recurse; a file
// cannot make the reader recurse deeper than this.
constexpr int max_nesting = 64;
thread_local int nesting = 0;

struct NestingGuard {
  explicit NestingGuard(io::BinaryReader& in) {
    if (++nesting > max_nesting) {
      --nesting;
      in.fail(cat("corrupt (estimators nested deeper than ", max_nesting, ")"));
    }
  }
  ~NestingGuard() { --nesting; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
};

void write_value(const ParamValue& value, io::BinaryWriter& out) {
  out.put_u8(static_cast<std::uint8_t>(value.index()));
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
        } else if constexpr (std::is_same_v<T, bool>)
          out.put_bool(v);
        else if constexpr (std::is_same_v<T, std::int64_t>)
          out.put_i64(v);
        else if constexpr (std::is_same_v<T, double>)
          out.put_f64(v);
        else if constexpr (std::is_same_v<T, std::string>)
          out.put_string(v);
        else if constexpr (std::is_same_v<T, Seed>)
          out.put_u64(v.value);
        else if constexpr (std::is_same_v<T, std::vector<std::int64_t>>)
          out.put_i64s(v);
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
          out.put_vector(Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size())));
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>)
          out.put_strings(v);
        else if constexpr (std::is_same_v<T, EstimatorPtr>) {
          out.put_bool(v != nullptr);
          if (v) write_record(*v, out);
        }
      },
      value);
}

ParamValue read_value(io::BinaryReader& in) {
  switch (in.get_u8()) {
    case 0: return std::monostate{};
    case 1: return in.get_bool();
    case 2: return in.get_i64();
    case 3: return in.get_f64();
    case 4: return in.get_string();
    case 5: return Seed{in.get_u64()};
    case 6: return in.get_i64s();
    case 7: {
      const Vector stored = in.get_vector();
      return std::vector<double>(stored.data(), stored.data() + stored.size());
    }
    case 8: return in.get_strings();
    case 9: return in.get_bool() ? EstimatorPtr(read_record(in)) : EstimatorPtr();
    default: in.fail("corrupt (unknown parameter type tag)");
  }
}

// `device` says where to compute, not what was learned: at its default
// ("cpu") it is left out, so files keep the bytes they had before estimators
// took the parameter, and a missing one reads back as the default.
bool written(const std::string& name, const ParamValue& value) {
  return !(name == "device" && params_equal(value, ParamValue(std::string("cpu"))));
}

}  // namespace

void write_params(const ParamMap& params, io::BinaryWriter& out) {
  out.put_u64(static_cast<std::uint64_t>(
      std::count_if(params.begin(), params.end(), [](const auto& p) { return written(p.first, p.second); })));
  for (const auto& [name, value] : params) {
    if (!written(name, value)) continue;
    out.put_string(name);
    write_value(value, out);
  }
}

ParamMap read_params(io::BinaryReader& in) {
  const std::uint64_t count = in.get_u64();
  ParamMap params;
  for (std::uint64_t i = 0; i < count; ++i) {  // every read is bounds-checked, so a huge count fails fast
    std::string name = in.get_string();
    params.insert_or_assign(std::move(name), read_value(in));
  }
  return params;
}

void write_record(const Estimator& estimator, io::BinaryWriter& out) {
  out.put_string(estimator.name());
  estimator.write(out);
}

std::unique_ptr<Estimator> read_record(io::BinaryReader& in) {
  const NestingGuard guard(in);
  const std::string name = in.get_string();
  const RecordReader reader = find_record_reader(name);
  if (!reader) in.fail(cat("unknown estimator class '", name, "'"));
  return reader(in);
}

}  // namespace detail

void save(const Estimator& estimator, const std::filesystem::path& path) {
  io::BinaryWriter out;
  detail::write_record(estimator, out);
  io::write_container(path, "SCLMODEL", model_format_version, out.bytes());
}

std::unique_ptr<Estimator> load(const std::filesystem::path& path) {
  const io::Container container = io::read_container(path, "SCLMODEL", 1, model_format_version);
  io::BinaryReader in(container.payload, path.string());
  auto estimator = detail::read_record(in);
  if (!in.at_end()) in.fail("corrupt (bytes after the estimator record)");
  return estimator;
}

}  // namespace scilearn::learn
