#pragma once
/// \file
/// Umbrella header of scilearn::gpu: device arrays, primitives, BLAS, random
/// numbers and distances on the build's Thrust device system (CUDA, OMP or CPP).

#include <scilearn/gpu/backend.hpp>
#include <scilearn/gpu/blas.hpp>
#include <scilearn/gpu/cluster.hpp>
#include <scilearn/gpu/decomposition.hpp>
#include <scilearn/gpu/device_array.hpp>
#include <scilearn/gpu/distances.hpp>
#include <scilearn/gpu/linalg.hpp>
#include <scilearn/gpu/memory.hpp>
#include <scilearn/gpu/primitives.hpp>
#include <scilearn/gpu/random.hpp>
#include <scilearn/gpu/sparse.hpp>
