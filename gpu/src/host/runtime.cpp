// The OMP / CPP device systems' runtime: Thrust's "device" there is the host, so
// device memory is aligned host memory and a transfer is a memcpy.
#include <cstdlib>
#include <cstring>

#include "runtime.hpp"

namespace scilearn::gpu::detail {

namespace {
// cudaMalloc's alignment, so code that relies on it behaves alike on every back end.
constexpr std::size_t kAlignment = 256;
}  // namespace

void* raw_allocate(std::size_t bytes) {
  const std::size_t rounded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  return std::aligned_alloc(kAlignment, rounded);
}

void raw_free(void* block) noexcept { std::free(block); }

void raw_copy(void* to, const void* from, std::size_t bytes, CopyKind /*kind*/) { std::memcpy(to, from, bytes); }

void raw_zero(void* block, std::size_t bytes) { std::memset(block, 0, bytes); }

}  // namespace scilearn::gpu::detail
