#pragma once
/// \file
/// Device memory: the caching pool behind every DeviceVector / DeviceMatrix, and
/// the counters of host <-> device transfers.
///
/// Allocating device memory is slow (cudaMalloc synchronizes the device), so a
/// block that a DeviceVector or DeviceMatrix releases goes back to a pool and a
/// later request of a similar size reuses it: a second fit of the same shapes
/// allocates nothing. A cached block serves requests of between half its size and
/// its size. release_cached() hands the cached blocks back to the device.
///
/// Transfers between host and device are explicit (DeviceVector::from_host,
/// to_host, ...) and counted, so a test or a profile can check that a loop moves
/// no data it should not. The counters are process-wide and thread-safe.

#include <cstddef>
#include <memory>

namespace scilearn::gpu {

/// The state of the device memory pool.
struct PoolStats {
  std::size_t bytes_in_use = 0;   ///< held by live arrays (block sizes, rounded up)
  std::size_t bytes_cached = 0;   ///< free blocks kept for reuse
  std::size_t allocations = 0;    ///< blocks obtained from the device since the start
  std::size_t reuses = 0;         ///< requests served from the cache since the start
};

/// The pool's counters. Thread-safe; O(1).
[[nodiscard]] PoolStats pool_stats();

/// Returns every cached (unused) block to the device. Arrays still alive keep
/// their memory. Thread-safe; O(number of cached blocks).
void release_cached();

/// Counts of explicit host <-> device copies since the start (or the last reset).
struct TransferStats {
  std::size_t host_to_device_count = 0;  ///< copies from host to device
  std::size_t host_to_device_bytes = 0;
  std::size_t device_to_host_count = 0;  ///< copies from device to host
  std::size_t device_to_host_bytes = 0;
};

/// The transfer counters. Thread-safe; O(1).
[[nodiscard]] TransferStats transfer_stats();

/// Sets every transfer counter to zero. Thread-safe; O(1).
void reset_transfer_stats();

/// \cond INTERNAL
namespace detail {
/// A block of at least `bytes` device bytes, zero-filled, that returns to the
/// pool when the last owner lets go. Throws BackendError when the device is out
/// of memory (after releasing the cache and trying once more).
[[nodiscard]] std::shared_ptr<void> allocate(std::size_t bytes);
/// Counted copies; sizes in bytes. Throw BackendError on a device failure.
void copy_host_to_device(void* device, const void* host, std::size_t bytes);
void copy_device_to_host(void* host, const void* device, std::size_t bytes);
/// Uncounted: both ends on the device.
void copy_device_to_device(void* to, const void* from, std::size_t bytes);
}  // namespace detail
/// \endcond

}  // namespace scilearn::gpu
