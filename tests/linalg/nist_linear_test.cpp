#include <boost/test/unit_test.hpp>
BOOST_AUTO_TEST_SUITE(nist_linear)
BOOST_AUTO_TEST_SUITE_END()
