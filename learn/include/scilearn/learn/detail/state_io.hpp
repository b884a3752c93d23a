#pragma once
// Internal to scilearn::learn: the encoding of parameters and learned state in
// model files (persistence.hpp), used by EstimatorBase's write / read.

#include <memory>
#include <scilearn/core/io/binary.hpp>
#include <scilearn/learn/base/params.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace scilearn::learn::detail {

/// An estimator record: the class name, then what Estimator::write adds.
void write_record(const Estimator& estimator, io::BinaryWriter& out);
/// The estimator of a record, through the registry of estimator classes.
/// Throws FormatError for an unknown class or an invalid record.
std::unique_ptr<Estimator> read_record(io::BinaryReader& in);

void write_params(const ParamMap& params, io::BinaryWriter& out);
ParamMap read_params(io::BinaryReader& in);

// One named field of a learned state. The name is stored and checked on
// reading, so a file from a build with another layout fails clearly.
using IndexMatrix = Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic>;

template <class T>
void write_field(io::BinaryWriter& out, std::string_view name, const T& value) {
  out.put_string(name);
  if constexpr (std::is_same_v<T, bool>) {
    out.put_bool(value);
  } else if constexpr (std::is_integral_v<T>) {
    out.put_i64(static_cast<std::int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    out.put_f64(value);
  } else if constexpr (std::is_same_v<T, std::string>) {
    out.put_string(value);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    out.put_strings(value);
  } else if constexpr (std::is_same_v<T, Vector>) {
    out.put_vector(value);
  } else if constexpr (std::is_same_v<T, Matrix>) {
    out.put_matrix(value);
  } else if constexpr (std::is_same_v<T, std::vector<Index>>) {
    out.put_i64s(std::vector<std::int64_t>(value.begin(), value.end()));
  } else if constexpr (std::is_same_v<T, IndexMatrix>) {
    out.put_u64(static_cast<std::uint64_t>(value.rows()));
    out.put_i64s(std::vector<std::int64_t>(value.data(), value.data() + value.size()));
  } else if constexpr (std::is_same_v<T, EstimatorPtr>) {
    out.put_bool(value != nullptr);
    if (value) write_record(*value, out);
  } else {  // a list of any of the above
    out.put_u64(value.size());
    for (const auto& item : value) write_field(out, "item", item);
  }
}

template <class T>
void read_field(io::BinaryReader& in, std::string_view name, T& value) {
  if (const std::string stored = in.get_string(); stored != name)
    in.fail(cat("corrupt or from another version (expected the field '", name, "', found '", stored, "')"));
  if constexpr (std::is_same_v<T, bool>) {
    value = in.get_bool();
  } else if constexpr (std::is_integral_v<T>) {
    value = static_cast<T>(in.get_i64());
  } else if constexpr (std::is_floating_point_v<T>) {
    value = in.get_f64();
  } else if constexpr (std::is_same_v<T, std::string>) {
    value = in.get_string();
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    value = in.get_strings();
  } else if constexpr (std::is_same_v<T, Vector>) {
    value = in.get_vector();
  } else if constexpr (std::is_same_v<T, Matrix>) {
    value = in.get_matrix();
  } else if constexpr (std::is_same_v<T, std::vector<Index>>) {
    const auto stored = in.get_i64s();
    value.assign(stored.begin(), stored.end());
  } else if constexpr (std::is_same_v<T, IndexMatrix>) {
    const std::uint64_t rows = in.get_u64();
    const auto stored = in.get_i64s();
    if (rows == 0 ? !stored.empty() : stored.size() % rows != 0) in.fail("corrupt (the size of an integer matrix)");
    value.resize(static_cast<Index>(rows), rows == 0 ? 0 : static_cast<Index>(stored.size() / rows));
    std::copy(stored.begin(), stored.end(), value.data());
  } else if constexpr (std::is_same_v<T, EstimatorPtr>) {
    value = in.get_bool() ? EstimatorPtr(read_record(in)) : nullptr;
  } else {  // a list of any of the above; every item read is bounds-checked
    const std::uint64_t count = in.get_u64();
    value.clear();
    for (std::uint64_t i = 0; i < count; ++i) read_field(in, "item", value.emplace_back());
  }
}

}  // namespace scilearn::learn::detail
