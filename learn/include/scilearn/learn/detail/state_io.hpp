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
template <class T>
void write_field(io::BinaryWriter& out, std::string_view name, const T& value) {
  out.put_string(name);
  if constexpr (std::is_same_v<T, bool>)
    out.put_bool(value);
  else if constexpr (std::is_integral_v<T>)
    out.put_i64(static_cast<std::int64_t>(value));
  else if constexpr (std::is_floating_point_v<T>)
    out.put_f64(value);
  else if constexpr (std::is_same_v<T, std::string>)
    out.put_string(value);
  else if constexpr (std::is_same_v<T, std::vector<std::string>>)
    out.put_strings(value);
  else if constexpr (std::is_same_v<T, Vector>)
    out.put_vector(value);
  else if constexpr (std::is_same_v<T, Matrix>)
    out.put_matrix(value);
  else if constexpr (std::is_same_v<T, std::vector<Vector>>) {
    out.put_u64(value.size());
    for (const auto& v : value) out.put_vector(v);
  } else if constexpr (std::is_same_v<T, EstimatorPtr>) {
    out.put_bool(value != nullptr);
    if (value) write_record(*value, out);
  } else
    static_assert(sizeof(T) == 0, "write_field: unsupported field type");
}

template <class T>
void read_field(io::BinaryReader& in, std::string_view name, T& value) {
  if (const std::string stored = in.get_string(); stored != name)
    in.fail(cat("corrupt or from another version (expected the field '", name, "', found '", stored, "')"));
  if constexpr (std::is_same_v<T, bool>)
    value = in.get_bool();
  else if constexpr (std::is_integral_v<T>)
    value = static_cast<T>(in.get_i64());
  else if constexpr (std::is_floating_point_v<T>)
    value = in.get_f64();
  else if constexpr (std::is_same_v<T, std::string>)
    value = in.get_string();
  else if constexpr (std::is_same_v<T, std::vector<std::string>>)
    value = in.get_strings();
  else if constexpr (std::is_same_v<T, Vector>)
    value = in.get_vector();
  else if constexpr (std::is_same_v<T, Matrix>)
    value = in.get_matrix();
  else if constexpr (std::is_same_v<T, std::vector<Vector>>) {
    const std::uint64_t count = in.get_u64();
    value.clear();
    for (std::uint64_t i = 0; i < count; ++i) value.push_back(in.get_vector());  // each read is bounds-checked
  } else if constexpr (std::is_same_v<T, EstimatorPtr>) {
    value = in.get_bool() ? EstimatorPtr(read_record(in)) : nullptr;
  } else
    static_assert(sizeof(T) == 0, "read_field: unsupported field type");
}

}  // namespace scilearn::learn::detail
