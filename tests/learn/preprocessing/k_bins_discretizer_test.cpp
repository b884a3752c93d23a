// KBinsDiscretizer against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(k_bins_discretizer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Edges: uniform ones are NumPy's linspace (same operations: exact up to an
// ulp); quantile edges are order statistics or their averages (exact up to an
// ulp); k-means edges are midpoints of cluster means, sums of up to 41 terms
// in another order than scikit-learn's (which also centers the data first):
// 1e-12 relative to the column's scale. Bins and centers then agree exactly
// (or to the same rounding).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X_bins"), X_test = load_matrix("X_bins_test");
  struct Case {
    std::string name;
    KBinsDiscretizer::Params params;
  };
  using E = KBinsEncode;
  const Case cases[] = {
      {"kbins_quantile", {.encode = E::ordinal}},
      {"kbins_linear", {.n_bins = 4, .encode = E::ordinal, .quantile_method = KBinsQuantileMethod::linear}},
      {"kbins_inverted", {.n_bins = 6, .encode = E::ordinal, .quantile_method = KBinsQuantileMethod::inverted_cdf}},
      {"kbins_uniform", {.n_bins = 3, .encode = E::onehot_dense, .strategy = KBinsStrategy::uniform}},
      {"kbins_kmeans", {.n_bins = 4, .encode = E::ordinal, .strategy = KBinsStrategy::kmeans}},
  };
  const ScopedWarningHandler quiet([](const Warning&) {});
  for (const Case& c : cases) {
    BOOST_TEST_INFO(c.name);
    KBinsDiscretizer kbins(c.params);
    kbins.fit(X);
    const Vector n_bins = load_vector(c.name + "_n_bins");
    for (std::size_t j = 0; j < kbins.bin_edges().size(); ++j) {
      BOOST_TEST(static_cast<double>(kbins.n_bins()[j]) == n_bins(static_cast<Index>(j)));
      const Matrix edges = load_matrix(cat(c.name, "_edges_", j));
      BOOST_TEST(relative_error(kbins.bin_edges()[j], edges, edges.cwiseAbs().maxCoeff()) <= 1e-12);
    }
    const Matrix Z = kbins.transform(X_test);
    BOOST_TEST(same(Z, load_matrix(c.name + "_transform")));
    BOOST_TEST(relative_error(kbins.inverse_transform(Z), load_matrix(c.name + "_inverse"), 1e-3) <= 1e-12);
    BOOST_TEST((kbins.get_feature_names_out() == load_lines(c.name + "_names")));
  }
}

BOOST_AUTO_TEST_CASE(constant_feature_warns_and_becomes_zero) {
  int warnings = 0;
  const ScopedWarningHandler count([&](const Warning& w) {
    ++warnings;
    BOOST_TEST(w.message == "Feature 1 is constant and will be replaced with 0.");
  });
  KBinsDiscretizer kbins({.n_bins = 3, .encode = KBinsEncode::ordinal, .strategy = KBinsStrategy::uniform});
  const Matrix X = load_matrix("X_const");
  BOOST_TEST(same(kbins.fit_transform(X), load_matrix("kbins_const_transform")));
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = load_matrix("X_bins");
  const std::string message = testing::message_of<ValueError>([&] { KBinsDiscretizer({.n_bins = 1}).fit(X); });
  BOOST_TEST(message.find("invalid number of bins") != std::string::npos);
  BOOST_CHECK_THROW((void)KBinsDiscretizer().set_params({{"strategy", std::string("median")}}), ValueError);
  KBinsDiscretizer kbins;
  kbins.set_params({{"encode", std::string("onehot-dense")}});
  BOOST_TEST((kbins.params().encode == KBinsEncode::onehot_dense));
  kbins.fit(X);
  BOOST_CHECK_THROW((void)kbins.inverse_transform(Matrix::Zero(2, 3)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
