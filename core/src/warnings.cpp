#include <iostream>
#include <mutex>
#include <scilearn/core/warnings.hpp>
#include <set>
#include <utility>

namespace scilearn {
namespace {

// The only global mutable state of the warning channel, guarded by one mutex.
// Recursive, so that a handler which itself warns does not deadlock.
std::recursive_mutex& handler_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

WarningHandler& current_handler() {
  static WarningHandler handler;
  return handler;
}

// Default: print once per raising site, like Python's "default" filter action.
void print_once_per_site(const Warning& w) {
  using Site = std::pair<std::string, unsigned>;
  static std::set<Site> seen;
  if (!seen.emplace(w.location.file_name(), w.location.line()).second) return;
  std::cerr << "scilearn " << to_string(w.category) << ": " << w.message << '\n';
}

}  // namespace

std::string_view to_string(WarningCategory category) noexcept {
  switch (category) {
    case WarningCategory::user: return "UserWarning";
    case WarningCategory::runtime: return "RuntimeWarning";
    case WarningCategory::linalg: return "LinAlgWarning";
    case WarningCategory::convergence: return "ConvergenceWarning";
    case WarningCategory::data_conversion: return "DataConversionWarning";
  }
  return "Warning";
}

WarningHandler set_warning_handler(WarningHandler handler) {
  std::lock_guard lock(handler_mutex());
  return std::exchange(current_handler(), std::move(handler));
}

void warn(WarningCategory category, std::string message, SourceLocation location) {
  const Warning w{category, std::move(message), location};
  std::lock_guard lock(handler_mutex());
  if (current_handler()) {
    current_handler()(w);
  } else {
    print_once_per_site(w);
  }
}

}  // namespace scilearn
