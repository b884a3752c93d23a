#pragma once
/// \file
/// Reading .npy images held in memory (a member of an .npz archive, a network
/// buffer) rather than files, and the header writers of containers need: the
/// in-memory side of npy.hpp, with the same checks, conversions and errors.
///
///     MatrixXd a = scilearn::io::load_npy_buffer<double>(bytes, "m.npz: data.npy");

#include <cstdint>
#include <filesystem>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::io {

/// load_npy on an .npy image held in memory instead of a file.
/// \param bytes the whole image, preamble to last data byte (nothing after it);
/// \param source names it in messages, e.g. "m.npz: data.npy".
/// Throws: FormatError("load_npy_buffer: <source>: <problem>") as load_npy.
/// Complexity: O(size of the array); reads `bytes` in place, no copy of the image.
template <class Scalar>
MatrixT<Scalar> load_npy_buffer(std::string_view bytes, const std::string& source);

/// load_npy_vector on an .npy image held in memory; see load_npy_buffer.
template <class Scalar>
VectorT<Scalar> load_npy_vector_buffer(std::string_view bytes, const std::string& source);

/// The text of a 0-d string array held in memory: dtype '|S<n>' (bytes, as
/// `np.save(f, np.array(b"csr"))` writes) or '<U<n>' / '>U<n>' (unicode,
/// ASCII characters only), trailing NULs removed as NumPy does.
/// Throws: FormatError for anything else (another dtype or shape, a malformed
/// or truncated image, a non-ASCII character). Complexity: O(size).
std::string load_npy_string_buffer(std::string_view bytes, const std::string& source);

extern template MatrixT<double> load_npy_buffer<double>(std::string_view, const std::string&);
extern template MatrixT<float> load_npy_buffer<float>(std::string_view, const std::string&);
extern template MatrixT<std::int32_t> load_npy_buffer<std::int32_t>(std::string_view, const std::string&);
extern template MatrixT<std::int64_t> load_npy_buffer<std::int64_t>(std::string_view, const std::string&);
extern template VectorT<double> load_npy_vector_buffer<double>(std::string_view, const std::string&);
extern template VectorT<float> load_npy_vector_buffer<float>(std::string_view, const std::string&);
extern template VectorT<std::int32_t> load_npy_vector_buffer<std::int32_t>(std::string_view, const std::string&);
extern template VectorT<std::int64_t> load_npy_vector_buffer<std::int64_t>(std::string_view, const std::string&);

namespace detail {

/// The bytes before the data of a version 1.0 .npy image of a C-ordered array:
/// magic, version, header length and the header dict padded as NumPy pads it
/// (data 64-byte aligned). `descr` is NumPy's dtype string ("<f8", "|S3");
/// `shape` empty for a 0-d array. Writers of containers (.npz) append the data.
/// Throws FormatError("function: path: ...") for a header past 65535 bytes.
std::string npy_header(std::string_view descr, const std::vector<Index>& shape, std::string_view function,
                       const std::filesystem::path& path);

}  // namespace detail

}  // namespace scilearn::io
