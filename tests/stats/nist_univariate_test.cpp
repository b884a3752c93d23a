#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <iostream>
#include <scilearn/stats/descriptive.hpp>
#include <string>
#include <vector>

#include "support/shared_data.hpp"

BOOST_AUTO_TEST_SUITE(nist_univariate)

using namespace scilearn;
namespace utf = boost::unit_test;

namespace {

const testing::RequiresSharedData kNistUnivariate{"nist/univariate", "NIST StRD univariate", 9};

// One certified file: the sample (after the "Data: Y" line) and the
// certified mean, standard deviation (n - 1) and lag-1 autocorrelation.
struct Certified {
  Vector y;
  double mean = 0, sd = 0, r1 = 0;
};

double value_after_colon(const std::string& line) { return std::stod(line.substr(line.rfind(':') + 1)); }

Certified read(const std::string& name) {
  std::ifstream in(*testing::shared_data_dir() / "nist" / "univariate" / (name + ".dat"));
  BOOST_TEST_REQUIRE(in.good());
  Certified c;
  std::vector<double> y;
  bool data = false;
  for (std::string line; std::getline(in, line);) {
    if (data) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) y.push_back(std::stod(line));
    } else if (line.find("Sample Mean") != std::string::npos) {
      c.mean = value_after_colon(line);
    } else if (line.find("Sample Standard Deviation") != std::string::npos) {
      c.sd = value_after_colon(line);
    } else if (line.find("Autocorrelation") != std::string::npos) {
      c.r1 = value_after_colon(line);
    } else if (line.rfind("Data: Y", 0) == 0) {
      data = true;
      std::getline(in, line);  // the dashes under the header
    }
  }
  c.y = Eigen::Map<Vector>(y.data(), static_cast<Index>(y.size()));
  return c;
}

// NIST's log relative error: the number of correct significant digits.
double lre(double value, double certified) {
  if (value == certified) return 15.0;
  return certified == 0 ? -std::log10(std::abs(value)) : -std::log10(std::abs(value - certified) / std::abs(certified));
}

}  // namespace

// NIST StRD univariate summary statistics: the mean and the standard
// deviation to at least 13 correct digits on every set (8 for the standard
// deviation of NumAcc3 and NumAcc4, whose values carry 7-8 digits before
// the varying ones: NIST's own bar for double precision), and the lag-1
// autocorrelation to at least 13 (8 on NumAcc3 / NumAcc4).
BOOST_AUTO_TEST_CASE(mean_sd_and_autocorrelation_reach_the_certified_digits, *utf::precondition(kNistUnivariate)) {
  for (const std::string name :
       {"PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"}) {
    BOOST_TEST_CONTEXT(name) {
      const Certified c = read(name);
      const bool hard = name == "NumAcc3" || name == "NumAcc4";
      const double m = stats::mean(c.y), sd = stats::std_dev(c.y, 1), r1 = stats::lag_autocorrelation(c.y, 1);
      std::cout << name << ": LRE mean " << lre(m, c.mean) << ", sd " << lre(sd, c.sd) << ", r(1) " << lre(r1, c.r1)
                << "\n";
      BOOST_TEST(lre(m, c.mean) >= 13);
      BOOST_TEST(lre(sd, c.sd) >= (hard ? 8 : 13));
      BOOST_TEST(lre(r1, c.r1) >= (hard ? 8 : 13));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
