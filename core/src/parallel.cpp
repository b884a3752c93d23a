#include <omp.h>

#include <algorithm>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/parallel.hpp>

// OpenBLAS's own thread control (declared in its cblas.h, which we avoid
// including so that no BLAS header leaks a second set of prototypes). Weak: a
// BLAS without a thread pool (the reference BLAS of the sanitizer build) lacks
// them and then counts as a pool of one thread.
extern "C" {
[[gnu::weak]] void openblas_set_num_threads(int num_threads);
[[gnu::weak]] int openblas_get_num_threads(void);
}

namespace scilearn {

int cpu_count() noexcept { return std::max(1, omp_get_num_procs()); }

int effective_n_jobs(int n_jobs) {
  if (n_jobs == 0) throw ValueError("effective_n_jobs: n_jobs == 0 has no meaning; use n_jobs > 0, or -1 for all CPUs");
  if (n_jobs > 0) return n_jobs;
  return std::max(1, cpu_count() + 1 + n_jobs);
}

namespace {

void resize_blas_pool(int n) noexcept {
  if (openblas_set_num_threads != nullptr) openblas_set_num_threads(n);
}

}  // namespace

int blas_num_threads() noexcept {
  return openblas_get_num_threads != nullptr ? openblas_get_num_threads() : 1;
}

void set_blas_num_threads(int n) {
  if (n < 1) throw ValueError(cat("set_blas_num_threads: n must be >= 1, got ", n));
  resize_blas_pool(n);
}

BlasThreadLimit::BlasThreadLimit(int n) : previous_(blas_num_threads()) {
  if (n < 1) throw ValueError(cat("BlasThreadLimit: n must be >= 1, got ", n));
  if (n < previous_) resize_blas_pool(n);
}

BlasThreadLimit::~BlasThreadLimit() { resize_blas_pool(previous_); }

}  // namespace scilearn
