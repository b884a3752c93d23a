// The CUDA device system's runtime: the CUDA runtime API, its errors turned into
// BackendError with CUDA's own message and code.
#include <cuda_runtime_api.h>

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "runtime.hpp"

namespace scilearn::gpu::detail {

namespace {
void check(cudaError_t status, const char* call) {
  if (status != cudaSuccess)
    throw BackendError(cat("CUDA ", call), static_cast<int>(status),
                       cat(call, " failed: ", cudaGetErrorName(status), ": ", cudaGetErrorString(status)));
}

cudaMemcpyKind kind_of(CopyKind kind) {
  switch (kind) {
    case CopyKind::host_to_device: return cudaMemcpyHostToDevice;
    case CopyKind::device_to_host: return cudaMemcpyDeviceToHost;
    case CopyKind::device_to_device: return cudaMemcpyDeviceToDevice;
  }
  return cudaMemcpyDefault;
}
}  // namespace

void* raw_allocate(std::size_t bytes) {
  void* block = nullptr;
  const cudaError_t status = cudaMalloc(&block, bytes);
  if (status == cudaErrorMemoryAllocation) {
    (void)cudaGetLastError();  // clears the sticky-free error so later calls succeed
    return nullptr;
  }
  check(status, "cudaMalloc");
  return block;
}

void raw_free(void* block) noexcept { (void)cudaFree(block); }

void raw_copy(void* to, const void* from, std::size_t bytes, CopyKind kind) {
  check(cudaMemcpy(to, from, bytes, kind_of(kind)), "cudaMemcpy");
}

void raw_zero(void* block, std::size_t bytes) { check(cudaMemset(block, 0, bytes), "cudaMemset"); }

}  // namespace scilearn::gpu::detail
