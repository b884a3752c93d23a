#pragma once
/// \file
/// Umbrella header of scilearn::linalg: SciPy-parity dense linear algebra on LAPACK.
#include <scilearn/linalg/solve.hpp>
