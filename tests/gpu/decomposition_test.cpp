#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/gpu/decomposition.hpp>
#include <string>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(decomposition)

using namespace scilearn;
using gpu_testing::relative_error;
using scilearn::testing::message_of;
using gpu_testing::Reals;
using gpu_testing::fixture_vector;
using gpu_testing::fixture;


// scikit-learn forms X^T X - n mean mean^T, we center first: the covariance
// agrees to a few eps times |X|^2, and the eigenvectors to that over the gap
// between eigenvalues (well separated here: the ratio of neighbouring
// variances is at least 1.3). 1e3 eps leaves room for both and for float's
// SYRK of 300 terms.
template <class T>
double tolerance() {
  return 1e3 * std::numeric_limits<T>::epsilon();
}

BOOST_AUTO_TEST_CASE_TEMPLATE(pca_equals_scikit_learn_covariance_eigh, T, Reals) {
  const auto X = gpu::DeviceMatrix<T>::from_host(fixture("pca_X").cast<T>());
  const auto fit = gpu::pca(X, 3);
  const double tol = tolerance<T>();
  BOOST_TEST(relative_error(fit.components.to_host().template cast<double>().eval(), fixture("pca_components")) <=
             tol);
  BOOST_TEST(relative_error(fit.explained_variance.to_host().template cast<double>().eval(),
                            fixture_vector("pca_explained_variance")) <= tol);
  BOOST_TEST(relative_error(fit.explained_variance_ratio.to_host().template cast<double>().eval(),
                            fixture_vector("pca_explained_variance_ratio")) <= tol);
  BOOST_TEST(relative_error(fit.singular_values.to_host().template cast<double>().eval(),
                            fixture_vector("pca_singular_values")) <= tol);
  BOOST_TEST(relative_error(fit.mean.to_host().template cast<double>().eval(), fixture_vector("pca_mean")) <= tol);
  const double noise = fixture_vector("pca_noise_variance")[0];
  BOOST_TEST(std::abs(static_cast<double>(fit.noise_variance) - noise) <= tol * noise);
  BOOST_TEST(relative_error(gpu::pca_transform(fit, X).to_host().template cast<double>().eval(),
                            fixture("pca_transformed")) <= tol);
}

BOOST_AUTO_TEST_CASE(all_components_leave_no_noise_and_explain_everything) {
  const auto X = gpu::DeviceMatrix<double>::from_host(fixture("pca_X"));
  const auto fit = gpu::pca(X);
  BOOST_TEST(fit.components.rows() == 7);
  BOOST_TEST(fit.noise_variance == 0.0);
  BOOST_TEST(std::abs(fit.explained_variance_ratio.to_host().sum() - 1.0) <= 1e-14);
  const Matrix V = fit.components.to_host();
  BOOST_TEST((V * V.transpose() - Matrix::Identity(7, 7)).cwiseAbs().maxCoeff() <= 1e-13);
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_value_errors) {
  BOOST_CHECK_THROW((void)gpu::pca(gpu::DeviceMatrix<double>(1, 3)), ValueError);
  const auto X = gpu::DeviceMatrix<double>::from_host(Matrix::Random(5, 3));
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::pca(X, 4); }).find("n_components must lie in [0, 3]") !=
             std::string::npos);
  Matrix bad = Matrix::Random(5, 3);
  bad(2, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)gpu::pca(gpu::DeviceMatrix<double>::from_host(bad)), ValueError);
  const auto fit = gpu::pca(X, 2);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::pca_transform(fit, gpu::DeviceMatrix<double>(2, 4)); })
                 .find("X has 4 features, but the PCA was fitted with 3") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
