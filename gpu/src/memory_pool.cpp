// The caching pool behind every device array, and the transfer counters.
//
// A released block goes to a size-ordered free list; a request takes the
// smallest cached block that is large enough and at most twice the (rounded)
// request, so big blocks are not wasted on small arrays. Blocks are rounded up
// to 512 bytes so near-equal sizes share them. When the device refuses an
// allocation, the cache is handed back and the allocation tried once more.
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/gpu/backend.hpp>
#include <scilearn/gpu/memory.hpp>

#include <atomic>
#include <map>
#include <mutex>

#include "runtime.hpp"

namespace scilearn::gpu {

namespace {

constexpr std::size_t kGranule = 512;

class Pool {
 public:
  Pool() = default;
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool() {
    for (const auto& [bytes, block] : free_) detail::raw_free(block);
  }

  // A block of `bytes` (rounded) and its size; never null.
  std::pair<void*, std::size_t> take(std::size_t bytes) {
    const std::size_t size = (bytes + kGranule - 1) / kGranule * kGranule;
    {
      std::lock_guard lock(mutex_);
      auto it = free_.lower_bound(size);
      if (it != free_.end() && it->first <= 2 * size) {
        const auto found = *it;
        free_.erase(it);
        stats_.bytes_cached -= found.first;
        stats_.bytes_in_use += found.first;
        ++stats_.reuses;
        return {found.second, found.first};
      }
    }
    void* block = detail::raw_allocate(size);
    if (block == nullptr) {
      release();
      block = detail::raw_allocate(size);
    }
    if (block == nullptr) {
      const PoolStats now = stats();
      throw BackendError(cat(backend_name(backend()), " allocation"), 2,
                         cat("out of device memory: ", size, " bytes requested, ", now.bytes_in_use,
                             " bytes in use by live arrays"));
    }
    std::lock_guard lock(mutex_);
    stats_.bytes_in_use += size;
    ++stats_.allocations;
    return {block, size};
  }

  void give_back(void* block, std::size_t size) noexcept {
    std::lock_guard lock(mutex_);
    stats_.bytes_in_use -= size;
    try {
      free_.emplace(size, block);
      stats_.bytes_cached += size;
    } catch (...) {  // no memory for the list node: free the block instead
      detail::raw_free(block);
    }
  }

  void release() noexcept {
    std::lock_guard lock(mutex_);
    for (const auto& [bytes, block] : free_) detail::raw_free(block);
    free_.clear();
    stats_.bytes_cached = 0;
  }

  PoolStats stats() {
    std::lock_guard lock(mutex_);
    return stats_;
  }

 private:
  std::mutex mutex_;
  std::multimap<std::size_t, void*> free_;
  PoolStats stats_;
};

// Every block's deleter holds the pool, so the pool outlives the last array
// even when that array is a static destroyed after this function's static.
const std::shared_ptr<Pool>& pool() {
  static const auto instance = std::make_shared<Pool>();
  return instance;
}

struct TransferCounters {
  std::atomic<std::size_t> h2d_count{0}, h2d_bytes{0}, d2h_count{0}, d2h_bytes{0};
};

TransferCounters& counters() {
  static TransferCounters instance;
  return instance;
}

}  // namespace

PoolStats pool_stats() { return pool()->stats(); }

void release_cached() { pool()->release(); }

TransferStats transfer_stats() {
  const TransferCounters& c = counters();
  return {c.h2d_count.load(), c.h2d_bytes.load(), c.d2h_count.load(), c.d2h_bytes.load()};
}

void reset_transfer_stats() {
  TransferCounters& c = counters();
  c.h2d_count = 0;
  c.h2d_bytes = 0;
  c.d2h_count = 0;
  c.d2h_bytes = 0;
}

namespace detail {

std::shared_ptr<void> allocate(std::size_t bytes) {
  std::shared_ptr<Pool> owner = pool();
  const auto [block, size] = owner->take(bytes);
  try {
    raw_zero(block, size);
  } catch (...) {
    owner->give_back(block, size);
    throw;
  }
  return {block, [owner, size = size](void* p) { owner->give_back(p, size); }};
}

void copy_host_to_device(void* device, const void* host, std::size_t bytes) {
  raw_copy(device, host, bytes, CopyKind::host_to_device);
  ++counters().h2d_count;
  counters().h2d_bytes += bytes;
}

void copy_device_to_host(void* host, const void* device, std::size_t bytes) {
  raw_copy(host, device, bytes, CopyKind::device_to_host);
  ++counters().d2h_count;
  counters().d2h_bytes += bytes;
}

void copy_device_to_device(void* to, const void* from, std::size_t bytes) {
  raw_copy(to, from, bytes, CopyKind::device_to_device);
}

}  // namespace detail

}  // namespace scilearn::gpu
