#include "base/memory.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace scilearn::learn::detail {

void advise_huge_pages([[maybe_unused]] void* data, [[maybe_unused]] std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t huge = std::size_t{1} << 21;
  if (bytes < (std::size_t{4} << 20)) return;
  // madvise needs a page-aligned start: the 2 MB-aligned interior of the buffer.
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = (begin + bytes) & ~(huge - 1);
  if (last > first) (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

}  // namespace scilearn::learn::detail
