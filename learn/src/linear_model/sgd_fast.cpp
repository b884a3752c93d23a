#include "linear_model/sgd_fast.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/validation.hpp>
#include <vector>

#include "base/memory.hpp"

namespace scilearn::learn::detail {

namespace {

using ConstRow = Eigen::Map<const Vector>;

// One sample: p dense values (ind null) or nnz stored entries at ind.
struct Row {
  const double* x;
  const int* ind;
  Index nnz;
};

// sum of x_j^2 over the row.
double squared_norm(const Row& r) {
  if (!r.ind) return ConstRow(r.x, r.nnz).squaredNorm();
  double s = 0;
  for (Index j = 0; j < r.nnz; ++j) s += r.x[j] * r.x[j];
  return s;
}

// log(1 + exp(x)), with scikit-learn's branches (its log1pexp), so that the
// loss values that decide when to stop agree to the last bit.
inline double log1pexp(double x) {
  if (x <= -37) return std::exp(x);
  if (x <= -2) return std::log1p(std::exp(x));
  if (x <= 18) return std::log(1. + std::exp(x));
  if (x <= 33.3) return x + std::exp(-x);
  return x;
}

// w = scale * v, with the squared norm and the L1 norm of w as scikit-learn's
// WeightVector keeps them (updated by add over the whole row and by scale;
// they enter only the objective of the stopping test, so they are tracked
// only when that test runs), and the averaged weights (a_w + a v) / b.
class WeightVector {
 public:
  WeightVector(double* v, double* aw, Index p, bool track) : v_(v), aw_(aw), p_(p), track_(track) {
    if (track_) {
      const ConstRow w(v_, p_);
      sq_norm_ = w.squaredNorm();
      l1_norm_ = w.lpNorm<1>();
    }
  }

  [[nodiscard]] double dot(const Row& r) const {
    if (!r.ind) return ConstRow(v_, p_).dot(ConstRow(r.x, p_)) * scale_;
    double s = 0;
    for (Index j = 0; j < r.nnz; ++j) s += v_[r.ind[j]] * r.x[j];
    return s * scale_;
  }

  // w += c x.
  void add(const Row& r, double c) {
    const double f = c / scale_;
    double* __restrict v = v_;
    const double* x = r.x;
    if (r.ind) {
      double l2 = 0, l1 = 0;
      for (Index j = 0; j < r.nnz; ++j) {
        const int k = r.ind[j];
        v[k] += x[j] * f;
        l2 += v[k] * v[k];
        l1 += std::abs(v[k]);
      }
      sq_norm_ = l2 * (scale_ * scale_);
      l1_norm_ = l1 * scale_;
      return;
    }
    if (!track_) {
      for (Index j = 0; j < p_; ++j) v[j] += x[j] * f;
      return;
    }
    double l2 = 0, l1 = 0;
    for (Index j = 0; j < p_; ++j) {
      v[j] += x[j] * f;
      l2 += v[j] * v[j];
      l1 += std::abs(v[j]);
    }
    sq_norm_ = l2 * (scale_ * scale_);
    l1_norm_ = l1 * scale_;
  }

  // The averaged weights after a step of c x, the num_iter-th averaged step.
  void add_average(const Row& r, double c, double num_iter) {
    const double mu = 1.0 / num_iter;
    const double g = -c / scale_;
    const double a = average_a_;
    double* __restrict aw = aw_;
    const double* x = r.x;
    if (r.ind) {
      for (Index j = 0; j < r.nnz; ++j) aw[r.ind[j]] += a * x[j] * g;
    } else {
      for (Index j = 0; j < p_; ++j) aw[j] += a * x[j] * g;
    }
    if (num_iter > 1) average_b_ /= (1.0 - mu);
    average_a_ += mu * average_b_ * scale_;
  }

  // w *= c.
  void scale(double c) {
    scale_ *= c;
    if (track_) {
      sq_norm_ *= c * c;
      l1_norm_ *= std::abs(c);
    }
    if (scale_ < 1e-9) reset_scale();
  }

  // Folds the scale into v (and the average into a_w).
  void reset_scale() {
    if (aw_) {
      double* __restrict aw = aw_;
      const double a = average_a_;
      for (Index j = 0; j < p_; ++j) aw[j] += a * v_[j];
      const double inv_b = 1.0 / average_b_;
      for (Index j = 0; j < p_; ++j) aw[j] *= inv_b;
      average_a_ = 0;
      average_b_ = 1;
    }
    const double s = scale_;
    for (Index j = 0; j < p_; ++j) v_[j] *= s;
    scale_ = 1;
  }

  // The cumulative L1 penalty u (truncated gradient): every coefficient moves
  // toward 0 by what it has not yet received of u, without crossing 0.
  void l1_penalty(double* q, double u, const Row& r) {
    const double s = scale_;
    const Index count = r.ind ? r.nnz : p_;
    for (Index jj = 0; jj < count; ++jj) {
      const Index j = r.ind ? r.ind[jj] : jj;
      const double z = v_[j];
      if (s * z > 0.0)
        v_[j] = std::max(0.0, v_[j] - ((u + q[j]) / s));
      else if (s * z < 0.0)
        v_[j] = std::min(0.0, v_[j] + ((u - q[j]) / s));
      q[j] += s * (v_[j] - z);
    }
  }

  [[nodiscard]] double norm() const { return std::sqrt(sq_norm_); }
  [[nodiscard]] double l1_norm() const { return l1_norm_; }
  [[nodiscard]] double scale_factor() const { return scale_; }

 private:
  double* v_;
  double* aw_;
  Index p_;
  bool track_;
  double scale_ = 1.0;
  double sq_norm_ = 0, l1_norm_ = 0;
  double average_a_ = 0, average_b_ = 1;
};

bool any_nonfinite(const double* v, Index p) {
  for (Index j = 0; j < p; ++j)
    if (!std::isfinite(v[j])) return true;
  return false;
}

// Prefetches the cache lines of one row.
inline void prefetch_row(const double* row, Index p) {
#if defined(__GNUC__)
  const char* begin = reinterpret_cast<const char*>(row);
  const char* end = reinterpret_cast<const char*>(row + p);
  for (const char* c = begin; c < end; c += 64) __builtin_prefetch(c, 0, 1);
#else
  (void)row;
  (void)p;
#endif
}

}  // namespace

double SgdLoss::loss(double y, double p) const noexcept {
  switch (kind) {
    case SgdLossKind::hinge: {
      const double z = p * y;
      return z <= param ? param - z : 0.0;
    }
    case SgdLossKind::squared_hinge: {
      const double z = param - p * y;
      return z > 0 ? z * z : 0.0;
    }
    case SgdLossKind::log_loss: return log1pexp(p) - y * p;
    case SgdLossKind::modified_huber: {
      const double z = p * y;
      if (z >= 1.0) return 0.0;
      if (z >= -1.0) return (1.0 - z) * (1.0 - z);
      return -4.0 * z;
    }
    case SgdLossKind::squared_error: return 0.5 * (p - y) * (p - y);
    case SgdLossKind::huber: {
      const double abserr = std::abs(y - p);
      return abserr <= param ? 0.5 * abserr * abserr : param * (abserr - 0.5 * param);
    }
    case SgdLossKind::epsilon_insensitive: {
      const double r = std::abs(y - p) - param;
      return r > 0 ? r : 0;
    }
    case SgdLossKind::squared_epsilon_insensitive: {
      const double r = std::abs(y - p) - param;
      return r > 0 ? r * r : 0;
    }
  }
  return 0;
}

double SgdLoss::dloss(double y, double p) const noexcept {
  switch (kind) {
    case SgdLossKind::hinge: return p * y <= param ? -y : 0.0;
    case SgdLossKind::squared_hinge: {
      const double z = param - p * y;
      return z > 0 ? -2 * y * z : 0.0;
    }
    case SgdLossKind::log_loss:
      // expit(p) - y, as scikit-learn's half binomial gradient evaluates it.
      if (p > -37) {
        const double e = std::exp(-p);
        return ((1 - y) - y * e) / (1 + e);
      }
      return std::exp(p) - y;
    case SgdLossKind::modified_huber: {
      const double z = p * y;
      if (z >= 1.0) return 0.0;
      if (z >= -1.0) return 2.0 * (1.0 - z) * -y;
      return -4.0 * y;
    }
    case SgdLossKind::squared_error: return p - y;
    case SgdLossKind::huber: {
      const double r = p - y;
      if (std::abs(r) <= param) return r;
      return r >= 0 ? param : -param;
    }
    case SgdLossKind::epsilon_insensitive:
      if (y - p > param) return -1;
      if (p - y > param) return 1;
      return 0;
    case SgdLossKind::squared_epsilon_insensitive: {
      const double z = y - p;
      if (z > param) return -2 * (z - param);
      if (z < -param) return 2 * (-z - param);
      return 0;
    }
  }
  return 0;
}

Index plain_sgd(const SgdData& data, const double* y, double weight_pos, double weight_neg, const SgdOptions& o,
                SgdModel& model, double t, std::uint64_t seed, const SgdValidationScore& validation_score) {
  const Index n = data.n, p = data.p;
  const bool sparse = data.indices != nullptr;
  const bool pa = o.schedule == SgdSchedule::pa1 || o.schedule == SgdSchedule::pa2;
  const bool stopping_test = o.tol > -std::numeric_limits<double>::infinity();
  // The training loss is summed only for the stopping test on it.
  const bool sum_loss = stopping_test && !o.early_stopping;
  WeightVector w(model.w, model.aw, p, sum_loss && o.penalty != kNoPenalty);

  std::vector<double> q;
  if (o.penalty == kL1 || o.penalty == kElasticNet) q.assign(static_cast<std::size_t>(p), 0.0);
  double u = 0;
  double l1_ratio = o.l1_ratio;
  if (o.penalty == kL2)
    l1_ratio = 0.0;
  else if (o.penalty == kL1)
    l1_ratio = 1.0;
  const bool l2_decay = o.penalty >= kL2;
  const bool l1_part = o.penalty == kL1 || o.penalty == kElasticNet;

  double eta = o.eta0;
  double optimal_init = 0;
  if (o.schedule == SgdSchedule::optimal) {
    // Bottou's heuristic: the step of the first sample is that of a typical
    // weight 1 / sqrt(alpha)'s square root, scaled down by the loss's slope.
    const double typw = std::sqrt(1.0 / std::sqrt(o.alpha));
    const double initial_eta0 = typw / std::max(1.0, o.loss.dloss(1.0, -typw));
    optimal_init = 1.0 / (initial_eta0 * o.alpha);
  }

  Index train_count = n;
  if (data.validation_mask)
    for (Index i = 0; i < n; ++i) train_count -= data.validation_mask[i] ? 1 : 0;

  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  Generator rng(seed);
  Vector scratch;  // the weights handed to validation_score
  constexpr double kMaxDloss = 1e12;
  constexpr Index kAhead = 8;  // rows prefetched ahead (into L2: hint 1)

  int no_improvement = 0;
  double best_objective = std::numeric_limits<double>::infinity();
  double best_score = -std::numeric_limits<double>::infinity();
  int epoch = 0;
  bool overflow = false;
  for (epoch = 0; epoch < o.max_iter; ++epoch) {
    double objective_sum = 0;
    if (o.shuffle) rng.shuffle(order.begin(), order.end());
    for (Index i = 0; i < n; ++i) {
      const Index idx = order[static_cast<std::size_t>(i)];
      if (!sparse && i + kAhead < n) prefetch_row(data.X + order[static_cast<std::size_t>(i + kAhead)] * p, p);
      if (data.validation_mask && data.validation_mask[idx]) continue;
      const Row x = sparse ? Row{data.values + data.indptr[idx], data.indices + data.indptr[idx],
                                 static_cast<Index>(data.indptr[idx + 1] - data.indptr[idx])}
                           : Row{data.X + idx * p, nullptr, p};
      const double yi = y[idx];
      const double pred = w.dot(x) + model.intercept;
      if (o.schedule == SgdSchedule::optimal)
        eta = 1.0 / (o.alpha * (optimal_init + t - 1));
      else if (o.schedule == SgdSchedule::invscaling)
        eta = o.eta0 / std::pow(t, o.power_t);

      if (sum_loss) {
        objective_sum += o.loss.loss(yi, pred);
        if (!pa && o.penalty > 0) {
          const double norm = w.norm();
          objective_sum += o.alpha * ((1 - l1_ratio) * 0.5 * (norm * norm) + l1_ratio * w.l1_norm());
        }
      }
      const double class_weight = yi > 0.0 ? weight_pos : weight_neg;

      double update = 0;
      if (o.schedule == SgdSchedule::pa1) {
        const double sq = squared_norm(x);
        if (sq == 0) continue;
        update = std::min(o.eta0, o.loss.loss(yi, pred) / sq);
      } else if (o.schedule == SgdSchedule::pa2) {
        const double sq = squared_norm(x);
        update = o.loss.loss(yi, pred) / (sq + 0.5 / o.eta0);
      } else {
        const double dloss = std::clamp(o.loss.dloss(yi, pred), -kMaxDloss, kMaxDloss);
        update = -eta * dloss;
      }
      if (pa) {
        if (o.loss.kind == SgdLossKind::hinge)
          update *= yi;
        else if (yi - pred < 0)
          update *= -1;
      }
      update *= class_weight * data.sample_weight[idx];

      if (l2_decay) w.scale(std::max(0.0, 1.0 - ((1.0 - l1_ratio) * eta * o.alpha)));
      if (update != 0.0) w.add(x, update);
      if (o.fit_intercept && update != 0) model.intercept += update * o.intercept_decay;
      if (0 < o.average && static_cast<double>(o.average) <= t) {
        const double num_iter = t - static_cast<double>(o.average) + 1;
        w.add_average(x, update, num_iter);
        model.average_intercept += (model.intercept - model.average_intercept) / num_iter;
      }
      if (l1_part) {
        u += l1_ratio * eta * o.alpha;
        w.l1_penalty(q.data(), u, x);
      }
      t += 1;
    }

    if (!std::isfinite(model.intercept) || any_nonfinite(model.w, p)) {
      overflow = true;
      break;
    }
    if (o.early_stopping) {
      scratch = ConstRow(model.w, p) * w.scale_factor();
      const double score = validation_score(scratch.data(), model.intercept);
      if (stopping_test && score < best_score + o.tol)
        ++no_improvement;
      else
        no_improvement = 0;
      if (score > best_score) best_score = score;
    } else {
      const double objective = objective_sum / static_cast<double>(train_count);
      if (stopping_test && objective > best_objective - o.tol)
        ++no_improvement;
      else
        no_improvement = 0;
      if (objective < best_objective) best_objective = objective;
    }
    if (no_improvement >= o.n_iter_no_change) {
      if (o.schedule == SgdSchedule::adaptive && eta > 1e-6) {
        eta = eta / 5;
        no_improvement = 0;
      } else {
        break;
      }
    }
  }
  if (overflow)
    throw ValueError(cat("Floating-point under-/overflow occurred at epoch #", epoch + 1,
                         ". Scaling input data with StandardScaler or MinMaxScaler might help."));
  w.reset_scale();
  return epoch == o.max_iter ? o.max_iter : epoch + 1;
}

RowMajorBuffer row_major_copy(std::string_view where, const Eigen::Ref<const Matrix>& X) {
  const Index n = X.rows(), p = X.cols();
  // Not value-initialized: every entry is written below, once.
  RowMajorBuffer out = std::make_unique_for_overwrite<double[]>(static_cast<std::size_t>(n * p));
  advise_huge_pages(out.get(), static_cast<std::size_t>(n * p) * sizeof(double));
  constexpr Index kBlock = 1024;  // 1024 rows of p doubles stay in L2 while written
  const Index blocks = (n + kBlock - 1) / kBlock;
  // x * 0 sums to 0 exactly when every x is finite; an exception cannot leave
  // the parallel loop, so each block records its own test.
  std::vector<char> finite(static_cast<std::size_t>(blocks));
#pragma omp parallel for schedule(static) if (n * p > (1 << 18))
  for (Index b = 0; b < blocks; ++b) {
    const Index begin = b * kBlock, end = std::min(n, begin + kBlock);
    double probe = 0;
    for (Index j = 0; j < p; ++j) {
      const double* col = X.col(j).data();
      for (Index i = begin; i < end; ++i) out[i * p + j] = col[i];
      probe += (X.col(j).segment(begin, end - begin).array() * 0.0).sum();
    }
    finite[static_cast<std::size_t>(b)] = probe == 0.0;
  }
  if (std::find(finite.begin(), finite.end(), char{0}) != finite.end()) check_X(where, X);
  return out;
}

}  // namespace scilearn::learn::detail
