#pragma once
/// \file
/// The exception hierarchy of scilearn.
///
/// Misuse throws; numerical outcomes of iterative methods are reported in result
/// structs. Every exception derives from scilearn::Error, so `catch (const
/// scilearn::Error&)` takes them all, and also from the standard exception that
/// matches its kind, so `catch (const std::invalid_argument&)` works too:
///
/// | type           | standard base          | thrown for                                         |
/// |----------------|------------------------|----------------------------------------------------|
/// | ValueError     | std::invalid_argument  | bad shape, NaN / Inf where not allowed, empty, bad option |
/// | NotFittedError | std::invalid_argument  | using an estimator's learned state before fit      |
/// | LinAlgError    | std::runtime_error     | singular, not positive definite, no convergence    |
/// | BackendError   | std::runtime_error     | a LAPACK / CHOLMOD / GSL / CUDA failure (keeps the code) |
/// | FormatError    | std::runtime_error     | a malformed file (names the file)                  |

#include <stdexcept>
#include <string>
#include <utility>

namespace scilearn {

/// Base of every scilearn exception. Not derived from std::exception itself (the
/// concrete types are, through exactly one standard base), so a `catch (const
/// std::exception&)` is never ambiguous.
class Error {
 public:
  virtual ~Error() = default;
  /// The message, as std::exception::what().
  [[nodiscard]] virtual const char* what() const noexcept = 0;

 protected:
  /// \cond INTERNAL
  Error() = default;
  Error(const Error&) = default;
  Error& operator=(const Error&) = default;
  /// \endcond
};

/// Bad input: wrong shape, NaN / Inf where not allowed, empty input, bad option.
class ValueError : public std::invalid_argument, public Error {
 public:
  /// \param message what was expected and what was given.
  explicit ValueError(const std::string& message) : std::invalid_argument(message) {}
  [[nodiscard]] const char* what() const noexcept override { return std::invalid_argument::what(); }
};

/// An estimator's learned state was used before fit().
class NotFittedError : public std::invalid_argument, public Error {
 public:
  /// \param message what was expected and what was given.
  explicit NotFittedError(const std::string& message) : std::invalid_argument(message) {}
  [[nodiscard]] const char* what() const noexcept override { return std::invalid_argument::what(); }
};

/// A linear-algebra failure caused by the data: singular matrix, not positive
/// definite, a decomposition that did not converge.
class LinAlgError : public std::runtime_error, public Error {
 public:
  /// \param message what was expected and what was given.
  explicit LinAlgError(const std::string& message) : std::runtime_error(message) {}
  [[nodiscard]] const char* what() const noexcept override { return std::runtime_error::what(); }
};

/// A third-party back end (LAPACK, CHOLMOD, GSL, CUDA, ...) reported an error
/// that the data does not explain. Keeps the back end's name and its code.
class BackendError : public std::runtime_error, public Error {
 public:
  /// \param backend the routine, e.g. "LAPACK dgetrf"; \param code its status;
  /// \param message what failed.
  BackendError(std::string backend, int code, const std::string& message)
      : std::runtime_error(message), backend_(std::move(backend)), code_(code) {}
  [[nodiscard]] const char* what() const noexcept override { return std::runtime_error::what(); }
  /// The back end's name, e.g. "LAPACK dgetrf".
  [[nodiscard]] const std::string& backend() const noexcept { return backend_; }
  /// The back end's own status code (LAPACK's info, a cudaError_t, ...).
  [[nodiscard]] int code() const noexcept { return code_; }

 private:
  std::string backend_;
  int code_;
};

/// A file (npy, CSV, Matrix Market, model file) is malformed. The message names
/// the file and the problem.
class FormatError : public std::runtime_error, public Error {
 public:
  /// \param message what was expected and what was given.
  explicit FormatError(const std::string& message) : std::runtime_error(message) {}
  [[nodiscard]] const char* what() const noexcept override { return std::runtime_error::what(); }
};

}  // namespace scilearn
