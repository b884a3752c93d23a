// NIST StRD linear regression (../shared/data/nist/linear/*.dat, read in
// place: the files may not be copied into the repository). Each file's
// design matrix is built from its model, solved by linalg::lstsq, and every
// certified coefficient, the residual standard deviation and R^2 are compared
// by their log relative error (LRE: correct significant digits).
//
// Every driver, with two rounds of extended-precision refinement (see
// kRequired). Unrefined, gelsy's column-pivoted QR copes with the wildly
// different column scales of the polynomial design matrices (Pontius: 1, 1e6,
// 1e12) better than the SVD drivers, whose accuracy is normwise (gelsd: ~6.2
// digits on Pontius, ~8.1 on Wampler4, ~5.4 on Filip, ~6.1 on Wampler5).

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <scilearn/linalg/lstsq.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/shared_data.hpp"

BOOST_AUTO_TEST_SUITE(nist_linear)

using namespace scilearn;
using linalg::LstsqDriver;
namespace fs = std::filesystem;
namespace utf = boost::unit_test;

// The certified values and the data of one StRD linear file.
struct Certified {
  std::map<int, double> parameters;  // B<j> -> estimate
  double residual_sd = 0;
  double r_squared = 0;
  Vector y;
  Matrix x;  // one column per predictor
};

// Line numbers in the header's "File Format" block (1-based, inclusive), e.g.
// "Certified Values  (lines 31 to 55)". (Plain string parsing: std::regex
// trips a false -Wmaybe-uninitialized in libstdc++ 12 under the sanitizers.)
std::pair<std::size_t, std::size_t> line_range(const std::vector<std::string>& lines, const std::string& label) {
  for (const std::string& line : lines) {
    const auto at = line.find(label);
    const auto open = line.find("(lines", at == std::string::npos ? at : at + label.size());
    if (at == std::string::npos || open == std::string::npos) continue;
    std::istringstream in(line.substr(open + 6));
    std::size_t first = 0;
    std::size_t last = 0;
    std::string to;
    if (in >> first >> to >> last && to == "to") return {first, last};
  }
  BOOST_FAIL("no '" << label << " (lines A to B)' in the header");
  return {};
}

// The number after `label` on a line that starts (after blanks) with it, if any.
std::optional<double> value_after(const std::string& line, const std::string& label) {
  const auto at = line.find_first_not_of(' ');
  if (at == std::string::npos || line.compare(at, label.size(), label) != 0) return std::nullopt;
  std::istringstream in(line.substr(at + label.size()));
  double value = 0;
  if (!(in >> value)) return std::nullopt;
  return value;
}

Certified read_certified(const fs::path& path) {
  std::ifstream in(path);
  BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);

  Certified c;
  const auto [cert_first, cert_last] = line_range(lines, "Certified Values");
  bool have_sd = false;
  bool have_r2 = false;
  for (std::size_t i = cert_first; i <= cert_last; ++i) {
    const std::string& line = lines.at(i - 1);
    std::istringstream words(line);
    std::string name;
    double estimate = 0;
    if (words >> name && name.size() > 1 && name[0] == 'B' &&
        name.find_first_not_of("0123456789", 1) == std::string::npos && words >> estimate) {
      c.parameters[std::stoi(name.substr(1))] = estimate;
    } else if (const auto sd = value_after(line, "Standard Deviation")) {
      c.residual_sd = *sd;  // the line after "Residual"
      have_sd = true;
    } else if (const auto r2 = value_after(line, "R-Squared")) {
      c.r_squared = *r2;
      have_r2 = true;
    }
  }
  BOOST_TEST_REQUIRE(!c.parameters.empty());
  BOOST_TEST_REQUIRE(have_sd);
  BOOST_TEST_REQUIRE(have_r2);

  const auto [data_first, data_last] = line_range(lines, "Data");
  std::vector<std::vector<double>> rows;
  for (std::size_t i = data_first; i <= data_last; ++i) {
    std::stringstream row(lines.at(i - 1));
    std::vector<double> values;
    for (double v; row >> v;) values.push_back(v);
    BOOST_TEST_REQUIRE(values.size() >= 2u);
    BOOST_TEST_REQUIRE((rows.empty() || values.size() == rows.front().size()));
    rows.push_back(values);
  }
  const auto n_obs = static_cast<Index>(rows.size());
  const auto n_pred = static_cast<Index>(rows.front().size()) - 1;
  c.y.resize(n_obs);
  c.x.resize(n_obs, n_pred);
  for (Index i = 0; i < n_obs; ++i) {
    const auto& r = rows[static_cast<std::size_t>(i)];
    c.y(i) = r[0];
    for (Index j = 0; j < n_pred; ++j) c.x(i, j) = r[static_cast<std::size_t>(j + 1)];
  }
  return c;
}

// The model's design matrix, one column per certified parameter B<j>: with a
// single predictor the StRD models are polynomials, B<j> multiplying x^j
// (Norris, Pontius, Filip, Wampler1-5: B0 is the intercept; NoInt1/2: B1 only).
// With several predictors (Longley), B0 is the intercept and B<j> multiplies x<j>.
Matrix design_matrix(const Certified& c) {
  Matrix a(c.y.size(), static_cast<Index>(c.parameters.size()));
  Index col = 0;
  for (const auto& [j, estimate] : c.parameters) {
    (void)estimate;
    for (Index i = 0; i < a.rows(); ++i) {
      if (c.x.cols() == 1) {
        double power = 1;
        for (int e = 0; e < j; ++e) power *= c.x(i, 0);  // exact for the integer x of Wampler
        a(i, col) = power;
      } else {
        a(i, col) = j == 0 ? 1.0 : c.x(i, j - 1);
      }
    }
    ++col;
  }
  return a;
}

// LRE = -log10(|x - c| / |c|) (absolute error when c == 0), capped at the 15
// digits the certified values carry; an exact match counts as 15.
double lre(double x, double certified) {
  const double err = certified == 0 ? std::abs(x) : std::abs(x - certified) / std::abs(certified);
  if (err == 0) return 15;
  return std::min(15.0, -std::log10(err));
}

struct Fit {
  double min_parameter_lre = 15;
  double residual_sd_lre = 15;
  double r_squared_lre = 15;
  Index rank = 0;
};

Fit fit(const std::string& name, LstsqDriver driver, int refine = 0) {
  const Certified c = read_certified(*testing::shared_data_dir() / "nist" / "linear" / (name + ".dat"));
  const Matrix a = design_matrix(c);
  const auto result = linalg::lstsq(a, c.y, {.lapack_driver = driver, .refine = refine});
  Fit f;
  f.rank = result.rank;
  Index col = 0;
  for (const auto& [j, estimate] : c.parameters) {
    const double digits = lre(result.x(col++), estimate);
    BOOST_TEST_MESSAGE(name << " B" << j << ": " << digits << " digits");
    f.min_parameter_lre = std::min(f.min_parameter_lre, digits);
  }
  // Residual standard deviation sqrt(RSS / (n - p)); R^2 = 1 - RSS / TSS, TSS
  // about the mean with an intercept and about zero without (NIST's NoInt convention).
  const double rss = (c.y - a * result.x).squaredNorm();
  const auto dof = static_cast<double>(a.rows() - a.cols());
  const bool intercept = c.parameters.count(0) == 1;
  const double tss = intercept ? (c.y.array() - c.y.mean()).square().sum() : c.y.squaredNorm();
  f.residual_sd_lre = lre(std::sqrt(rss / dof), c.residual_sd);
  f.r_squared_lre = lre(1 - rss / tss, c.r_squared);
  return f;
}

const testing::RequiresSharedData kNistLinear{"nist/linear", "NIST StRD", 11};

// Coefficient digits required, per file (issue 3): 9 everywhere but on the
// two hardest problems. Filip (a degree-10 polynomial, cond ~ 1e15 on the
// raw design matrix) and Wampler5 (a tiny signal in huge noise) need 7.
//
// Plain double precision does not reach them reliably: on the polynomial fits
// with large residuals (Wampler4 / 5) the error is O(eps cond^2 ||r||), and
// which side of 9 (or 7) digits it lands on depends on the BLAS kernel's
// rounding (gelsy reached 8.9 and 6.7 with the generic Prescott kernels that
// OpenBLAS 0.3.21 picks on an Emerald Rapids Xeon, the SVD drivers 8.1 and
// 6.1). Two rounds of refinement in extended precision (LstsqOptions::refine)
// give, with every driver, >= 11.4 on Wampler4, >= 9.4 on Wampler5, >= 7.9 on
// Filip, >= 13 elsewhere.
const std::pair<const char*, double> kRequired[] = {
    {"Norris", 9},   {"Pontius", 9},  {"NoInt1", 9},   {"NoInt2", 9},   {"Longley", 9}, {"Wampler1", 9},
    {"Wampler2", 9}, {"Wampler3", 9}, {"Wampler4", 9}, {"Wampler5", 7}, {"Filip", 7},
};
const LstsqDriver kDrivers[] = {LstsqDriver::gelsd, LstsqDriver::gelsy, LstsqDriver::gelss};

BOOST_AUTO_TEST_CASE(every_certified_coefficient_to_the_required_digits, *utf::precondition(kNistLinear)) {
  for (const LstsqDriver driver : kDrivers) {
    for (const auto& [name, digits] : kRequired) {
      BOOST_TEST_CONTEXT(name << " driver " << static_cast<int>(driver)) {
        const Fit f = fit(name, driver, 2);
        BOOST_TEST_MESSAGE(name << ": rank " << f.rank << ", min coefficient LRE " << f.min_parameter_lre
                                << ", residual sd LRE " << f.residual_sd_lre << ", R^2 LRE " << f.r_squared_lre);
        BOOST_TEST(f.min_parameter_lre >= digits);
      }
    }
  }
}

// The fitted statistics: residual standard deviation and R^2 to the same
// number of digits as the coefficients (Wampler1 / 2 fit exactly: certified
// sd 0, so its LRE is the absolute error's).
BOOST_AUTO_TEST_CASE(residual_sd_and_r_squared_to_the_required_digits, *utf::precondition(kNistLinear)) {
  for (const LstsqDriver driver : kDrivers) {
    for (const auto& [name, digits] : kRequired) {
      BOOST_TEST_CONTEXT(name << " driver " << static_cast<int>(driver)) {
        const Fit f = fit(name, driver, 2);
        BOOST_TEST(f.residual_sd_lre >= digits);
        BOOST_TEST(f.r_squared_lre >= digits);
      }
    }
  }
}

// Without refinement (SciPy's computation) every driver still reaches 8 digits
// on the files whose error the working precision does not dominate.
// They give 9 to 15 digits there (OpenBLAS 0.3.21; 8 are required, leaving
// room for another BLAS's rounding).
BOOST_AUTO_TEST_CASE(unrefined_drivers_are_accurate_on_the_well_conditioned_files, *utf::precondition(kNistLinear)) {
  for (const LstsqDriver driver : kDrivers) {
    for (const char* name : {"Norris", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3"}) {
      BOOST_TEST_CONTEXT(name << " driver " << static_cast<int>(driver)) {
        BOOST_TEST(fit(name, driver).min_parameter_lre >= 8);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
