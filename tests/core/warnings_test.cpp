#include <atomic>
#include <boost/test/unit_test.hpp>
#include <iostream>
#include <scilearn/core/warnings.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

BOOST_AUTO_TEST_SUITE(warnings)

using namespace scilearn;

BOOST_AUTO_TEST_CASE(scoped_handler_receives_category_message_and_site) {
  std::vector<Warning> seen;
  {
    ScopedWarningHandler capture([&](const Warning& w) { seen.push_back(w); });
    warn(WarningCategory::linalg, "Ill-conditioned matrix");
  }
  BOOST_TEST_REQUIRE(seen.size() == 1u);
  BOOST_TEST(seen[0].message == "Ill-conditioned matrix");
  BOOST_TEST((seen[0].category == WarningCategory::linalg));
  BOOST_TEST(std::string(seen[0].location.file_name()).find("warnings_test.cpp") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(scoped_handler_restores_previous_handler) {
  int outer = 0;
  int inner = 0;
  ScopedWarningHandler a([&](const Warning&) { ++outer; });
  {
    ScopedWarningHandler b([&](const Warning&) { ++inner; });
    warn(WarningCategory::user, "inner");
  }
  warn(WarningCategory::user, "outer");
  BOOST_TEST(inner == 1);
  BOOST_TEST(outer == 1);
}

BOOST_AUTO_TEST_CASE(handler_may_turn_warnings_into_exceptions) {
  ScopedWarningHandler strict([](const Warning& w) { throw std::runtime_error(w.message); });
  BOOST_CHECK_THROW(warn(WarningCategory::convergence, "did not converge"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(handler_that_warns_does_not_deadlock) {
  int depth = 0;
  ScopedWarningHandler nested([&](const Warning&) {
    if (depth++ == 0) warn(WarningCategory::user, "from the handler");
  });
  warn(WarningCategory::user, "first");
  BOOST_TEST(depth == 2);
}

BOOST_AUTO_TEST_CASE(handler_may_replace_itself_while_running) {
  int calls = 0;
  ScopedWarningHandler restore([&](const Warning&) { calls += 100; });
  ScopedWarningHandler self_replacing([&](const Warning&) {
    // Destroys the installed std::function while it runs: it must stay alive.
    (void)set_warning_handler([&](const Warning&) { calls += 10; });
    ++calls;
  });
  warn(WarningCategory::user, "first");   // the self-replacing handler
  warn(WarningCategory::user, "second");  // the one it installed
  BOOST_TEST(calls == 11);
}

BOOST_AUTO_TEST_CASE(warnings_from_many_threads_all_reach_the_handler) {
  std::atomic<int> calls{0};
  ScopedWarningHandler count([&](const Warning&) { ++calls; });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([] {
      for (int i = 0; i < 250; ++i) warn(WarningCategory::runtime, "from a thread");
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(calls.load() == 1000);
}

BOOST_AUTO_TEST_CASE(default_handler_prints_once_per_site) {
  // Restore the default handler and capture stderr.
  ScopedWarningHandler restore_default{WarningHandler{}};
  std::stringstream captured;
  auto* old = std::cerr.rdbuf(captured.rdbuf());
  for (int i = 0; i < 3; ++i) warn(WarningCategory::runtime, "same site");  // one site, three calls
  warn(WarningCategory::runtime, "other site");
  std::cerr.rdbuf(old);
  BOOST_TEST(captured.str() == "scilearn RuntimeWarning: same site\nscilearn RuntimeWarning: other site\n");
}

BOOST_AUTO_TEST_CASE(categories_have_python_names) {
  BOOST_TEST(to_string(WarningCategory::linalg) == "LinAlgWarning");
  BOOST_TEST(to_string(WarningCategory::convergence) == "ConvergenceWarning");
}

BOOST_AUTO_TEST_SUITE_END()
