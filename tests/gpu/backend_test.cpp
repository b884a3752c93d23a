#include <boost/test/unit_test.hpp>
#include <scilearn/gpu/backend.hpp>
#include <string>

BOOST_AUTO_TEST_SUITE(backend)

using namespace scilearn;

BOOST_AUTO_TEST_CASE(the_built_device_system_is_the_configured_one) {
  BOOST_TEST(std::string(gpu::backend_name(gpu::backend())) == SCILEARN_EXPECTED_GPU_BACKEND);
}

BOOST_AUTO_TEST_CASE(backend_names_are_the_cmake_spellings) {
  BOOST_TEST(std::string(gpu::backend_name(gpu::Backend::cuda)) == "CUDA");
  BOOST_TEST(std::string(gpu::backend_name(gpu::Backend::omp)) == "OMP");
  BOOST_TEST(std::string(gpu::backend_name(gpu::Backend::cpp)) == "CPP");
}

BOOST_AUTO_TEST_SUITE_END()
