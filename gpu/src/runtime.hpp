#pragma once
// The device runtime under the pool: raw allocation and copies. One twin per
// back end: cuda/runtime.cpp (the CUDA runtime API) and host/runtime.cpp (the
// OMP and CPP device systems, whose device memory is host memory).

#include <cstddef>

namespace scilearn::gpu::detail {

enum class CopyKind { host_to_device, device_to_host, device_to_device };

/// `bytes` of device memory, or null when the device is out of memory. Throws
/// BackendError on any other failure.
void* raw_allocate(std::size_t bytes);
/// Frees a block from raw_allocate. Never throws.
void raw_free(void* block) noexcept;
/// Copies `bytes`; throws BackendError on failure.
void raw_copy(void* to, const void* from, std::size_t bytes, CopyKind kind);
/// Sets `bytes` of device memory to zero; throws BackendError on failure.
void raw_zero(void* block, std::size_t bytes);

}  // namespace scilearn::gpu::detail
