#pragma once
// What every Thrust source shares: the host-device annotation for named
// functors, the execution policy, NaN-aware comparisons, and the translation of
// Thrust's exceptions into scilearn's.
//
// Thrust sources are plain C++ (ARCHITECTURE.md, "GPU"): compiled as CUDA when
// the build selects it, by the C++ compiler for the OMP / CPP device systems.
// Every algorithm runs on the raw device pointers of our arrays under the
// explicit thrust::device policy, never on a raw pointer alone (which Thrust
// would take for host memory and run sequentially).

#include <thrust/execution_policy.h>
#include <thrust/functional.h>
#include <thrust/system_error.h>

#include <climits>
#include <new>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/gpu/backend.hpp>
#include <scilearn/gpu/device_array.hpp>
#include <type_traits>

#if defined(__CUDACC__)
#define SCILEARN_HD __host__ __device__
#else
#define SCILEARN_HD
#endif

namespace scilearn::gpu::detail {

inline constexpr auto device = thrust::device;

/// Runs body(); Thrust's failures (a CUDA error, a failed temporary allocation)
/// leave as BackendError naming the routine, scilearn's own errors unchanged.
template <class Body>
decltype(auto) guarded(const char* routine, Body&& body) {
  try {
    return body();
  } catch (const Error&) {
    throw;
  } catch (const thrust::system_error& e) {
    throw BackendError(cat(backend_name(backend()), " ", routine), e.code().value(),
                       cat("gpu::", routine, ": ", e.what()));
  } catch (const std::bad_alloc&) {
    throw BackendError(cat(backend_name(backend()), " ", routine), 2,
                       cat("gpu::", routine, ": out of device memory for temporary storage"));
  }
}

template <class T>
SCILEARN_HD inline bool is_nan(T x) {
  if constexpr (std::is_floating_point_v<T>) {
    return x != x;
  } else {
    return false;
  }
}

/// x -> factor x, with factor 0 giving 0 whatever x holds (NaN included), as
/// the BLAS treats beta = 0.
template <class T>
struct Scale {
  T factor;
  SCILEARN_HD T operator()(T x) const { return factor == T(0) ? T(0) : factor * x; }
};

/// NaN or +-Inf (x - x is NaN for both).
template <class T>
struct NotFinite {
  SCILEARN_HD bool operator()(T x) const { return !(x - x == T(0)); }
};

/// a < b with NaN after every number (NumPy's sort order); a strict weak order.
template <class T>
struct NanLastLess {
  SCILEARN_HD bool operator()(T a, T b) const { return !is_nan(a) && (is_nan(b) || a < b); }
};

/// The ascending order for Thrust's sorts. Thrust runs its default order as a
/// radix sort; on the CUDA system that is what we want. CCCL 3.0's host radix
/// sort (the OMP and CPP systems) misorders negative 32-bit integers, so there
/// the order is given as a comparison (the same order; a merge sort).
template <class T>
auto ascending() {
#if defined(SCILEARN_GPU_BACKEND_CUDA)
  return thrust::less<T>();
#else
  return NanLastLess<T>{};
#endif
}

/// ValueError naming the routine and the array when M holds NaN or Inf
/// (SciPy's check_finite); float and double.
template <class T>
void check_finite(const char* routine, const char* name, const DeviceMatrix<T>& M);

/// cuBLAS, cuSOLVER, cuSPARSE and the Fortran BLAS / LAPACK take int sizes:
/// ValueError naming the routine for a size past INT_MAX.
inline void check_int_sizes(const char* routine, Index a, Index b, Index c = 0) {
  if (a > INT_MAX || b > INT_MAX || c > INT_MAX)
    throw ValueError(cat("gpu::", routine, ": dimensions up to ", INT_MAX, " are supported, got ", a, ", ", b, ", ", c));
}

/// Checks 0 <= index < n for every index; ValueError naming the routine otherwise.
void check_indices(const char* routine, const DeviceVector<std::int64_t>& indices, Index n);

}  // namespace scilearn::gpu::detail
