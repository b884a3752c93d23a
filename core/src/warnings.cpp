#include <iostream>
#include <memory>
#include <mutex>
#include <scilearn/core/warnings.hpp>
#include <set>
#include <utility>

namespace scilearn {
namespace {

// The installed handler, shared so that warn() can call it outside the lock:
// a handler may then warn, replace itself or wait on other threads that warn,
// and the std::function it runs stays alive until its call returns.
struct HandlerSlot {
  std::mutex mutex;
  std::shared_ptr<const WarningHandler> handler;  // null: the default
};

HandlerSlot& slot() {
  static HandlerSlot instance;
  return instance;
}

// Default: print once per raising site, like Python's "default" filter action.
void print_once_per_site(const Warning& w) {
  static std::mutex mutex;
  static std::set<std::pair<std::string, unsigned>> seen;
  std::lock_guard lock(mutex);
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
  auto next = handler ? std::make_shared<const WarningHandler>(std::move(handler)) : nullptr;
  std::shared_ptr<const WarningHandler> previous;
  {
    std::lock_guard lock(slot().mutex);
    previous = std::exchange(slot().handler, std::move(next));
  }
  return previous ? *previous : WarningHandler{};
}

void warn(WarningCategory category, std::string message, SourceLocation location) {
  const Warning w{category, std::move(message), location};
  std::shared_ptr<const WarningHandler> handler;
  {
    std::lock_guard lock(slot().mutex);
    handler = slot().handler;
  }
  if (handler) {
    (*handler)(w);
  } else {
    print_once_per_site(w);
  }
}

}  // namespace scilearn
