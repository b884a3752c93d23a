#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iostream>
#include <limits>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/optimize/stochastic.hpp>
#include <sstream>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(stochastic)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

constexpr Index kD = 4, kK = 3;  // W is 4 x 3, b has 3 entries (tests/reference/optimize_stochastic.py)

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("optimize/stochastic/" + name + ".npy"));
}

// The configurations of tests/reference/optimize_stochastic.py, as our Params.
template <typename Scalar>
std::unique_ptr<StochasticOptimizer<Scalar>> make(const std::string& c) {
  if (c == "sgd") return std::make_unique<SGD<Scalar>>(typename SGD<Scalar>::Params{.lr = 0.5});
  if (c == "sgd_momentum") {
    return std::make_unique<SGD<Scalar>>(
        typename SGD<Scalar>::Params{.lr = 0.1, .momentum = 0.9, .dampening = 0.1, .weight_decay = 1e-3});
  }
  if (c == "sgd_nesterov") {
    return std::make_unique<SGD<Scalar>>(
        typename SGD<Scalar>::Params{.lr = 0.1, .momentum = 0.9, .weight_decay = 1e-2, .nesterov = true});
  }
  if (c == "sgd_schedule") return std::make_unique<SGD<Scalar>>(typename SGD<Scalar>::Params{.lr = 0.2, .momentum = 0.5});
  using AP = typename Adam<Scalar>::Params;
  if (c == "adam") return std::make_unique<Adam<Scalar>>(AP{.lr = 1e-2});
  if (c == "adam_amsgrad_l2") {
    return std::make_unique<Adam<Scalar>>(
        AP{.lr = 2e-2, .beta1 = 0.8, .beta2 = 0.99, .weight_decay = 1e-2, .amsgrad = true});
  }
  if (c == "adam_beta1_small") return std::make_unique<Adam<Scalar>>(AP{.lr = 1e-2, .beta1 = 0.3, .eps = 1e-6});
  if (c == "adam_maximize") return std::make_unique<Adam<Scalar>>(AP{.lr = 1e-2, .maximize = true});
  if (c == "adam_schedule") return std::make_unique<Adam<Scalar>>(AP{.lr = 3e-2});
  if (c == "adam_eps_before") {
    return std::make_unique<Adam<Scalar>>(
        AP{.lr = 1e-2, .eps = 1e-3, .epsilon_placement = AdamEpsilon::before_bias_correction});
  }
  if (c == "adamw") return std::make_unique<AdamW<Scalar>>(typename AdamW<Scalar>::Params{.lr = 1e-2});
  if (c == "adamw_amsgrad") {
    return std::make_unique<AdamW<Scalar>>(typename AdamW<Scalar>::Params{.lr = 1e-2, .weight_decay = 0.1, .amsgrad = true});
  }
  using RP = typename RMSprop<Scalar>::Params;
  if (c == "rmsprop") return std::make_unique<RMSprop<Scalar>>(RP{.lr = 1e-2});
  if (c == "rmsprop_centered_momentum") {
    return std::make_unique<RMSprop<Scalar>>(
        RP{.lr = 1e-3, .alpha = 0.9, .weight_decay = 1e-3, .momentum = 0.9, .centered = true});
  }
  if (c == "rmsprop_alpha_small") return std::make_unique<RMSprop<Scalar>>(RP{.lr = 1e-2, .alpha = 0.3, .centered = true});
  using GP = typename Adagrad<Scalar>::Params;
  if (c == "adagrad") return std::make_unique<Adagrad<Scalar>>(GP{.lr = 0.1});
  if (c == "adagrad_decay") {
    return std::make_unique<Adagrad<Scalar>>(
        GP{.lr = 0.2, .lr_decay = 1e-2, .weight_decay = 1e-3, .initial_accumulator_value = 0.1, .eps = 1e-8});
  }
  throw std::runtime_error("unknown configuration " + c);
}

// The learning-rate schedule of a configuration: the new rate before step t.
double scheduled_lr(const std::string& c, int t) {
  if (c == "sgd_schedule") return t == 101 ? 0.1 : t == 201 ? 0.05 : -1;
  if (c == "adam_schedule") return t == 101 ? 1e-2 : t == 201 ? 3e-3 : -1;
  return -1;
}

std::vector<int> parse_ints(const std::string& cell) {
  std::istringstream in(cell);
  std::vector<int> v;
  for (int i; in >> i;) v.push_back(i);
  return v;
}

// Replays a configuration's gradients on W (a matrix) and b (a vector) and
// returns the largest relative difference from the reference parameters at
// the checkpoints (relative to max(|p|, 1e-3): entries cross zero).
template <typename Scalar>
double replay(const std::string& c, const std::vector<int>& checkpoints, const Matrix& reference) {
  using M = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  using V = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  const Matrix grads = load(c + "_grads");
  const Vector start = load("start").reshaped();
  M W = start.head(kD * kK).reshaped(kD, kK).cast<Scalar>();
  V b = start.tail(kK).cast<Scalar>();
  auto opt = make<Scalar>(c);
  double worst = 0;
  std::size_t next = 0;
  for (int t = 1; t <= static_cast<int>(grads.rows()); ++t) {
    if (const double lr = scheduled_lr(c, t); lr >= 0) opt->set_lr(lr);
    const Vector g = grads.row(t - 1).transpose();
    const M gW = g.head(kD * kK).reshaped(kD, kK).cast<Scalar>();
    const V gb = g.tail(kK).cast<Scalar>();
    opt->step({W, b}, {gW, gb});
    if (next < checkpoints.size() && checkpoints[next] == t) {
      Vector ours(kD * kK + kK);
      ours << W.reshaped().template cast<double>(), b.template cast<double>();
      const Vector ref = reference.row(static_cast<Index>(next)).transpose();
      const Vector rel = (ours - ref).cwiseAbs().cwiseQuotient(ref.cwiseAbs().cwiseMax(1e-3));
      worst = std::max(worst, rel.maxCoeff());
      ++next;
    }
  }
  BOOST_TEST(next == checkpoints.size());
  return worst;
}

}  // namespace

// Every configuration's parameters after 1, 2, 3, 10, ..., 300 steps agree
// with the reference (torch.optim's rules in NumPy, float64) to 1e-12
// relative in double: the same formulas, only rounding differs.
BOOST_AUTO_TEST_CASE(stochastic_optimizers_match_torch_rules_in_double) {
  int configs = 0;
  for (const auto& row : testing::read_manifest("optimize/stochastic/manifest.csv")) {
    BOOST_TEST_CONTEXT(row[0]) {
      const double worst = replay<double>(row[0], parse_ints(row[1]), load(row[0] + "_params"));
      std::cout << row[0] << ": max relative difference " << worst << "\n";
      BOOST_TEST(worst <= 1e-12);
      ++configs;
    }
  }
  BOOST_TEST(configs == 17);
}

// float follows the same trajectory to float's rounding (300 steps).
BOOST_AUTO_TEST_CASE(stochastic_optimizers_in_float_follow_the_double_trajectory) {
  for (const auto& row : testing::read_manifest("optimize/stochastic/manifest.csv")) {
    BOOST_TEST_CONTEXT(row[0]) {
      const double worst = replay<float>(row[0], parse_ints(row[1]), load(row[0] + "_params"));
      BOOST_TEST(worst <= 1e-3);
    }
  }
}

// scikit-learn's AdamOptimizer (MLPClassifier's solver) on the same
// gradients: AdamEpsilon::before_bias_correction reproduces it.
BOOST_AUTO_TEST_CASE(adam_with_eps_before_bias_correction_matches_sklearn) {
  const auto checkpoints = parse_ints(testing::read_manifest("optimize/stochastic/manifest.csv").at(0).at(1));
  BOOST_TEST(replay<double>("adam_eps_before", checkpoints, load("adam_sklearn_params")) <= 1e-12);
}

BOOST_AUTO_TEST_CASE(step_on_a_single_vector_equals_the_first_entry_of_a_list) {
  Vector p1{{1.0, -2.0, 3.0}}, p2 = p1;
  Vector q{{0.5, 0.5}};
  const Vector g{{0.1, -0.2, 0.3}};
  Adam<> a({.lr = 0.1}), b({.lr = 0.1});
  for (int i = 0; i < 5; ++i) {
    a.step(p1, g);
    b.step({p2, q}, {g, Vector{{1.0, 1.0}}});
  }
  BOOST_TEST((p1 - p2).norm() == 0.0);
  BOOST_TEST(a.state().size() == 1u);
  BOOST_TEST(b.state().size() == 2u);
  BOOST_TEST(a.state()[0].step == 5);
}

BOOST_AUTO_TEST_CASE(saved_state_restores_the_trajectory) {
  const Vector g1{{0.3, -0.1}}, g2{{-0.2, 0.4}};
  RMSprop<> full({.lr = 0.01, .momentum = 0.9, .centered = true});
  Vector p{{1.0, 2.0}};
  full.step(p, g1);
  const auto saved = full.state();
  const Vector p_saved = p;
  full.step(p, g2);

  RMSprop<> restored(full.params());
  restored.set_state(saved);
  Vector q = p_saved;
  restored.step(q, g2);
  BOOST_TEST((p - q).norm() == 0.0);

  restored.reset();
  BOOST_TEST(restored.state().empty());
}

BOOST_AUTO_TEST_CASE(set_lr_changes_the_next_step) {
  SGD<> sgd({.lr = 0.1});
  Vector p{{1.0}};
  sgd.step(p, Vector{{1.0}});
  BOOST_TEST(p(0) == 0.9);
  sgd.set_lr(0.5);
  BOOST_TEST(sgd.lr() == 0.5);
  sgd.step(p, Vector{{1.0}});
  BOOST_TEST(p(0) == 0.4);
  BOOST_CHECK_THROW(sgd.set_lr(-1), ValueError);
}

BOOST_AUTO_TEST_CASE(shape_mismatch_is_a_value_error_and_changes_nothing) {
  Adam<> adam;
  Matrix W = Matrix::Ones(2, 3);
  Vector b = Vector::Ones(3);
  const Matrix W0 = W;
  BOOST_CHECK_THROW(adam.step({W, b}, {Matrix::Ones(2, 3), Vector::Ones(2)}), ValueError);  // b's gradient
  BOOST_CHECK_THROW(adam.step({W, b}, {Matrix::Ones(2, 3)}), ValueError);                   // list lengths
  BOOST_CHECK_THROW(adam.step(W, Matrix::Ones(3, 2)), ValueError);
  BOOST_TEST((W - W0).norm() == 0.0);  // nothing was updated
  adam.step(W, Matrix::Ones(2, 3));
  // A restored state of another shape is refused at the next step.
  auto state = adam.state();
  state[0].exp_avg = Matrix::Zero(3, 3);
  adam.set_state(state);
  BOOST_CHECK_THROW(adam.step(W, Matrix::Ones(2, 3)), ValueError);
}

BOOST_AUTO_TEST_CASE(nan_gradients_propagate_as_in_pytorch) {
  Adam<> adam;
  Vector p{{1.0, 1.0}};
  adam.step(p, Vector{{std::nan(""), 1.0}});
  BOOST_TEST(std::isnan(p(0)));
  BOOST_TEST(std::isfinite(p(1)));
}

BOOST_AUTO_TEST_CASE(invalid_hyper_parameters_are_value_errors) {
  const double nan = std::nan("");
  BOOST_CHECK_THROW(SGD<>({.lr = -1}), ValueError);
  BOOST_CHECK_THROW(SGD<>({.momentum = -0.1}), ValueError);
  BOOST_CHECK_THROW(SGD<>({.nesterov = true}), ValueError);  // Nesterov without momentum
  BOOST_CHECK_THROW(SGD<>({.momentum = 0.9, .dampening = 0.1, .nesterov = true}), ValueError);
  BOOST_CHECK_THROW(Adam<>({.lr = nan}), ValueError);
  BOOST_CHECK_THROW(Adam<>({.beta1 = 1.0}), ValueError);
  BOOST_CHECK_THROW(Adam<>({.beta2 = -0.1}), ValueError);
  BOOST_CHECK_THROW(Adam<>({.eps = 0.0}), ValueError);
  BOOST_CHECK_THROW(AdamW<>({.weight_decay = -1e-2}), ValueError);
  BOOST_CHECK_THROW(RMSprop<>({.alpha = -0.5}), ValueError);
  BOOST_CHECK_THROW(RMSprop<>({.eps = -1e-8}), ValueError);
  BOOST_CHECK_THROW(Adagrad<>({.lr_decay = -1}), ValueError);
  BOOST_CHECK_THROW(Adagrad<>({.initial_accumulator_value = -1}), ValueError);
  BOOST_CHECK_NO_THROW(SGD<>({.lr = 0.0}));
  BOOST_TEST(AdamW<>().name() == "AdamW");
  BOOST_TEST(AdamW<>().params().weight_decay == 1e-2);
  BOOST_TEST(Adam<float>().name() == "Adam");
}

BOOST_AUTO_TEST_SUITE_END()
