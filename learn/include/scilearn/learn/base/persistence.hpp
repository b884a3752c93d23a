#pragma once
/// \file
/// save / load: estimators and pipelines (fitted or not) to and from model
/// files, as Python users do with pickle / joblib, but with a documented,
/// portable format that never executes code.
///
/// Format (version 1): the checked container of core/io/binary.hpp with magic
/// "SCLMODEL"; its payload is one estimator record:
/// - the class name (u64 length + UTF-8 bytes);
/// - the parameters: u64 count, then per parameter its name and a tagged
///   value (u8 tag = the ParamValue alternative's index, then the value;
///   a nested estimator is a present flag and a record of its own);
/// - u8 fitted, then the learned state as named fields (name, value), in the
///   estimator's own order; a Pipeline stores its steps in order instead.
/// All integers little-endian, sizes 64-bit, doubles IEEE-754 binary64.
///
/// \code
///   save(pipe, "model.scl");
///   std::unique_ptr<Estimator> back = load("model.scl");
///   Vector same = back->predict(X);   // identical to pipe.predict(X)
/// \endcode

#include <filesystem>
#include <memory>
#include <scilearn/learn/base/estimator.hpp>

namespace scilearn::learn {

/// The model file format version this build writes (and the newest it reads).
inline constexpr std::uint32_t model_format_version = 1;

/// Writes `estimator` to `path`, replacing the file.
/// Throws: ValueError for an estimator that cannot be saved yet; FormatError
/// when the file cannot be written.
void save(const Estimator& estimator, const std::filesystem::path& path);

/// Reads an estimator written by save().
/// Throws: FormatError naming the file when it is missing, truncated,
/// oversized, corrupted (checksum), of another format version, or holds an
/// unknown estimator class or inconsistent state.
[[nodiscard]] std::unique_ptr<Estimator> load(const std::filesystem::path& path);

/// load() with the concrete type: FormatError when the file holds another class.
template <class E>
[[nodiscard]] E load_as(const std::filesystem::path& path) {
  const std::unique_ptr<Estimator> loaded = load(path);
  if (auto* typed = dynamic_cast<E*>(loaded.get())) return std::move(*typed);
  throw FormatError(cat(path.string(), ": holds a ", loaded->name(), ", not the requested type"));
}

}  // namespace scilearn::learn
