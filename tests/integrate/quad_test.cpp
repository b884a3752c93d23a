#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/quad.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(quad)

using namespace scilearn;
using namespace scilearn::integrate;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double log0(double x) { return x == 0 ? 0.0 : std::log(x); }
double inv_sqrt0(double x) { return x <= 0 ? 0.0 : 1 / std::sqrt(x); }

struct Case {
  Integrand f;
  double a, b;
  QuadOptions options;
};

// The test integrals of tests/reference/integrate_quad.py (CASES), by name.
std::map<std::string, Case> cases() {
  const auto f_four = [](double x) { return 4 / (1 + x * x); };
  const auto f_xlog = [](double p) { return [p](double x) { return std::pow(x, p) * std::log(1 / x); }; };
  const auto f_cauchy = [](double x) { return 1 / (5 * x * x * x + 6); };
  const auto f_exp = [](double x) { return std::exp(x); };
  return {
      {"xlog_2.6", {f_xlog(2.6), 0, 1, {}}},
      {"xlog_-0.9", {f_xlog(-0.9), 0, 1, {}}},
      {"four_over", {f_four, 0, 1, {}}},
      {"sqrt_singular", {[](double x) { return 1 / std::sqrt(x); }, 0, 1, {}}},
      {"gauss_both_inf", {[](double x) { return std::exp(-x * x); }, -kInf, kInf, {}}},
      {"semi_inf", {[](double x) { return 1 / ((1 + x) * std::sqrt(x)); }, 0, kInf, {}}},
      {"exp_lower_inf", {f_exp, -kInf, 0, {}}},
      {"qagp",
       {[](double x) { return std::pow(x, 3) * std::log(std::abs((x * x - 1) * (x * x - 2))); },
        0,
        3,
        {.points = {1.0, std::sqrt(2.0)}}}},
      {"qawo_log_sin", {log0, 0, 1, {.weight = QuadWeight::sin, .wvar = {10 * std::numbers::pi}}}},
      {"qawo_exp_cos", {f_exp, 0, std::numbers::pi, {.weight = QuadWeight::cos, .wvar = {10.0}}}},
      {"qawf_cos", {inv_sqrt0, 0, kInf, {.weight = QuadWeight::cos, .wvar = {1.0}}}},
      {"qawf_sin_exp", {[](double x) { return std::exp(-x); }, 0, kInf, {.weight = QuadWeight::sin, .wvar = {2.0}}}},
      {"qawf_lower_cos", {f_exp, -kInf, 0, {.weight = QuadWeight::cos, .wvar = {2.0}}}},
      {"qawf_lower_sin", {f_exp, -kInf, 0, {.weight = QuadWeight::sin, .wvar = {2.0}}}},
      {"qaws_alg", {f_exp, -1, 1, {.weight = QuadWeight::alg, .wvar = {-0.5, -0.5}}}},
      {"qaws_loga", {[](double x) { return 1 / (1 + x); }, 0, 1, {.weight = QuadWeight::alg_loga, .wvar = {-0.5, 0}}}},
      {"qaws_logb", {[](double x) { return std::cos(x); }, 0, 1, {.weight = QuadWeight::alg_logb, .wvar = {0, -0.5}}}},
      {"qaws_log", {[](double) { return 1.0; }, 0, 1, {.weight = QuadWeight::alg_log, .wvar = {0, 0}}}},
      {"qawc", {f_cauchy, -1, 5, {.weight = QuadWeight::cauchy, .wvar = {0.0}}}},
      {"reversed", {f_four, 1, 0, {}}},
      {"reversed_inf", {[](double x) { return std::exp(-x); }, kInf, 0, {}}},
      {"reversed_cauchy", {f_cauchy, 5, -1, {.weight = QuadWeight::cauchy, .wvar = {0.0}}}},
      {"limit_hit", {f_xlog(-0.9), 0, 1, {.limit = 4}}},
      {"divergent", {[](double x) { return 1 / x; }, 0, 1, {}}},
      {"limit_hit_qagp", {f_xlog(-0.9), 0, 1, {.limit = 4, .points = {0.5}}}},
      {"limit_hit_qagi", {[](double x) { return 1 / ((1 + x) * std::sqrt(x)); }, 0, kInf, {.limit = 4}}},
      {"limit_hit_qawo", {log0, 0, 1, {.limit = 3, .weight = QuadWeight::sin, .wvar = {10 * std::numbers::pi}}}},
      {"limit_hit_qaws",
       {[](double x) { return std::sin(30 * x); },
        -1,
        1,
        {.limit = 3, .weight = QuadWeight::alg, .wvar = {-0.5, -0.5}}}},
      {"limit_hit_qawc",
       {[](double x) { return std::exp(-50 * (x - 0.7) * (x - 0.7)); },
        0,
        1,
        {.limit = 3, .weight = QuadWeight::cauchy, .wvar = {0.3}}}},
      {"tight_tol", {[](double x) { return std::exp(-x) * std::sin(5 * x); }, 0, 10, {.epsabs = 0, .epsrel = 1e-12}}},
  };
}

// Counts the warnings raised while it lives.
struct WarningCounter {
  int count = 0;
  std::string last{};
  ScopedWarningHandler handler{[this](const Warning& w) {
    ++count;
    last = w.message;
  }};
};

}  // namespace

// Every test integral against its closed form and SciPy's run of the same
// QUADPACK routine (value, abserr, neval, ier).
BOOST_AUTO_TEST_CASE(quad_matches_closed_forms_and_scipy) {
  const auto table = cases();
  int checked = 0;
  double worst_neval_ratio = 1;
  for (const auto& row : testing::read_manifest("integrate/quad/quad.csv")) {
    const std::string& name = row[0];
    BOOST_TEST_CONTEXT("case " << name) {
      const double sp_value = std::stod(row[1]);
      const double sp_abserr = std::stod(row[2]);
      const int sp_neval = std::stoi(row[3]);
      const int sp_ier = std::stoi(row[4]);
      const double exact = std::stod(row[5]);
      const Case& c = table.at(name);
      WarningCounter warnings;
      const QuadResult r = integrate::quad(c.f, c.a, c.b, c.options);
      BOOST_TEST(r.neval > 0);
      // Same routine and rules as SciPy's QUADPACK: GSL may take an extra
      // bisection or stop one earlier (it stops at limit - 1 intervals), so
      // the call count is compared within 1.2x, the task's bound.
      const double ratio = static_cast<double>(r.neval) / sp_neval;
      worst_neval_ratio = std::max({worst_neval_ratio, ratio, 1 / ratio});
      BOOST_TEST(ratio <= 1.2);
      BOOST_TEST(ratio >= 1 / 1.2);
      BOOST_TEST_MESSAGE(name << ": neval " << r.neval << " SciPy " << sp_neval << ", ier " << r.ier << " SciPy "
                              << sp_ier << ", error " << std::abs(r.value - exact) << " abserr " << r.abserr);
      BOOST_TEST((r.ier == 0) == (sp_ier == 0));
      BOOST_TEST((warnings.count > 0) == (r.ier != 0));
      BOOST_TEST(r.message.empty() == (r.ier == 0));
      BOOST_TEST(r.last == static_cast<int>(r.alist.size()));
      if (sp_ier == 0) {
        const double tol = std::max(c.options.epsabs, c.options.epsrel * std::abs(exact));
        const double error = std::abs(r.value - exact);
        // The requested tolerance, met against the closed form, as SciPy meets it.
        BOOST_TEST(error <= tol);
        BOOST_TEST(std::abs(sp_value - exact) <= tol);
        // The reported error bounds the true one; floating-point rounding of
        // the closed form itself (a few ulps) is allowed for.
        BOOST_TEST(r.abserr + 8 * std::numeric_limits<double>::epsilon() * std::abs(exact) >= error);
        // The estimates agree with SciPy's to the order of magnitude (same
        // formulas, possibly one more or one fewer bisection).
        BOOST_TEST(r.abserr <= 100 * sp_abserr + 1e-15);
      } else {
        BOOST_TEST(std::isfinite(r.value));
        BOOST_TEST(r.ier == sp_ier);
      }
      ++checked;
    }
  }
  BOOST_TEST(checked == static_cast<int>(table.size()));
  BOOST_TEST_MESSAGE("quad: worst neval ratio against SciPy " << worst_neval_ratio);
}

BOOST_AUTO_TEST_CASE(quad_equal_limits_give_zero_without_calls) {
  int calls = 0;
  const auto f = [&](double) {
    ++calls;
    return 1.0;
  };
  for (double a : {0.0, 2.5, kInf, -kInf}) {
    const QuadResult r = integrate::quad(f, a, a);
    BOOST_TEST(r.value == 0.0);
    BOOST_TEST(r.abserr == 0.0);
    BOOST_TEST(r.neval == 0);
    BOOST_TEST(r.ier == 0);
  }
  BOOST_TEST(calls == 0);
}

BOOST_AUTO_TEST_CASE(quad_reversed_limits_negate_for_every_routine) {
  const auto f = [](double x) { return std::exp(-x * x); };
  for (const QuadOptions& o :
       {QuadOptions{}, QuadOptions{.points = {0.5}}, QuadOptions{.weight = QuadWeight::cos, .wvar = {3.0}},
        QuadOptions{.weight = QuadWeight::alg, .wvar = {0.5, -0.5}}}) {
    const double forward = integrate::quad(f, -1, 2, o).value;
    // Both directions run the same routine on the same range: exactly the negative.
    BOOST_TEST(integrate::quad(f, 2, -1, o).value == -forward);
  }
  BOOST_TEST(integrate::quad(f, kInf, -kInf).value == -integrate::quad(f, -kInf, kInf).value);
}

BOOST_AUTO_TEST_CASE(quad_reports_the_interval_lists) {
  const QuadResult r = integrate::quad([](double x) { return std::pow(x, -0.9) * std::log(1 / x); }, 0, 1);
  BOOST_TEST(r.last > 1);
  BOOST_TEST(r.alist.size() == static_cast<std::size_t>(r.last));
  BOOST_TEST(r.iord.size() == static_cast<std::size_t>(r.last));
  double length = 0, error = 0;
  for (int i = 0; i < r.last; ++i) {
    BOOST_TEST(r.alist[i] < r.blist[i]);
    length += r.blist[i] - r.alist[i];
    error += r.elist[i];
    BOOST_TEST(r.iord[i] >= 0);
    BOOST_TEST(r.iord[i] < r.last);
  }
  // The subintervals tile [0, 1] (sums of dyadic lengths: exact).
  BOOST_TEST(length == 1.0);
  BOOST_TEST(error > 0);
}

BOOST_AUTO_TEST_CASE(quad_qawf_reports_cycles) {
  const QuadResult r =
      integrate::quad([](double x) { return std::exp(-x); }, 0, kInf, {.weight = QuadWeight::sin, .wvar = {2.0}});
  BOOST_TEST(r.lst >= 3);
  BOOST_TEST(r.rslst.size() == static_cast<std::size_t>(r.lst));
  BOOST_TEST(r.erlst.size() == static_cast<std::size_t>(r.lst));
}

BOOST_AUTO_TEST_CASE(quad_limit_reached_warns_and_returns_the_best_estimate) {
  WarningCounter warnings;
  const QuadResult r = integrate::quad([](double x) { return std::sin(1 / x); }, 0, 1, {.limit = 10});
  BOOST_TEST(r.ier == 1);
  BOOST_TEST(warnings.count == 1);
  BOOST_TEST(warnings.last == r.message);
  BOOST_TEST(r.message.find("limit = 10") != std::string::npos);
  // int_0^1 sin(1/x) = sin(1) - Ci(1) = 0.50406706..., within the (large)
  // reported error.
  BOOST_TEST(std::abs(r.value - 0.5040670619069283) <= r.abserr);
}

BOOST_AUTO_TEST_CASE(quad_divergent_integral_ends_with_ier_not_a_hang) {
  WarningCounter warnings;
  const QuadResult r = integrate::quad([](double x) { return 1 / (x * x); }, 0, 1, {.limit = 200});
  BOOST_TEST(r.ier != 0);
  BOOST_TEST(!r.message.empty());
  BOOST_TEST(warnings.count == 1);
  BOOST_TEST(r.neval <= 21 * 2 * 200);
}

BOOST_AUTO_TEST_CASE(quad_integrand_exceptions_reach_the_caller) {
  for (const QuadOptions& o :
       {QuadOptions{}, QuadOptions{.points = {0.5}}, QuadOptions{.weight = QuadWeight::cos, .wvar = {2.0}},
        QuadOptions{.weight = QuadWeight::alg_log}, QuadOptions{.weight = QuadWeight::cauchy, .wvar = {0.3}}}) {
    int calls_after = 0;
    bool thrown = false;
    const auto f = [&](double x) {
      if (thrown) ++calls_after;
      if (x > 0.6) {
        thrown = true;
        throw std::domain_error("bad x");
      }
      return x;
    };
    BOOST_TEST(testing::message_of<std::domain_error>([&] { (void)integrate::quad(f, 0, 1, o); }) == "bad x");
    BOOST_TEST(calls_after == 0);  // the integrand is not called again
  }
  const auto g = [](double x) -> double {
    if (x > 5) throw std::runtime_error("far");
    return std::exp(-x);
  };
  BOOST_CHECK_THROW((void)integrate::quad(g, 0, kInf), std::runtime_error);
  BOOST_CHECK_THROW((void)integrate::quad(g, 0, kInf, {.weight = QuadWeight::sin, .wvar = {1.0}}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(quad_bad_input_is_value_error) {
  const auto f = [](double x) { return x; };
  BOOST_CHECK_THROW((void)integrate::quad(f, kNaN, 1), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, kNaN), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, 1, {.limit = 0}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, 1, {.epsabs = 0, .epsrel = 1e-15}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, kInf, {.points = {1.0}}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, 1, {.limit = 2, .points = {0.2, 0.4}}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, -kInf, kInf, {.weight = QuadWeight::cos, .wvar = {1.0}}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, kInf, {.weight = QuadWeight::sin, .wvar = {1.0}, .limlst = 2}),
                    ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, kInf, {.epsabs = 0, .weight = QuadWeight::sin, .wvar = {1.0}}),
                    ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, 1, {.weight = QuadWeight::cos, .wvar = {1.0}, .maxp1 = 0}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, kInf, {.weight = QuadWeight::alg}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, 1, {.weight = QuadWeight::alg, .wvar = {-1.0, 0.0}}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, 1, {.weight = QuadWeight::cauchy, .wvar = {1.0}}), ValueError);
  BOOST_CHECK_THROW((void)integrate::quad(f, 0, kInf, {.weight = QuadWeight::cauchy, .wvar = {0.5}}), ValueError);
  const std::string m = testing::message_of<ValueError>([&] { (void)integrate::quad(f, 0, 1, {.limit = -3}); });
  BOOST_TEST(m.find("-3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(quad_points_with_a_weight_warn_and_are_ignored) {
  WarningCounter warnings;
  const auto f = [](double x) { return std::exp(x); };
  const QuadResult with = integrate::quad(f, 0, 1, {.points = {0.5}, .weight = QuadWeight::cos, .wvar = {3.0}});
  BOOST_TEST(warnings.count == 1);
  BOOST_TEST(with.value == integrate::quad(f, 0, 1, {.weight = QuadWeight::cos, .wvar = {3.0}}).value);
}

// dblquad, tplquad and nquad against their closed forms and SciPy's values
// and nquad's neval.
BOOST_AUTO_TEST_CASE(multiple_integrals_match_closed_forms_and_scipy) {
  std::map<std::string, NquadResult> ours;
  ours["dbl_const"] = dblquad([](double y, double x) { return x * y * y; }, 0, 2, 0.0, 1.0);
  ours["dbl_curve"] = dblquad([](double y, double x) { return x * y; }, 0, 1, 0.0,
                              std::function<double(double)>([](double x) { return 1 - x; }));
  ours["tpl_simplex"] = tplquad([](double z, double y, double x) { return x * y * z; }, 0, 1, 0.0,
                                std::function<double(double)>([](double x) { return 1 - x; }), 0.0,
                                std::function<double(double, double)>([](double x, double y) { return 1 - x - y; }));
  ours["nquad_gauss3"] = nquad([](const Vector& v) { return std::exp(-v.squaredNorm()); },
                               {std::array<double, 2>{0, 1}, std::array<double, 2>{0, 1}, std::array<double, 2>{0, 1}});
  ours["nquad_func_range"] =
      nquad([](const Vector& v) { return v(0) * v(1); }, {RangeFunction([](const Vector& outer) {
                                                            return std::array<double, 2>{0, 1 - 2 * outer(0)};
                                                          }),
                                                          std::array<double, 2>{0, 0.5}});
  const auto f4 = [](const Vector& x) {
    return x(0) * x(0) + x(1) * x(2) - std::pow(x(3), 3) + std::sin(x(0)) +
           (x(0) - 0.2 * x(3) - 0.5 - 0.25 * x(1) > 0 ? 1 : 0);
  };
  const std::function<QuadOptions(const Vector&)> opts0 = [](const Vector& outer) {
    return QuadOptions{.points = {0.2 * outer(2) + 0.5 + 0.25 * outer(0)}};
  };
  ours["nquad_4d_points"] = nquad(f4,
                                  {std::array<double, 2>{0, 1}, std::array<double, 2>{-1, 1},
                                   std::array<double, 2>{0.13, 0.8}, std::array<double, 2>{-0.15, 1}},
                                  {.opts = {opts0, QuadOptions{}, QuadOptions{}, QuadOptions{}}});
  for (const auto& row : testing::read_manifest("integrate/quad/nquad.csv")) {
    BOOST_TEST_CONTEXT("case " << row[0]) {
      const NquadResult& r = ours.at(row[0]);
      const double sp_value = std::stod(row[1]);
      const int sp_neval = std::stoi(row[3]);
      const double exact = std::stod(row[4]);
      // Each level meets 1.49e-8 relative; the nested errors add up to a
      // few times that (SciPy's own value is as far from the closed form).
      const double reference = std::isnan(exact) ? sp_value : exact;
      BOOST_TEST(std::abs(r.value - reference) <= 1e-7 * std::abs(reference));
      BOOST_TEST(std::abs(r.value - sp_value) <= 1e-7 * std::abs(sp_value));
      BOOST_TEST(r.abserr >= 0);
      if (sp_neval > 0) {
        const double ratio = static_cast<double>(r.neval) / sp_neval;  // 1.2x: as for quad
        BOOST_TEST(ratio <= 1.2);
        BOOST_TEST(ratio >= 1 / 1.2);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(nquad_bad_input_and_exceptions) {
  const auto f = [](const Vector& v) { return v.sum(); };
  BOOST_CHECK_THROW((void)nquad(f, {}), ValueError);
  BOOST_CHECK_THROW((void)nquad(f, {std::array<double, 2>{0, 1}, std::array<double, 2>{0, 1}},
                                {.opts = {QuadOptions{}, QuadOptions{}, QuadOptions{}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)nquad(f, {std::array<double, 2>{0, kNaN}}), ValueError);
  const auto throws = [](const Vector& v) -> double {
    if (v(0) > 0.9) throw std::out_of_range("inner");
    return v(0);
  };
  BOOST_CHECK_THROW((void)nquad(throws, {std::array<double, 2>{0, 1}, std::array<double, 2>{0, 1}}), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(quad_vec_matches_scipy) {
  const Vector alpha = Vector::LinSpaced(5, 0.0, 2.0);
  const VectorIntegrand powers = [&](double x) {
    Vector v(alpha.size());
    for (Index k = 0; k < alpha.size(); ++k) v(k) = std::pow(x, alpha(k));
    return v;
  };
  const auto one = [](std::function<double(double)> g) {
    return VectorIntegrand([g](double x) { return Vector::Constant(1, g(x)); });
  };
  std::map<std::string, QuadVecResult> ours;
  ours["powers"] = quad_vec(powers, 0, 2);
  ours["powers_max"] = quad_vec(powers, 0, 2, {.norm = QuadVecNorm::max});
  ours["powers_gk15"] = quad_vec(powers, 0, 2, {.quadrature = QuadVecRule::gk15});
  ours["powers_trapezoid"] = quad_vec(powers, 0, 2, {.epsrel = 1e-6, .quadrature = QuadVecRule::trapezoid});
  ours["gauss_moments"] = quad_vec(
      [](double x) {
        Vector v(2);
        v << std::exp(-x * x), std::exp(-x * x) * x * x;
        return v;
      },
      -kInf, kInf);
  ours["exp_semi"] = quad_vec(
      [](double x) {
        Vector v(2);
        v << std::exp(-x), std::exp(-2 * x);
        return v;
      },
      0, kInf);
  ours["exp_lower"] = quad_vec(one([](double x) { return std::exp(x); }), -kInf, 0);
  ours["kink_points"] = quad_vec(one([](double x) { return std::abs(x - 0.3); }), 0, 1, {.points = {0.3}});
  ours["reversed"] = quad_vec(one([](double x) { return x * x; }), 1, 0);
  ours["limit_hit"] = quad_vec(one([](double x) { return x != 0 ? std::sin(1 / x) : 0.0; }), 0, 1, {.limit = 20});
  int rows = 0;
  for (const auto& row : testing::read_manifest("integrate/quad/quad_vec.csv")) {
    BOOST_TEST_CONTEXT("case " << row[0] << " component " << row[1]) {
      const QuadVecResult& r = ours.at(row[0]);
      const auto k = static_cast<Index>(std::stoi(row[1]));
      const double sp_value = std::stod(row[2]);
      const double sp_error = std::stod(row[3]);
      const int sp_status = std::stoi(row[5]);
      const double exact = std::stod(row[6]);
      // The same algorithm with the same rules: the same subdivisions, so
      // the same neval and status; the values differ only by the order of
      // the rounding in the sums (a few ulps of the integrals).
      BOOST_TEST(r.neval == std::stoi(row[4]));
      BOOST_TEST(r.status == sp_status);
      BOOST_TEST(std::abs(r.value(k) - sp_value) <= 1e-13 * std::max(1.0, std::abs(sp_value)));
      // The error estimate sums many rule errors and rounding estimates;
      // their rounding differs from SciPy's in the last digits of the terms.
      BOOST_TEST(std::abs(r.error - sp_error) <= 1e-5 * sp_error);
      // The error estimate (in the norm) bounds the true error of every component.
      BOOST_TEST(std::abs(r.value(k) - exact) <= r.error);
      BOOST_TEST(r.intervals.rows() == r.errors.size());
      ++rows;
    }
  }
  BOOST_TEST(rows == 28);
}

BOOST_AUTO_TEST_CASE(quad_vec_bad_input_and_exceptions) {
  const VectorIntegrand f = [](double x) { return Vector::Constant(2, x); };
  BOOST_CHECK_THROW((void)quad_vec(f, kNaN, 1), ValueError);
  BOOST_CHECK_THROW((void)quad_vec(f, 0, 1, {.limit = 0}), ValueError);
  BOOST_CHECK_THROW((void)quad_vec(f, 0, 1, {.epsrel = -1}), ValueError);
  const VectorIntegrand changing = [](double x) { return Vector::Constant(x < 0.5 ? 1 : 2, x); };
  BOOST_CHECK_THROW((void)quad_vec(changing, 0, 1), ValueError);
  const VectorIntegrand throws = [](double x) -> Vector {
    if (x > 0.7) throw std::length_error("x");
    return Vector::Constant(1, x);
  };
  BOOST_CHECK_THROW((void)quad_vec(throws, 0, 1), std::length_error);
}

BOOST_AUTO_TEST_CASE(fixed_quad_matches_scipy) {
  for (const auto& row : testing::read_manifest("integrate/quad/fixed_quad.csv")) {
    const int n = std::stoi(row[1]);
    const double value = row[0] == "sin" ? fixed_quad([](double x) { return std::sin(x); }, 0, std::numbers::pi, n)
                                         : fixed_quad([](double x) { return std::pow(x, 9); }, -1, 2, n);
    // The same Gauss-Legendre rule; the nodes and weights of GSL and of
    // SciPy's roots_legendre agree to a few ulps.
    BOOST_TEST(std::abs(value - std::stod(row[2])) <= 1e-13 * std::abs(std::stod(row[3])), row[0] << " n = " << n);
  }
  BOOST_CHECK_THROW((void)fixed_quad([](double x) { return x; }, 0, kInf), ValueError);
  BOOST_CHECK_THROW((void)fixed_quad([](double x) { return x; }, 0, 1, 0), ValueError);
}

BOOST_AUTO_TEST_CASE(tanhsinh_handles_endpoint_singularities) {
  // int_0^1 x^-1/2 = 2 (f(0) = inf is never evaluated), int_0^1 log(x) = -1,
  // int_0^1 x^a log(1/x) = 1/(a+1)^2 for a = -0.9: 100.
  struct Row {
    Integrand f;
    double a, b, exact;
  };
  const std::vector<Row> rows = {
      {[](double x) { return 1 / std::sqrt(x); }, 0, 1, 2.0},
      {[](double x) { return std::log(x); }, 0, 1, -1.0},
      {[](double x) { return std::pow(x, -0.9) * std::log(1 / x); }, 0, 1, 100.0},
      {[](double x) { return std::exp(-x * x); }, -kInf, kInf, std::sqrt(std::numbers::pi)},
      {[](double x) { return 1 / ((1 + x) * std::sqrt(x)); }, 0, kInf, std::numbers::pi},
  };
  for (const Row& row : rows) {
    const TanhSinhResult r = tanhsinh(row.f, row.a, row.b);
    BOOST_TEST(r.nfev > 0);
    BOOST_TEST(r.maxlevel >= 1);
    if (r.success) {
      // Converged to rtol = eps^0.75 (1.8e-12) of the integral of |f|; 10x
      // for the estimate being the difference of the last two levels.
      BOOST_TEST(std::abs(r.integral - row.exact) <= 1e-11 * std::abs(row.exact), "exact " << row.exact);
    } else {
      BOOST_TEST(r.status == -2);
      // x^-0.9 log(1/x) is too singular for double-precision abscissae near 0:
      // the best estimate is still within its error estimate's order.
      BOOST_TEST(std::abs(r.integral - row.exact) <= 1e-3 * std::abs(row.exact), "exact " << row.exact);
    }
  }
  const auto f = [](double x) { return std::exp(x); };
  BOOST_TEST(tanhsinh(f, 1, 0).integral == -tanhsinh(f, 0, 1).integral);
  BOOST_TEST(tanhsinh(f, 2, 2).integral == 0.0);
}

BOOST_AUTO_TEST_CASE(tanhsinh_bad_input_exceptions_and_nonfinite_values) {
  const auto f = [](double x) { return x; };
  BOOST_CHECK_THROW((void)tanhsinh(f, kNaN, 1), ValueError);
  BOOST_CHECK_THROW((void)tanhsinh(f, 0, 1, {.maxlevel = 0}), ValueError);
  BOOST_CHECK_THROW((void)tanhsinh(f, 0, 1, {.rtol = -1.0}), ValueError);
  BOOST_CHECK_THROW((void)tanhsinh([](double x) -> double { throw std::invalid_argument(std::to_string(x)); }, 0, 1),
                    std::invalid_argument);
  // A pole inside the range: the sum is not finite.
  const TanhSinhResult r = tanhsinh([](double x) { return 1 / (x - 0.5); }, 0, 1);
  BOOST_TEST(r.status == -3);
  BOOST_TEST(!r.success);
}

BOOST_AUTO_TEST_CASE(a_small_maxp1_changes_no_result) {
  // 1 / sqrt(x) cos(20 x) on [0, 1] bisects towards 0 past level 1: GSL's
  // own table of maxp1 levels would stop there ("table limit exceeded");
  // QUADPACK computes the deeper levels, and so do we. SciPy's value with
  // maxp1 = 1 and 50: 0.3253075090181749, 335 evaluations.
  const Integrand f = [](double x) { return x > 0 ? 1 / std::sqrt(x) : 0.0; };
  for (const int maxp1 : {1, 2, 50}) {
    const QuadResult r = integrate::quad(f, 0, 1, {.weight = QuadWeight::cos, .wvar = {20.0, 0.0}, .maxp1 = maxp1});
    BOOST_TEST(r.ier == 0);
    BOOST_TEST(std::abs(r.value - 0.3253075090181749) <= 1e-14);
    BOOST_TEST(r.neval == 335);
  }
}

BOOST_AUTO_TEST_SUITE_END()
