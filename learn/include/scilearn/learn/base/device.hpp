#pragma once
/// \file
/// Device: where an estimator computes (scilearn::gpu's Device, named here for
/// the estimators' Params): `StandardScaler({.device = Device::gpu})`.

#include <scilearn/gpu/backend.hpp>

namespace scilearn::learn {

using gpu::Device;

}  // namespace scilearn::learn
