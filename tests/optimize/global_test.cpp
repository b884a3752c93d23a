#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/optimize/basinhopping.hpp>
#include <scilearn/optimize/differential_evolution.hpp>
#include <scilearn/optimize/direct.hpp>
#include <scilearn/optimize/dual_annealing.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "global_problems.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(global)

using namespace scilearn;
using namespace scilearn::optimize;
namespace g = scilearn::testing::global;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

g::Problem problem(const std::string& name) {
  for (const g::Problem& p : g::problems()) {
    if (p.name == name) return p;
  }
  throw std::logic_error("no such problem " + name);
}

Bounds box(const g::Problem& p) { return {p.lb, p.ub}; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

double sphere(const Vector& x) { return x.squaredNorm(); }

// Runs `solve` for seeds 0-9 on every problem and compares the sample with
// SciPy's (a row of `reference`): the rules stated above
// de_success_rate_and_cost_match_scipy.
void compare_with_scipy(const std::string& reference,
                        const std::function<OptimizeResult(const g::Problem&, std::uint64_t)>& solve) {
  const auto rows = testing::read_manifest("optimize/global/" + reference);
  BOOST_TEST_REQUIRE(rows.size() == g::problems().size());
  for (const auto& row : rows) {
    const g::Problem p = problem(row[0]);
    const int seeds = std::stoi(row[2]);
    const int scipy_successes = std::stoi(row[3]);
    const double scipy_nfev = std::stod(row[4]), scipy_max_gap = std::stod(row[6]);
    int successes = 0;
    std::vector<double> nfev, gap;
    for (int seed = 0; seed < seeds; ++seed) {
      const OptimizeResult r = solve(p, static_cast<std::uint64_t>(seed));
      BOOST_TEST(r.fun == p.f(r.x));
      BOOST_TEST(((r.x.array() >= p.lb.array()).all() && (r.x.array() <= p.ub.array()).all()));
      successes += p.solved(r.fun) ? 1 : 0;
      nfev.push_back(r.nfev);
      gap.push_back(r.fun - p.fmin);
    }
    BOOST_TEST_MESSAGE(p.name << ": successes " << successes << " (SciPy " << scipy_successes << "), median nfev "
                              << median(nfev) << " (SciPy " << scipy_nfev << "), median gap " << median(gap)
                              << " (SciPy " << row[5] << ")");
    BOOST_TEST(successes >= scipy_successes - 2, p.name << ": " << successes << " vs SciPy's " << scipy_successes);
    BOOST_TEST(median(nfev) <= 1.5 * scipy_nfev, p.name << ": median nfev " << median(nfev) << " vs " << scipy_nfev);
    BOOST_TEST(median(gap) <= scipy_max_gap + 1e-6, p.name << ": median gap " << median(gap));
  }
}


}  // namespace

// ---------------------------------------------------------------------------
// differential_evolution

// SciPy's runs (tests/reference/optimize_global.py, seeds 0-9, defaults) and
// ours (seeds 0-9, defaults) draw from different random streams, so they are
// compared as samples: of 10 runs ours must solve at least as many as SciPy's
// minus 2 (a binomial count of 10 at p = 0.7 has a standard deviation of 1.4),
// with a median evaluation count within 1.5x of SciPy's, and a median final
// gap no worse than SciPy's worst run.
BOOST_AUTO_TEST_CASE(de_success_rate_and_cost_match_scipy) {
  compare_with_scipy("de_reference.csv", [](const g::Problem& p, std::uint64_t seed) -> OptimizeResult {
    return differential_evolution(p.f, box(p), {.seed = seed});
  });
}

BOOST_AUTO_TEST_CASE(de_finds_known_global_minima) {
  // Defaults, one seed each.
  for (const char* name : {"rastrigin2", "ackley2", "rosenbrock5", "camel", "branin", "hartmann3"}) {
    const g::Problem p = problem(name);
    const DifferentialEvolutionResult r = differential_evolution(p.f, box(p), {.seed = 7});
    BOOST_TEST(p.solved(r.fun), name << ": f = " << r.fun << ", minimum " << p.fmin);
    BOOST_TEST(r.success, r.message);
  }
  // The Eggholder's rugged landscape needs a larger population than the
  // defaults (SciPy's defaults also miss it in 10 of 10 runs).
  const g::Problem egg = problem("eggholder");
  const DifferentialEvolutionResult r =
      differential_evolution(egg.f, box(egg), {.popsize = 100, .tol = 1e-8, .seed = 3});
  BOOST_TEST(r.fun == -959.6407, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(r.x(0) == 512.0, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(r.x(1) == 404.2319, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(de_every_strategy_and_updating_finds_the_camel_minimum) {
  const g::Problem p = problem("camel");
  for (DEStrategy s :
       {DEStrategy::best1bin, DEStrategy::best1exp, DEStrategy::rand1bin, DEStrategy::rand1exp, DEStrategy::rand2bin,
        DEStrategy::rand2exp, DEStrategy::best2bin, DEStrategy::best2exp, DEStrategy::currenttobest1bin,
        DEStrategy::currenttobest1exp, DEStrategy::randtobest1bin, DEStrategy::randtobest1exp}) {
    for (DEUpdating u : {DEUpdating::immediate, DEUpdating::deferred}) {
      const DifferentialEvolutionResult r =
          differential_evolution(p.f, box(p), {.strategy = s, .seed = 11, .updating = u});
      BOOST_TEST(p.solved(r.fun), "strategy " << static_cast<int>(s) << ", updating " << static_cast<int>(u)
                                              << ": f = " << r.fun);
      BOOST_TEST(r.success, r.message);
    }
  }
}

BOOST_AUTO_TEST_CASE(de_random_init_population_matrix_and_x0) {
  const g::Problem p = problem("branin");
  const DifferentialEvolutionResult a = differential_evolution(p.f, box(p), {.seed = 1, .init = DEInit::random});
  BOOST_TEST(p.solved(a.fun));
  BOOST_TEST(a.population.rows() == 30);
  BOOST_TEST(a.population.cols() == 2);
  BOOST_TEST(a.population_energies(0) == a.fun);

  // An explicit population: its size wins over popsize; points outside the box are clipped.
  Matrix init(8, 2);
  init << -5, 0, 10, 15, 0, 5, 3, 3, -20, 40, 9, 1, 2, 2, -1, 12;
  const DifferentialEvolutionResult b =
      differential_evolution(p.f, box(p), {.seed = 1, .polish = false, .init_population = init});
  BOOST_TEST(b.population.rows() == 8);
  BOOST_TEST(((b.population.array().col(0) >= -5).all() && (b.population.array().col(1) <= 15).all()));

  // x0 replaces the first member: with maxiter 0 and no polish, the answer is
  // the best of the initial population, which x0 (the minimizer) must be.
  const Vector xstar = g::pair(std::numbers::pi, 2.275);
  const DifferentialEvolutionResult c =
      differential_evolution(p.f, box(p), {.maxiter = 0, .seed = 1, .polish = false, .x0 = xstar});
  BOOST_TEST(c.x(0) == xstar(0), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(c.x(1) == xstar(1), boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(de_integrality_keeps_integer_variables_integral) {
  const auto f = [](const Vector& x) { return (x(0) - 0.4) * (x(0) - 0.4) + (x(1) - 2.7) * (x(1) - 2.7); };
  const DifferentialEvolutionResult r =
      differential_evolution(f, {g::pair(-3, -3), g::pair(3, 3)}, {.seed = 2, .integrality = {true, false}});
  BOOST_TEST(r.x(0) == 0.0);
  BOOST_TEST(r.x(1) == 2.7, boost::test_tools::tolerance(1e-6));
  for (Index i = 0; i < r.population.rows(); ++i) BOOST_TEST(r.population(i, 0) == std::round(r.population(i, 0)));
  // All integral: no polish.
  const DifferentialEvolutionResult s =
      differential_evolution(f, {g::pair(-3, -3), g::pair(3, 3)}, {.seed = 2, .integrality = {true}});
  BOOST_TEST(s.x(0) == 0.0);
  BOOST_TEST(s.x(1) == 3.0);
  BOOST_CHECK_THROW((void)differential_evolution(f, {g::pair(0.2, 0), g::pair(0.8, 1)}, {.integrality = {true, false}}),
                    ValueError);
}

BOOST_AUTO_TEST_CASE(de_bad_input_throws_value_error) {
  const Vector lb = Vector::Constant(2, -1), ub = Vector::Constant(2, 1);
  const auto de = [&](const Bounds& b, const DifferentialEvolutionOptions& o = {}) {
    return differential_evolution(sphere, b, o);
  };
  BOOST_CHECK_THROW((void)de({g::pair(-1, 2), g::pair(1, 1)}), ValueError);                 // lb > ub
  BOOST_CHECK_THROW((void)de({g::pair(-1, -kInf), g::pair(1, 1)}), ValueError);             // infinite
  BOOST_CHECK_THROW((void)de({g::pair(-1, std::nan("")), g::pair(1, 1)}), ValueError);      // NaN
  BOOST_CHECK_THROW((void)de({Vector::Constant(3, -1), ub}), ValueError);                   // sizes
  BOOST_CHECK_THROW((void)de({Vector(0), Vector(0)}), ValueError);                          // empty
  BOOST_CHECK_THROW((void)de({lb, ub}, {.maxiter = -1}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.popsize = 0}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.tol = -1}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.mutation = {0.5, 2.0}}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.mutation = {-0.1, 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.recombination = 1.5}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.init_population = Matrix::Zero(4, 2)}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.init_population = Matrix::Zero(6, 3)}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.x0 = g::pair(0, 2)}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.x0 = Vector::Zero(3)}), ValueError);
  BOOST_CHECK_THROW((void)de({lb, ub}, {.integrality = {true, true, false}}), ValueError);
  // rand2 draws five members besides the target: five in all is too few.
  BOOST_CHECK_THROW((void)de({lb, ub}, {.strategy = DEStrategy::rand2bin, .init_population = Matrix::Zero(5, 2)}),
                    ValueError);
  const std::string msg = testing::message_of<ValueError>([&] { (void)de({g::pair(-1, 2), g::pair(1, 1)}); });
  BOOST_TEST(msg.find("differential_evolution") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(de_same_seed_same_result_different_seeds_differ) {
  const g::Problem p = problem("rastrigin5");
  const DifferentialEvolutionOptions o{.maxiter = 50, .seed = 42};
  const DifferentialEvolutionResult a = differential_evolution(p.f, box(p), o);
  const DifferentialEvolutionResult b = differential_evolution(p.f, box(p), o);
  BOOST_TEST((a.x == b.x));
  BOOST_TEST(a.fun == b.fun);
  BOOST_TEST(a.nfev == b.nfev);
  BOOST_TEST((a.population == b.population));
  DifferentialEvolutionOptions o2 = o;
  o2.seed = 43;
  const DifferentialEvolutionResult c = differential_evolution(p.f, box(p), o2);
  BOOST_TEST(!(c.population == a.population) == true);
}

BOOST_AUTO_TEST_CASE(de_maxiter_reached_reports_scipys_message_and_counts) {
  const g::Problem p = problem("rastrigin5");
  const DifferentialEvolutionResult r =
      differential_evolution(p.f, box(p), {.maxiter = 5, .tol = 0, .seed = 1, .polish = false});
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.message == "Maximum number of iterations has been exceeded.");
  BOOST_TEST(r.nit == 5);
  BOOST_TEST(r.nfev == 75 * 6);  // the initial population and five generations
  // With the polish, its evaluations are added (SciPy's count).
  const DifferentialEvolutionResult q = differential_evolution(p.f, box(p), {.maxiter = 5, .tol = 0, .seed = 1});
  BOOST_TEST(q.nfev > r.nfev);
  BOOST_TEST(q.fun <= r.fun);
  BOOST_TEST(q.jac.size() == 5);  // the polish improved the point, so jac is its gradient
  const DifferentialEvolutionResult d =
      differential_evolution(p.f, box(p), {.maxiter = 5, .tol = 0, .seed = 1, .polish = false,
                                           .updating = DEUpdating::deferred});
  BOOST_TEST(d.nfev == 75 * 6);
}

BOOST_AUTO_TEST_CASE(de_converged_run_reports_success) {
  const DifferentialEvolutionResult r =
      differential_evolution(sphere, {Vector::Constant(3, -2), Vector::Constant(3, 2)}, {.seed = 5});
  BOOST_TEST(r.success);
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.message == "Optimization terminated successfully.");
  BOOST_TEST(r.fun < 1e-12);
  BOOST_TEST(r.nit < 1000);
}

BOOST_AUTO_TEST_CASE(de_callback_can_stop_the_run) {
  int calls = 0;
  int last_nit = 0;
  const DifferentialEvolutionResult r = differential_evolution(
      sphere, {Vector::Constant(3, -2), Vector::Constant(3, 2)},
      {.seed = 5, .callback = [&](const OptimizeResult& progress) {
         ++calls;
         last_nit = progress.nit;
         BOOST_TEST(progress.fun == sphere(progress.x));
         return progress.nit == 3;
       }});
  BOOST_TEST(calls == 3);
  BOOST_TEST(last_nit == 3);
  BOOST_TEST(r.nit == 3);
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 99);
  BOOST_TEST(r.message == "callback function requested stop early");
}

BOOST_AUTO_TEST_CASE(de_exceptions_from_func_and_callback_propagate) {
  const Bounds b{Vector::Constant(2, -1), Vector::Constant(2, 1)};
  int count = 0;
  const auto bad = [&](const Vector& x) {
    if (++count == 40) throw std::runtime_error("boom");
    return x.squaredNorm();
  };
  BOOST_CHECK_THROW((void)differential_evolution(bad, b, {.seed = 1}), std::runtime_error);
  BOOST_CHECK_THROW((void)differential_evolution(sphere, b,
                                                 {.seed = 1, .callback = [](const OptimizeResult&) -> bool {
                                                    throw std::domain_error("stop");
                                                  }}),
                    std::domain_error);
}

BOOST_AUTO_TEST_CASE(de_inputs_are_unchanged_and_fixed_variables_stay_fixed) {
  const Vector lb = g::pair(-2, 1.5), ub = g::pair(2, 1.5);
  const Bounds b{lb, ub};
  const DifferentialEvolutionOptions o{.seed = 9, .x0 = g::pair(0.5, 1.5)};
  const DifferentialEvolutionResult r = differential_evolution(sphere, b, o);
  BOOST_TEST((b.lb == lb));
  BOOST_TEST((b.ub == ub));
  BOOST_TEST((o.x0 == g::pair(0.5, 1.5)));
  BOOST_TEST(r.x(1) == 1.5);
  BOOST_TEST(r.x(0) == 0.0, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(r.population.rows() == 15);  // popsize * (n - one fixed variable)
}

// ---------------------------------------------------------------------------
// basinhopping

BOOST_AUTO_TEST_CASE(basinhopping_finds_scipys_documented_1d_minimum) {
  // SciPy's docstring example: global minimum -1.0009 at x = -0.1951 from x0 = 1.
  const auto f = [](const Vector& x) { return std::cos(14.5 * x(0) - 0.3) + (x(0) + 0.2) * x(0); };
  const BasinhoppingResult r = basinhopping(f, Vector::Constant(1, 1.0), {.niter = 200, .seed = 1});
  BOOST_TEST(r.x(0) == -0.1951, boost::test_tools::tolerance(1e-3));
  BOOST_TEST(r.fun == -1.0009, boost::test_tools::tolerance(1e-4));
  BOOST_TEST(r.success);
  BOOST_TEST(r.nit == 200);
  BOOST_TEST(r.message == "requested number of basinhopping iterations completed successfully");
  BOOST_TEST(r.lowest_optimization_result.fun == r.fun);
  BOOST_TEST(r.nfev > 200);
}

BOOST_AUTO_TEST_CASE(basinhopping_finds_known_global_minima) {
  for (const char* name : {"camel", "rastrigin2"}) {
    const g::Problem p = problem(name);
    const BasinhoppingResult r = basinhopping(p.f, 0.5 * (p.lb + p.ub) + Vector::Constant(p.lb.size(), 0.9),
                                              {.niter = 200, .stepsize = 1.0, .seed = 4});
    BOOST_TEST(p.solved(r.fun), name << ": f = " << r.fun);
  }
  // With bounds through the local minimizer (L-BFGS-B).
  const g::Problem b = problem("branin");
  const BasinhoppingResult r =
      basinhopping(b.f, g::pair(0, 0),
                   {.stepsize = 3.0, .minimizer_kwargs = {.method = Method::lbfgsb, .bounds = box(b)}, .seed = 2});
  BOOST_TEST(b.solved(r.fun), "f = " << r.fun);
}

BOOST_AUTO_TEST_CASE(basinhopping_niter_success_callback_and_accept_test) {
  const g::Problem p = problem("camel");
  const BasinhoppingResult a = basinhopping(p.f, g::pair(1, 1), {.niter = 500, .niter_success = 5, .seed = 3});
  BOOST_TEST(a.message == "success condition satisfied");
  BOOST_TEST(a.nit < 500);

  int calls = 0;
  const BasinhoppingResult b =
      basinhopping(p.f, g::pair(1, 1), {.callback = [&](const Vector&, double, bool) {
                                          return ++calls == 4;  // the first call is for x0's minimum
                                        },
                                        .seed = 3});
  BOOST_TEST(calls == 4);
  BOOST_TEST(b.nit == 3);
  BOOST_TEST(b.message == "callback function requested stop early byreturning True");

  // An accept test that rejects everything keeps the incumbent at x0's minimum.
  const OptimizeResult first = optimize::minimize(p.f, g::pair(1, 1));
  const BasinhoppingResult c = basinhopping(
      p.f, g::pair(1, 1),
      {.niter = 20, .accept_test = [](double, const Vector&, double, const Vector&) { return AcceptDecision::reject; },
       .seed = 3});
  BOOST_TEST(c.fun == first.fun);

  // Same seed, same run.
  const BasinhoppingResult d1 = basinhopping(p.f, g::pair(1, 1), {.niter = 30, .seed = 8});
  const BasinhoppingResult d2 = basinhopping(p.f, g::pair(1, 1), {.niter = 30, .seed = 8});
  BOOST_TEST((d1.x == d2.x));
  BOOST_TEST(d1.nfev == d2.nfev);
}

BOOST_AUTO_TEST_CASE(basinhopping_bad_input_and_exceptions) {
  const Vector x0 = g::pair(1, 1);
  BOOST_CHECK_THROW((void)basinhopping(sphere, Vector(0)), ValueError);
  BOOST_CHECK_THROW((void)basinhopping(sphere, g::pair(1, kInf)), ValueError);
  BOOST_CHECK_THROW((void)basinhopping(sphere, x0, {.niter = -1}), ValueError);
  BOOST_CHECK_THROW((void)basinhopping(sphere, x0, {.T = -1}), ValueError);
  BOOST_CHECK_THROW((void)basinhopping(sphere, x0, {.interval = 0}), ValueError);
  BOOST_CHECK_THROW((void)basinhopping(sphere, x0, {.target_accept_rate = 1.0}), ValueError);
  BOOST_CHECK_THROW((void)basinhopping(sphere, x0, {.stepwise_factor = 0.0}), ValueError);
  int count = 0;
  const auto bad = [&](const Vector& x) {
    if (++count == 50) throw std::runtime_error("boom");
    return x.squaredNorm();
  };
  BOOST_CHECK_THROW((void)basinhopping(bad, x0, {.seed = 1}), std::runtime_error);
}

// ---------------------------------------------------------------------------
// direct

BOOST_AUTO_TEST_CASE(direct_finds_known_global_minima) {
  // DIRECT is deterministic; with the defaults (maxfun 1000 n) DIRECT-L gets
  // within SciPy's usual accuracy on these low-dimensional problems.
  for (const char* name : {"camel", "branin", "hartmann3", "rastrigin2", "ackley2"}) {
    const g::Problem p = problem(name);
    const OptimizeResult r = direct(p.f, box(p));
    BOOST_TEST_MESSAGE("direct " << name << ": f - f_min " << r.fun - p.fmin << ", nfev " << r.nfev << ", nit "
                                 << r.nit << ", status " << r.status);
    BOOST_TEST(r.fun - p.fmin <= 1e-3 * std::max(1.0, std::abs(p.fmin)), name << ": f = " << r.fun << " " << r.message);
    BOOST_TEST(r.fun == p.f(r.x));
    BOOST_TEST(r.nfev <= 1000 * p.lb.size() + 2 * p.lb.size());
  }
  for (const char* name : {"camel", "branin"}) {
    const g::Problem p = problem(name);
    const OptimizeResult r = direct(p.f, box(p), {.locally_biased = false});
    BOOST_TEST(r.fun - p.fmin <= 1e-3 * std::max(1.0, std::abs(p.fmin)), name << ": f = " << r.fun);
  }
}

BOOST_AUTO_TEST_CASE(direct_stopping_rules_and_messages) {
  const g::Problem p = problem("branin");
  const OptimizeResult a = direct(p.f, box(p), {.f_min = p.fmin});
  BOOST_TEST(a.status == 3);
  BOOST_TEST(a.success);
  BOOST_TEST((a.fun - p.fmin) / p.fmin <= 1e-4);
  BOOST_TEST(a.message.find("of the (known) global optimum f_min") != std::string::npos, a.message);

  const OptimizeResult b = direct(p.f, box(p), {.maxiter = 3});
  BOOST_TEST(b.status == 2);
  BOOST_TEST(!b.success);
  BOOST_TEST(b.nit == 3);
  BOOST_TEST(b.message == "Number of iterations is larger than maxiter=3");

  const OptimizeResult c = direct(p.f, box(p), {.maxfun = 50});
  BOOST_TEST(c.status == 1);
  BOOST_TEST(c.nfev >= 50);
  BOOST_TEST(c.nfev < 50 + 4);
  BOOST_TEST(c.message == "Number of function evaluations done is larger than maxfun=50");

  const OptimizeResult d = direct(sphere, {Vector::Constant(2, -1), Vector::Constant(2, 2)}, {.len_tol = 1e-3});
  BOOST_TEST(d.status == 5);
  BOOST_TEST(d.success);
  BOOST_TEST(d.fun < 1e-5);

  const OptimizeResult e = direct(sphere, {Vector::Constant(2, -1), Vector::Constant(2, 2)}, {.vol_tol = 1e-6});
  BOOST_TEST(e.status == 4);

  int calls = 0;
  const OptimizeResult f = direct(p.f, box(p), {.maxiter = 5, .callback = [&](const Vector& xk) {
                                                  ++calls;
                                                  BOOST_TEST(xk.size() == 2);
                                                }});
  BOOST_TEST(calls == 5);
  // Deterministic: the same call gives the same answer.
  const OptimizeResult f2 = direct(p.f, box(p), {.maxiter = 5});
  BOOST_TEST((f.x == f2.x));
  BOOST_TEST(f.nfev == f2.nfev);
}

BOOST_AUTO_TEST_CASE(direct_bad_input_throws) {
  const Vector lb = Vector::Constant(2, -1), ub = Vector::Constant(2, 1);
  BOOST_CHECK_THROW((void)direct(sphere, {g::pair(-1, 1), g::pair(1, 1)}), ValueError);  // lb == ub
  BOOST_CHECK_THROW((void)direct(sphere, {g::pair(-1, 2), g::pair(1, 1)}), ValueError);  // lb > ub
  BOOST_CHECK_THROW((void)direct(sphere, {g::pair(-1, -kInf), ub}), ValueError);
  BOOST_CHECK_THROW((void)direct(sphere, {Vector::Constant(3, -1), ub}), ValueError);
  BOOST_CHECK_THROW((void)direct(sphere, {lb, ub}, {.eps = -1}), ValueError);
  BOOST_CHECK_THROW((void)direct(sphere, {lb, ub}, {.maxiter = 0}), ValueError);
  BOOST_CHECK_THROW((void)direct(sphere, {lb, ub}, {.vol_tol = 2}), ValueError);
  const auto bad = [](const Vector&) -> double { throw std::runtime_error("boom"); };
  BOOST_CHECK_THROW((void)direct(bad, {lb, ub}), std::runtime_error);
}

// ---------------------------------------------------------------------------
// dual_annealing

// Against SciPy's runs (tests/reference/optimize_dual_annealing.py, seeds
// 0-9, defaults) as samples, with the rules of the DE comparison above.
BOOST_AUTO_TEST_CASE(dual_annealing_success_rate_and_cost_match_scipy) {
  compare_with_scipy("da_reference.csv", [](const g::Problem& p, std::uint64_t seed) {
    const OptimizeResult r = dual_annealing(p.f, box(p), {.seed = seed});
    BOOST_TEST(r.success);
    BOOST_TEST(r.nit == 1000);  // SciPy's default maxiter, restarts included
    return r;
  });
}

BOOST_AUTO_TEST_CASE(dual_annealing_limits_callback_and_bad_input) {
  const g::Problem p = problem("rastrigin2");
  // Reproducible with a seed.
  const OptimizeResult a = dual_annealing(p.f, box(p), {.maxiter = 50, .seed = 7});
  const OptimizeResult b = dual_annealing(p.f, box(p), {.maxiter = 50, .seed = 7});
  BOOST_TEST(a.x == b.x);
  BOOST_TEST(a.nfev == b.nfev);
  BOOST_TEST(a.nit == 50);
  BOOST_TEST(a.message == "Maximum number of iteration reached");
  // maxfun ends the run unsuccessfully, with SciPy's message.
  const OptimizeResult m = dual_annealing(p.f, box(p), {.maxfun = 100, .seed = 1});
  BOOST_TEST(!m.success);
  BOOST_TEST(m.message.find("Maximum number of function call reached") == 0u);
  BOOST_TEST(m.nfev < 400);
  // Without local search: classical generalized simulated annealing.
  const OptimizeResult gsa = dual_annealing(p.f, box(p), {.maxiter = 200, .seed = 3, .no_local_search = true});
  BOOST_TEST(gsa.njev == 0);
  BOOST_TEST(gsa.nfev == 1 + 200 * 2 * 2);  // the start, then 2 n visits per iteration
  // The callback sees each new best point and can stop the run.
  int calls = 0;
  const OptimizeResult c = dual_annealing(p.f, box(p), {.seed = 2, .callback = [&](const Vector&, double, int) {
                                                          return ++calls == 3;
                                                        }});
  BOOST_TEST(calls == 3);
  BOOST_TEST(!c.success);
  BOOST_TEST(c.message == "Callback function requested to stop early by returning True");
  // x0 is the first point.
  const OptimizeResult x0 = dual_annealing(p.f, box(p), {.maxiter = 1, .seed = 4, .no_local_search = true,
                                                         .x0 = g::pair(0.0, 0.0)});
  BOOST_TEST(x0.fun == 0.0);
  BOOST_CHECK_THROW((void)dual_annealing(p.f, {g::pair(-1, 2), g::pair(1, 1)}), ValueError);  // lb > ub
  BOOST_CHECK_THROW((void)dual_annealing(p.f, {g::pair(-1, -kInf), g::pair(1, 1)}), ValueError);
  BOOST_CHECK_THROW((void)dual_annealing(p.f, box(p), {.restart_temp_ratio = 1.0}), ValueError);
  BOOST_CHECK_THROW((void)dual_annealing(p.f, box(p), {.visit = 3.5}), ValueError);
  BOOST_CHECK_THROW((void)dual_annealing(p.f, box(p), {.accept = 0.0}), ValueError);
  BOOST_CHECK_THROW((void)dual_annealing(p.f, box(p), {.x0 = Vector::Zero(3)}), ValueError);
  const Objective nan = [](const Vector&) { return std::numeric_limits<double>::quiet_NaN(); };
  BOOST_CHECK_THROW((void)dual_annealing(nan, box(p)), ValueError);
  const Objective throws = [](const Vector&) -> double { throw std::range_error("func failed"); };
  BOOST_CHECK_THROW((void)dual_annealing(throws, box(p)), std::range_error);
}

BOOST_AUTO_TEST_SUITE_END()
