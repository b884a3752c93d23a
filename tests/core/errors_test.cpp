#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>

BOOST_AUTO_TEST_SUITE(errors)

using namespace scilearn;

BOOST_AUTO_TEST_CASE(value_error_is_caught_as_error_and_invalid_argument) {
  BOOST_CHECK_THROW(throw ValueError("bad"), Error);
  BOOST_CHECK_THROW(throw ValueError("bad"), std::invalid_argument);
  BOOST_CHECK_THROW(throw NotFittedError("not fitted"), std::invalid_argument);
  BOOST_CHECK_THROW(throw NotFittedError("not fitted"), Error);
}

BOOST_AUTO_TEST_CASE(runtime_errors_are_caught_as_error_and_runtime_error) {
  BOOST_CHECK_THROW(throw LinAlgError("singular"), std::runtime_error);
  BOOST_CHECK_THROW(throw LinAlgError("singular"), Error);
  BOOST_CHECK_THROW(throw FormatError("bad file"), std::runtime_error);
  BOOST_CHECK_THROW(throw BackendError("LAPACK dgetrf", -4, "bad"), Error);
}

BOOST_AUTO_TEST_CASE(std_exception_catch_is_not_ambiguous) {
  try {
    throw LinAlgError("Matrix is singular.");
  } catch (const std::exception& e) {
    BOOST_TEST(std::string(e.what()) == "Matrix is singular.");
  }
}

BOOST_AUTO_TEST_CASE(error_what_matches_standard_what) {
  try {
    throw ValueError("x has 3 features");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) == "x has 3 features");
  }
}

BOOST_AUTO_TEST_CASE(backend_error_keeps_backend_and_code) {
  const BackendError e("LAPACK dgesv", -3, "illegal argument");
  BOOST_TEST(e.backend() == "LAPACK dgesv");
  BOOST_TEST(e.code() == -3);
}

BOOST_AUTO_TEST_SUITE_END()
