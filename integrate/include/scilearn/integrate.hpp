#pragma once
/// \file
/// scilearn::integrate, scipy.integrate for C++: adaptive quadrature, the
/// integration of sampled data, and ODE initial value problems.

#include <scilearn/integrate/odeint.hpp>
#include <scilearn/integrate/quad.hpp>
#include <scilearn/integrate/sample.hpp>
#include <scilearn/integrate/solve_bvp.hpp>
#include <scilearn/integrate/solve_ivp.hpp>
