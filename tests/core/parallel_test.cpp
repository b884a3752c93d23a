#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/parallel.hpp>

BOOST_AUTO_TEST_SUITE(parallel)

using namespace scilearn;

BOOST_AUTO_TEST_CASE(effective_n_jobs_follows_scikit_learn) {
  const int cpus = cpu_count();
  BOOST_TEST(cpus >= 1);
  BOOST_TEST(effective_n_jobs(3) == 3);
  BOOST_TEST(effective_n_jobs(-1) == cpus);
  BOOST_TEST(effective_n_jobs(-2) == std::max(1, cpus - 1));
  BOOST_TEST(effective_n_jobs(-1000) == 1);
  BOOST_CHECK_THROW((void)effective_n_jobs(0), ValueError);
}

BOOST_AUTO_TEST_CASE(blas_thread_limit_lowers_and_restores) {
  set_blas_num_threads(2);
  const int before = blas_num_threads();
  {
    BlasThreadLimit limit(1);
    BOOST_TEST(blas_num_threads() == 1);
  }
  BOOST_TEST(blas_num_threads() == before);
}

BOOST_AUTO_TEST_CASE(bad_thread_counts_are_value_errors) {
  BOOST_CHECK_THROW(set_blas_num_threads(0), ValueError);
  BOOST_CHECK_THROW(BlasThreadLimit(-1), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
