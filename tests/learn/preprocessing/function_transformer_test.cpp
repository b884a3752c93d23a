// FunctionTransformer: closed forms (the transform is the user's function) and
// scikit-learn's check_inverse rule (np.allclose on every 100th row).
#include <boost/test/unit_test.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(function_transformer)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix data() {
  Matrix X(250, 2);
  for (Index i = 0; i < X.rows(); ++i) {
    X(i, 0) = 0.01 * static_cast<double>(i);
    X(i, 1) = 3.0 - 0.02 * static_cast<double>(i);
  }
  return X;
}

}  // namespace

BOOST_AUTO_TEST_CASE(applies_the_functions) {
  const Matrix X = data();
  FunctionTransformer log1p({.func = [](const MatrixView& A) { return Matrix(A.array().abs().log1p()); },
                             .inverse_func = [](const MatrixView& A) { return Matrix(A.array().exp() - 1); }});
  const Matrix Z = log1p.fit_transform(X);
  BOOST_TEST((Z == Matrix(X.array().abs().log1p())));
  BOOST_TEST((log1p.inverse_transform(Z) == Matrix(Z.array().exp() - 1)));
  FunctionTransformer identity;
  BOOST_TEST((identity.fit_transform(X) == X));
  BOOST_TEST((identity.inverse_transform(X) == X));
}

BOOST_AUTO_TEST_CASE(check_inverse_warns_only_for_functions_that_are_not_inverse) {
  const Matrix X = data();
  int warnings = 0;
  const ScopedWarningHandler count([&](const Warning& w) {
    ++warnings;
    BOOST_TEST(w.message.find("not strictly inverse") != std::string::npos);
  });
  const MatrixFunction twice = [](const MatrixView& A) { return Matrix(2 * A); };
  const MatrixFunction half = [](const MatrixView& A) { return Matrix(A / 2); };
  FunctionTransformer({.func = twice, .inverse_func = half}).fit(X);
  BOOST_TEST(warnings == 0);
  FunctionTransformer({.func = twice, .inverse_func = twice}).fit(X);
  BOOST_TEST(warnings == 1);
  FunctionTransformer({.func = twice, .inverse_func = twice, .check_inverse = false}).fit(X);
  FunctionTransformer({.func = twice}).fit(X);  // no inverse: nothing to check
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(validate_feature_count_and_names) {
  Matrix X = data();
  X(3, 1) = std::nan("");
  BOOST_CHECK_NO_THROW(FunctionTransformer().fit(X));
  BOOST_CHECK_THROW((void)FunctionTransformer({.validate = true}).fit(X), ValueError);
  FunctionTransformer f;
  f.fit(data());
  BOOST_CHECK_THROW((void)f.transform(Matrix::Ones(2, 3)), ValueError);
  BOOST_CHECK_THROW((void)f.get_feature_names_out(), ValueError);
  FunctionTransformer named({.one_to_one_feature_names = true});
  named.fit(data());
  BOOST_TEST((named.get_feature_names_out() == std::vector<std::string>{"x0", "x1"}));
  FunctionTransformer custom({.feature_names_out = [](const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const auto& s : in) out.push_back("log_" + s);
    return out;
  }});
  custom.fit(data());
  BOOST_TEST((custom.get_feature_names_out({"a", "b"}) == std::vector<std::string>{"log_a", "log_b"}));
}

BOOST_AUTO_TEST_SUITE_END()
