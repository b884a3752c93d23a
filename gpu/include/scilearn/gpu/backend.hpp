#pragma once
/// \file
/// Which Thrust device system this build of scilearn::gpu runs on.
///
/// One device system per build (Thrust cannot mix them in one binary), chosen
/// with the CMake option `SCILEARN_GPU_BACKEND`: `CUDA` runs on an NVIDIA GPU
/// (sm_80, sm_90); `OMP` (the default) runs the same code on the host's cores
/// through OpenMP; `CPP` runs it sequentially. With OMP and CPP, "device" memory
/// is ordinary host memory and every transfer is a memcpy.

#include <array>
#include <utility>

namespace scilearn::gpu {

/// Where an estimator or a function computes: `.device = Device::gpu` sends the
/// heavy work through this module (on the GPU in a CUDA build, on the host's
/// cores otherwise); results equal the CPU path within the tolerance the
/// estimator documents. As a hyper-parameter its values are "cpu" and "gpu".
enum class Device { cpu, gpu };

/// The names of Device's values (hyper-parameters travel by name).
constexpr auto param_names(Device) { return std::array{std::pair{Device::cpu, "cpu"}, std::pair{Device::gpu, "gpu"}}; }

/// A Thrust device system.
enum class Backend {
  cuda,  ///< NVIDIA GPUs through CUDA, cuBLAS.
  omp,   ///< the host's cores through OpenMP; BLAS calls go to the host BLAS.
  cpp,   ///< the host, sequentially; BLAS calls go to the host BLAS.
};

/// The device system this library was built for. Complexity: O(1).
[[nodiscard]] Backend backend() noexcept;

/// "CUDA", "OMP" or "CPP": the spelling of SCILEARN_GPU_BACKEND.
[[nodiscard]] const char* backend_name(Backend backend) noexcept;

}  // namespace scilearn::gpu
