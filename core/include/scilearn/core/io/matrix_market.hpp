#pragma once
/// \file
/// Reading and writing Matrix Market files (NIST, Boisvert, Pozo & Remington
/// 1996: "The Matrix Market Exchange Formats"), as scipy.io.mmread / mmwrite.
///
///     SparseMatrix a = scilearn::io::mmread_sparse("bcsstk01.mtx");
///     scilearn::io::mmwrite("a.mtx", a, {.symmetry = MMSymmetry::symmetric});
///
/// Supported: object "matrix", formats "coordinate" and "array", fields "real",
/// "integer" and "pattern" (coordinate only; values read as 1), symmetry
/// "general", "symmetric" and "skew-symmetric". Keywords are case-insensitive.
/// "complex" and "hermitian" files are rejected as unsupported.

#include <filesystem>
#include <scilearn/core/types.hpp>
#include <string>

namespace scilearn::io {

/// Storage format: list of (i, j, value) entries, or all values column by column.
enum class MMFormat { coordinate, array };
/// Entry type. pattern: coordinate entries without a value.
enum class MMField { real, integer, pattern };
/// Which triangle is stored: general (all), symmetric (lower incl. diagonal),
/// skew_symmetric (strictly lower; a_ji = -a_ij).
enum class MMSymmetry { general, symmetric, skew_symmetric };

/// What a Matrix Market banner and size line say (scipy.io.mminfo).
struct MMInfo {
  Index rows;     ///< number of rows
  Index cols;     ///< number of columns
  Index entries;  ///< coordinate: stored entries declared; array: rows * cols
  MMFormat format;
  MMField field;
  MMSymmetry symmetry;
};

/// Reads the banner and size line of a Matrix Market file.
/// Throws: FormatError naming the file for a missing file, a bad or unsupported
///         banner, a bad size line, sizes that overflow or that the file is too
///         short to hold.
/// Complexity: O(header and comments).
MMInfo mminfo(const std::filesystem::path& path);

/// Reads a Matrix Market file of either format as a compressed sparse (CSC)
/// matrix. Symmetric and skew-symmetric storage is expanded to the full matrix;
/// duplicate coordinate entries are summed (as scipy's COO -> CSC); array files
/// keep their zeros out of the sparse structure.
/// Throws: FormatError naming the file and line for anything malformed: entry
///         count different from the declared one, an index out of range, a
///         non-numeric or non-integer value, extra tokens, trailing content, a
///         diagonal entry in a skew-symmetric file, dimensions beyond 32-bit
///         indices, declared dimensions (which a coordinate file need not back
///         with data) whose result needs more than the machine's physical
///         memory (the result has cols + 1 column pointers).
/// Complexity: O(file size + rows + cols + entries log entries).
SparseMatrix mmread_sparse(const std::filesystem::path& path);

/// Reads a Matrix Market file of either format as a dense matrix (symmetry
/// expanded, duplicates summed). Throws as mmread_sparse, and FormatError when
/// the dense size overflows or exceeds the machine's physical memory (a 40-byte
/// coordinate file may declare a 100000 x 100000 matrix).
/// Complexity: O(file size + rows * cols).
Matrix mmread_dense(const std::filesystem::path& path);

/// How mmwrite writes.
struct MMWriteOptions {
  MMSymmetry symmetry = MMSymmetry::general;  ///< symmetric / skew: only the lower triangle is written
  MMField field = MMField::real;              ///< integer: values must be whole numbers; pattern: coordinate only
  std::string comment{};                      ///< written as '%' lines after the banner (may hold line breaks)
};

/// Writes a sparse matrix in coordinate format, one stored entry per line with
/// 1-based indices, values in the shortest form that reads back exactly.
/// Throws: ValueError if options.symmetry is symmetric / skew-symmetric but `a`
///         is not (or is not square), or field is integer and a value is not a
///         whole number; FormatError naming the file if it cannot be written.
void mmwrite(const std::filesystem::path& path, const SparseMatrix& a, const MMWriteOptions& options = {});

/// Writes a dense matrix in array format (column by column).
/// Throws: as the sparse overload, and ValueError for field pattern.
void mmwrite(const std::filesystem::path& path, const Eigen::Ref<const Matrix>& a, const MMWriteOptions& options = {});

}  // namespace scilearn::io
