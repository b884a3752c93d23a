#pragma once
/// \file
/// File io of scilearn::core: NumPy .npy, numeric CSV, Matrix Market, and the
/// binary encoding of model files.
#include <scilearn/core/io/binary.hpp>
#include <scilearn/core/io/csv.hpp>
#include <scilearn/core/io/matrix_market.hpp>
#include <scilearn/core/io/npy.hpp>
