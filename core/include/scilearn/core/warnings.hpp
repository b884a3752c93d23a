#pragma once
/// \file
/// The library's warning channel, the counterpart of Python's `warnings` module.
///
/// Numerical outcomes that are not errors (an ill-conditioned matrix, an
/// iterative solver that stopped at its iteration limit) are reported through
/// warn(). The default handler prints each warning to stderr once per site (the
/// source location that raised it), as Python's default filter does. An
/// application replaces it with set_warning_handler() or, for a scope, with
/// ScopedWarningHandler (log it, count it, turn it into an exception).
///
/// Thread safety: warn() and set_warning_handler() may be called from any thread.
/// warn() calls the handler outside any lock, so a handler may itself warn or
/// replace the handler; when several threads warn at once, the handler runs
/// concurrently in them, so a handler with state must guard it.

#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace scilearn {

/// What kind of warning, named after the Python class a SciPy / scikit-learn
/// user knows.
enum class WarningCategory {
  user,             ///< UserWarning
  runtime,          ///< RuntimeWarning
  linalg,           ///< scipy.linalg.LinAlgWarning (ill-conditioned matrix, ...)
  convergence,      ///< sklearn.exceptions.ConvergenceWarning
  data_conversion,  ///< sklearn.exceptions.DataConversionWarning
};

/// The category's Python name, e.g. "LinAlgWarning".
[[nodiscard]] std::string_view to_string(WarningCategory category) noexcept;

/// A place in the source code: what std::source_location gives, built on the
/// __builtin_FILE / __builtin_LINE intrinsics that g++ and clang have long had,
/// because clang 14 (Debian 12's) cannot compile std::source_location.
class SourceLocation {
 public:
  /// The caller's file and line, when used as a default argument.
  static constexpr SourceLocation current(const char* file = __builtin_FILE(),
                                          unsigned line = __builtin_LINE()) noexcept {
    return SourceLocation(file, line);
  }
  /// The source file's name, as the compiler saw it.
  [[nodiscard]] constexpr const char* file_name() const noexcept { return file_; }
  /// The line number (1-based).
  [[nodiscard]] constexpr unsigned line() const noexcept { return line_; }

 private:
  constexpr SourceLocation(const char* file, unsigned line) noexcept : file_(file), line_(line) {}
  const char* file_;
  unsigned line_;
};

/// One warning, as passed to the handler.
struct Warning {
  WarningCategory category;  ///< what kind
  std::string message;       ///< what happened, naming the function and the numbers
  SourceLocation location;   ///< where in scilearn the warning was raised
};

/// Receives every warning; may log, count, ignore or throw.
using WarningHandler = std::function<void(const Warning&)>;

/// Installs `handler` for all threads and returns the previous one. An empty
/// handler restores the default (stderr, once per site).
WarningHandler set_warning_handler(WarningHandler handler);

/// Raises a warning: passes it to the current handler. An exception thrown by
/// the handler propagates to warn()'s caller (so a handler may turn warnings
/// into errors).
void warn(WarningCategory category, std::string message, SourceLocation location = SourceLocation::current());

/// Installs a handler for the lifetime of this object and restores the previous
/// one on destruction. Not meant to be nested across threads.
class ScopedWarningHandler {
 public:
  /// Installs `handler` (an empty one: the default) until destruction.
  explicit ScopedWarningHandler(WarningHandler handler) : previous_(set_warning_handler(std::move(handler))) {}
  ~ScopedWarningHandler() { set_warning_handler(std::move(previous_)); }
  ScopedWarningHandler(const ScopedWarningHandler&) = delete;
  ScopedWarningHandler& operator=(const ScopedWarningHandler&) = delete;

 private:
  WarningHandler previous_;
};

}  // namespace scilearn
