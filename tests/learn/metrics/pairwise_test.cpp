#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>
#include <sstream>
#include <string>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(metrics_pairwise)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/metrics_pairwise/" + name + ".npy"));
}

std::map<std::string, double> parse_options(const std::string& text) {
  std::map<std::string, double> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ';');) {
    const auto eq = item.find('=');
    const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    out[key] = key == "metric" ? 0.0 : value == "True" ? 1.0 : std::stod(value);
  }
  return out;
}

std::string metric_of(const std::string& text) {
  const auto at = text.find("metric='");
  if (at == std::string::npos) return "";
  const auto start = at + 8;
  return text.substr(start, text.find('\'', start) - start);
}

Matrix random_matrix(Generator& rng, Index rows, Index cols) {
  Matrix m(rows, cols);
  for (Index j = 0; j < cols; ++j)
    for (Index i = 0; i < rows; ++i) m(i, j) = rng.standard_normal();
  return m;
}

}  // namespace

// Against scikit-learn 1.9.1 and SciPy's cdist (tests/reference/learn_metrics_pairwise.py).
// Tolerances by family:
// - direct differences (sqeuclidean, manhattan, chebyshev, minkowski, the
//   laplacian kernel) run over the 5 features in SciPy's order: 1e-13 relative
//   (pow and exp may differ in the last bit);
// - the norm trick (euclidean, l2, squared, rbf) cancels |x|^2 + |y|^2 - 2 x.y:
//   its rounding is bounded by (n_features + 3) eps (|x|^2 + |y|^2) on the
//   squared distance, for our GEMM against scikit-learn's as against cdist's
//   exact differences (large for the points 20 from the origin, small for
//   standard normal ones; compared on the squared distance, and for rbf on
//   K through its exponent);
// - inner products (linear, polynomial, sigmoid, cosine) on GEMM / SYRK:
//   1e-13 of (1 + |x| |y|) (the polynomial's cube: 1e-12 relative).
BOOST_AUTO_TEST_CASE(pairwise_distances_and_kernels_match_scikit_learn_and_scipy) {
  int results = 0;
  double worst = 0;
  for (const auto& c : testing::read_manifest("learn/metrics_pairwise/values.csv")) {
    BOOST_TEST_CONTEXT(c[0] << " " << c[1] << " " << c[2] << " with_y=" << c[3]) {
      const Matrix X = load(c[0] + "_X"), Y_given = load(c[0] + "_Y");
      const bool with_y = c[3] == "1";
      const Matrix& Y = with_y ? Y_given : X;
      const Matrix ref = load(c[4]);
      auto options = parse_options(c[2]);
      const std::string metric = metric_of(c[2]);
      const std::string& f = c[1];
      Matrix ours;
      std::string family;
      if (f == "pairwise_distances") {
        PairwiseDistancesOptions o{.metric = metric};
        if (options.count("p")) o.p = options["p"];
        ours = with_y ? pairwise_distances(X, Y, o) : pairwise_distances(X, o);
        family = (metric == "euclidean" || metric == "l2") ? "norm_trick" : metric == "cosine" ? "inner" : "direct";
      } else if (f == "euclidean_distances") {
        ours = with_y ? euclidean_distances(X, Y, true) : euclidean_distances(X, true);
        family = "norm_trick_squared";
      } else if (f == "cdist_euclidean") {
        ours = with_y ? euclidean_distances(X, Y) : euclidean_distances(X);
        family = "norm_trick";
      } else if (f == "cosine_similarity") {
        ours = with_y ? cosine_similarity(X, Y) : cosine_similarity(X);
        family = "inner";
      } else {
        PairwiseKernelsOptions o{.metric = metric};
        if (options.count("gamma")) o.gamma = options["gamma"];
        if (options.count("degree")) o.degree = options["degree"];
        if (options.count("coef0")) o.coef0 = options["coef0"];
        ours = with_y ? pairwise_kernels(X, Y, o) : pairwise_kernels(X, o);
        family = metric == "laplacian" ? "direct" : metric == "rbf" ? "rbf" : metric == "polynomial" ? "cube" : "inner";
        if (metric == "rbf") options["gamma_used"] = o.gamma.value_or(1.0 / static_cast<double>(X.cols()));
      }
      BOOST_TEST_REQUIRE(ours.rows() == ref.rows());
      BOOST_TEST_REQUIRE(ours.cols() == ref.cols());
      for (Index j = 0; j < ref.cols(); ++j) {
        for (Index i = 0; i < ref.rows(); ++i) {
          const double a = ours(i, j), b = ref(i, j);
          const double norms = X.row(i).squaredNorm() + Y.row(j).squaredNorm();
          // (at least the smallest normal double: two zero rows must agree exactly)
          const double cancellation =
              std::max((static_cast<double>(X.cols()) + 3) * kEps * norms, std::numeric_limits<double>::min());
          double error = 0, bound = 0;
          if (family == "direct") {
            error = std::abs(a - b) / std::max(std::abs(b), 1e-300);
            bound = 1e-13;
          } else if (family == "norm_trick") {
            error = std::abs(a * a - b * b) / cancellation;
            bound = 1;
          } else if (family == "norm_trick_squared") {
            error = std::abs(a - b) / cancellation;
            bound = 1;
          } else if (family == "rbf") {
            error = std::abs(std::log(a) - std::log(b)) / (options["gamma_used"] * cancellation);
            bound = 1;
          } else if (family == "cube") {
            error = std::abs(a - b) / std::max(std::abs(b), 1e-300);
            bound = 1e-12;
          } else {
            error = std::abs(a - b) / (1 + X.row(i).norm() * Y.row(j).norm());
            bound = 1e-13;
          }
          worst = std::max(worst, error / bound);
          BOOST_TEST(error <= bound, "(" << i << ", " << j << "): " << a << " against " << b);
        }
      }
      ++results;
    }
  }
  BOOST_TEST(results == 150);
  std::cout << "pairwise: " << results << " matrices, largest difference " << worst << " of its tolerance\n";
}

BOOST_AUTO_TEST_CASE(rows_against_themselves_give_exact_symmetry_and_diagonals) {
  Generator rng(5);
  const Matrix X = (random_matrix(rng, 70, 6).array() + 30.0).matrix();  // cancellation would show on the diagonal
  const Matrix E = euclidean_distances(X), C = cosine_distances(X), K = rbf_kernel(X, X), L = linear_kernel(X, X);
  BOOST_TEST((E == E.transpose() && C == C.transpose() && K == K.transpose() && L == L.transpose()));
  BOOST_TEST((E.diagonal().array() == 0).all());
  BOOST_TEST((C.diagonal().array() == 0).all());
  BOOST_TEST((K.diagonal().array() == 1).all());
  BOOST_TEST((E.array() >= 0).all());
  // A copy of X is another matrix: no exact diagonal promised, but close.
  const Matrix copy = X;
  BOOST_TEST(euclidean_distances(X, copy).diagonal().maxCoeff() <= 1e-5);
}

BOOST_AUTO_TEST_CASE(direct_metrics_do_not_depend_on_the_thread_count) {
  Generator rng(11);
  const Matrix X = random_matrix(rng, 600, 7), Y = random_matrix(rng, 300, 7);
  for (const std::string metric : {"manhattan", "sqeuclidean", "chebyshev", "minkowski"}) {
    BOOST_TEST_CONTEXT(metric) {
      const Matrix one = pairwise_distances(X, Y, {.metric = metric, .p = 3, .n_jobs = 1});
      const Matrix three = pairwise_distances(X, Y, {.metric = metric, .p = 3, .n_jobs = 3});
      BOOST_TEST((one == three));
    }
  }
}

BOOST_AUTO_TEST_CASE(views_of_callers_memory_are_used_as_they_are) {
  Generator rng(3);
  const Matrix big = random_matrix(rng, 20, 9);
  const Matrix block = big.block(2, 1, 10, 4);
  // A block of a larger matrix (outer stride 20) gives what its copy gives.
  BOOST_TEST((pairwise_distances(big.block(2, 1, 10, 4), {.metric = "manhattan"}) ==
              pairwise_distances(block, {.metric = "manhattan"})));
  const Matrix a = euclidean_distances(big.block(2, 1, 10, 4)), b = euclidean_distances(block);
  BOOST_TEST((a - b).cwiseAbs().maxCoeff() <= 1e-14);
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const Matrix X = Matrix::Ones(4, 3), Y = Matrix::Ones(5, 2);
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)pairwise_distances(X, Y); }) ==
             "pairwise_distances: incompatible dimension for X and Y matrices: X has 3 features while Y has 2");
  BOOST_CHECK_THROW((void)euclidean_distances(X, Y), ValueError);
  BOOST_CHECK_THROW((void)rbf_kernel(X, Y), ValueError);
  BOOST_CHECK_THROW((void)pairwise_distances(X, {.metric = "hamming"}), ValueError);
  BOOST_CHECK_THROW((void)pairwise_kernels(X, {.metric = "chi2"}), ValueError);
  BOOST_CHECK_THROW((void)pairwise_distances(X, {.metric = "minkowski", .p = 0}), ValueError);
  BOOST_CHECK_THROW((void)pairwise_distances(Matrix(0, 3)), ValueError);
  Matrix with_nan = X;
  with_nan(1, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)cosine_similarity(with_nan), ValueError);
  BOOST_CHECK_THROW((void)pairwise_distances(X, {.metric = "manhattan", .n_jobs = 0}), ValueError);
}

// device = gpu runs scilearn::gpu's kernels: the same formulas, summed in
// another order (and sqeuclidean by the norm trick, whose absolute error is
// about eps (|x|^2 + |y|^2) ~ 1e-14 on these standard normal points).
BOOST_AUTO_TEST_CASE(device_gpu_equals_the_cpu_path) {
  Generator rng(11);
  const Matrix X = random_matrix(rng, 30, 6), Y = random_matrix(rng, 20, 6);
  for (const std::string metric : {"euclidean", "sqeuclidean", "manhattan", "cosine"}) {
    BOOST_TEST_CONTEXT(metric) {
      const Matrix cpu = pairwise_distances(X, Y, {.metric = metric});
      const Matrix gpu = pairwise_distances(X, Y, {.metric = metric, .device = Device::gpu});
      BOOST_TEST((gpu - cpu).cwiseAbs().maxCoeff() <= 1e-13 * std::max(1.0, cpu.cwiseAbs().maxCoeff()));
      const Matrix self = pairwise_distances(X, {.metric = metric, .device = Device::gpu});
      BOOST_TEST(self.diagonal().isZero(0.0));
    }
  }
  BOOST_CHECK_THROW((void)pairwise_distances(X, Y, {.metric = "chebyshev", .device = Device::gpu}), ValueError);
  BOOST_CHECK_THROW((void)pairwise_distances(X, Y, {.n_jobs = 0, .device = Device::gpu}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
