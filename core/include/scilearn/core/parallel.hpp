#pragma once
/// \file
/// Thread control: scikit-learn's `n_jobs`, and the BLAS thread pool.
///
/// scilearn runs two kinds of threads: its own OpenMP loops (sized by an
/// estimator's `n_jobs`) and OpenBLAS's pool (inside GEMM, LAPACK). Running both
/// at full width oversubscribes the cores, which can cost more than an order of
/// magnitude, so a parallel region of ours limits BLAS to one thread with
/// BlasThreadLimit, and BLAS-heavy code runs outside our parallel regions.
///
/// This assumes the pthreads build of OpenBLAS (Debian's libopenblas0-pthread,
/// which scripts/install-deps installs). With the OpenMP build, OpenBLAS's
/// thread count is OpenMP's own, so limiting BLAS would also narrow our loops.

namespace scilearn {

/// Number of logical CPUs this process may run on (at least 1): the CPU
/// affinity mask, as OpenMP sees it. A container's CPU quota (cgroup CFS) is not
/// taken into account; pass an explicit n_jobs there.
[[nodiscard]] int cpu_count() noexcept;

/// scikit-learn's n_jobs convention: n > 0 means n threads; -1 means all CPUs,
/// -2 all but one, and so on (cpu_count() + 1 + n, at least 1).
/// Throws ValueError for n_jobs == 0, as scikit-learn does.
[[nodiscard]] int effective_n_jobs(int n_jobs);

/// Current size of the BLAS (OpenBLAS) thread pool; 1 for a BLAS without one
/// (the reference BLAS).
[[nodiscard]] int blas_num_threads() noexcept;

/// Sets the BLAS thread pool size for the whole process. Throws ValueError
/// unless n >= 1. The initial value comes from OPENBLAS_NUM_THREADS /
/// OMP_NUM_THREADS or the CPU count, as OpenBLAS decides. Does nothing with a
/// BLAS that has no thread pool.
void set_blas_num_threads(int n);

/// Limits the BLAS pool to at most `n` threads for the lifetime of this object
/// (a pool already smaller is left as it is) and restores the previous size on
/// destruction (threadpoolctl's
/// `threadpool_limits` in Python). Intended for the thread that owns the
/// parallel region; BLAS's pool size is process-wide.
class BlasThreadLimit {
 public:
  /// Throws ValueError unless n >= 1.
  explicit BlasThreadLimit(int n);
  ~BlasThreadLimit();
  BlasThreadLimit(const BlasThreadLimit&) = delete;
  BlasThreadLimit& operator=(const BlasThreadLimit&) = delete;

 private:
  int previous_;
};

}  // namespace scilearn
