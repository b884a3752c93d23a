#pragma once
/// \file
/// Umbrella header of scilearn::core: types, errors, validation, warnings,
/// thread control, random numbers and file io.
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
