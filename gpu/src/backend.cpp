#include <scilearn/gpu/backend.hpp>

namespace scilearn::gpu {

Backend backend() noexcept {
#if defined(SCILEARN_GPU_BACKEND_CUDA)
  return Backend::cuda;
#elif defined(SCILEARN_GPU_BACKEND_OMP)
  return Backend::omp;
#elif defined(SCILEARN_GPU_BACKEND_CPP)
  return Backend::cpp;
#else
#error "SCILEARN_GPU_BACKEND_{CUDA,OMP,CPP} must be defined by the build"
#endif
}

const char* backend_name(Backend backend) noexcept {
  switch (backend) {
    case Backend::cuda: return "CUDA";
    case Backend::omp: return "OMP";
    case Backend::cpp: return "CPP";
  }
  return "unknown";
}

}  // namespace scilearn::gpu
