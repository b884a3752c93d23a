#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/ranking.hpp>

#include "metrics/label_utils.hpp"

namespace scilearn::learn {

namespace {

using detail::Labels;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void check_scores(std::string_view where, const VectorView& y_true, const MatrixView& y_score,
                  const VectorView& sample_weight) {
  detail::check_labels(where, "y_true", y_true);
  check_same_length(where, "y_true", y_true.size(), "y_score", y_score.rows());
  check_non_empty(where, "y_score", y_score);
  check_finite(where, "y_score", y_score);
  check_sample_weight(where, sample_weight, y_true.size());
}

// The threshold counts of a binary curve: y_true checked, the positive class
// chosen as scikit-learn's confusion_matrix_at_thresholds does.
detail::ThresholdCounts curve_counts(std::string_view where, const VectorView& y_true, const VectorView& y_score,
                                     const CurveOptions& options, const VectorView& sample_weight) {
  check_scores(where, y_true, y_score, sample_weight);
  const Labels classes = detail::unique_labels(y_true);
  if (classes.size() > 2 && !options.pos_label)
    throw ValueError(cat(where, ": multiclass format is not supported (y_true holds ", classes.size(),
                         " labels); pass pos_label to score one class against the others"));
  const double pos_label = detail::curve_pos_label(where, classes, options.pos_label ? &*options.pos_label : nullptr);
  std::vector<std::uint8_t> positive(static_cast<std::size_t>(y_true.size()));
  for (Index i = 0; i < y_true.size(); ++i) positive[static_cast<std::size_t>(i)] = y_true[i] == pos_label;
  return detail::threshold_counts(positive, y_score.data(), sample_weight);
}

// The indices scikit-learn keeps with drop_intermediate for roc_curve:
// the ends, and the points where the curve bends (second differences).
std::vector<std::size_t> roc_kept(const std::vector<double>& fps, const std::vector<double>& tps) {
  const std::size_t m = fps.size();
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < m; ++i) {
    bool keep = i == 0 || i + 1 == m;
    if (!keep) {
      const double d2f = (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]);
      const double d2t = (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]);
      keep = d2f != 0 || d2t != 0;
    }
    if (keep) kept.push_back(i);
  }
  return kept;
}

// The indices kept by precision_recall_curve / det_curve's drop_intermediate:
// the ends, and the points next to a change of tps.
std::vector<std::size_t> tps_kept(const std::vector<double>& tps) {
  const std::size_t m = tps.size();
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < m; ++i)
    if (i == 0 || i + 1 == m || tps[i] != tps[i - 1] || tps[i + 1] != tps[i]) kept.push_back(i);
  return kept;
}

template <class T>
std::vector<T> take(const std::vector<T>& v, const std::vector<std::size_t>& index) {
  std::vector<T> out(index.size());
  for (std::size_t i = 0; i < index.size(); ++i) out[i] = v[index[i]];
  return out;
}

// numpy.trapezoid(y, x).
double trapezoid(const std::vector<double>& x, const std::vector<double>& y) {
  double area = 0, c = 0;  // Neumaier-compensated, so long curves lose no digits
  for (std::size_t i = 1; i < x.size(); ++i) {
    const double term = (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    const double t = area + term;
    c += std::fabs(area) >= std::fabs(term) ? (area - t) + term : (term - t) + area;
    area = t;
  }
  return area + c;
}

// The ROC AUC of positives vs the rest (scikit-learn's _binary_roc_auc_score):
// NaN with a warning when y holds one class.
double binary_roc_auc(const std::vector<std::uint8_t>& positive, const double* score, const VectorView& sample_weight,
                      std::optional<double> max_fpr) {
  bool has_pos = false, has_neg = false;
  for (auto p : positive) (p ? has_pos : has_neg) = true;
  if (!(has_pos && has_neg)) {
    detail::undefined_metric_warning("Only one class is present in y_true. ROC AUC score is not defined in that case.");
    return kNaN;
  }
  const detail::SortedScores sorted = detail::sort_scores(positive, score, sample_weight);
  if ((!max_fpr || *max_fpr == 1) && sample_weight.size() == 0) {
    // Counts are integers: the trapezoid sum 2 * area * P * N is an exact
    // integer (below 2^63 for n < 3e9), so the AUC has a single rounding.
    // One sequential sweep over the sorted keys, no curve built.
    std::int64_t twice = 0, f0 = 0, t0 = 0, t = 0;
    const std::size_t n = sorted.keys.size();
    for (std::size_t r = 0; r < n; ++r) {
      t += sorted.positive[r];
      if (r + 1 == n || sorted.keys[r + 1] != sorted.keys[r]) {
        const auto f = static_cast<std::int64_t>(r + 1) - t;
        twice += (f - f0) * (t + t0);
        f0 = f;
        t0 = t;
      }
    }
    return static_cast<double>(twice) / (2 * static_cast<double>(t) * static_cast<double>(f0));
  }
  const detail::ThresholdCounts c = detail::threshold_counts(sorted);
  const std::size_t m = c.fps.size();
  const double P = c.tps.back(), N = c.fps.back();
  if (!max_fpr || *max_fpr == 1) {
    std::vector<double> fpr(m + 1), tpr(m + 1);
    fpr[0] = tpr[0] = 0;
    for (std::size_t i = 0; i < m; ++i) {
      fpr[i + 1] = c.fps[i] / N;
      tpr[i + 1] = c.tps[i] / P;
    }
    return trapezoid(fpr, tpr);
  }
  // McClish (1989) standardized partial AUC on the curve scikit-learn draws.
  const auto kept = roc_kept(c.fps, c.tps);
  std::vector<double> fpr{0.0}, tpr{0.0};
  for (std::size_t i : kept) {
    fpr.push_back(c.fps[i] / N);
    tpr.push_back(c.tps[i] / P);
  }
  const double limit = *max_fpr;
  const auto stop = static_cast<std::size_t>(std::upper_bound(fpr.begin(), fpr.end(), limit) - fpr.begin());
  const double x0 = fpr[stop - 1], x1 = fpr[stop], y0 = tpr[stop - 1], y1 = tpr[stop];
  // numpy.interp between the two points.
  const double y_at = x1 == x0 ? y1 : y0 + (limit - x0) * ((y1 - y0) / (x1 - x0));
  fpr.resize(stop);
  tpr.resize(stop);
  fpr.push_back(limit);
  tpr.push_back(y_at);
  const double partial = trapezoid(fpr, tpr);
  const double min_area = 0.5 * limit * limit, max_area = limit;
  return 0.5 * (1 + (partial - min_area) / (max_area - min_area));
}

// Average precision of positives vs the rest: -sum diff(recall) * precision.
double binary_average_precision(const std::vector<std::uint8_t>& positive, const double* score,
                                const VectorView& sample_weight) {
  const detail::ThresholdCounts c = detail::threshold_counts(positive, score, sample_weight);
  const double P = c.tps.back();
  if (P == 0)
    warn(WarningCategory::user, "No positive class found in y_true, recall is set to one for all thresholds.");
  double sum = 0, previous_recall = 0;
  // In decreasing-score order: recall grows from 0 (the curve's last point).
  for (std::size_t i = 0; i < c.tps.size(); ++i) {
    const double ps = c.tps[i] + c.fps[i];
    const double precision = ps != 0 ? c.tps[i] / ps : 0.0;
    const double recall = P == 0 ? 1.0 : c.tps[i] / P;
    sum += (recall - previous_recall) * precision;
    previous_recall = recall;
  }
  return std::max(0.0, sum);
}

std::vector<std::uint8_t> one_vs_rest(const std::vector<Index>& codes, Index cls) {
  std::vector<std::uint8_t> y(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) y[i] = codes[i] == cls;
  return y;
}

// The per-class scores of a one-vs-rest problem and their average, as
// scikit-learn's _average_binary_score on a label indicator matrix.
template <class Metric>
Vector ovr_scores(const std::vector<Index>& codes, const MatrixView& y_score, const VectorView& sample_weight,
                  Metric metric) {
  Vector scores(y_score.cols());
  for (Index j = 0; j < y_score.cols(); ++j) {
    const Vector column = y_score.col(j);
    scores[j] = metric(one_vs_rest(codes, j), column.data(), sample_weight);
  }
  return scores;
}

template <class Metric>
double ovr_average(std::string_view where, const std::vector<Index>& codes, const MatrixView& y_score,
                   const VectorView& sample_weight, Average average, Metric metric) {
  const Index n = y_score.rows(), k = y_score.cols();
  if (average == Average::micro) {
    // The indicator matrix and the scores raveled row by row, each weight
    // repeated k times.
    std::vector<std::uint8_t> y(static_cast<std::size_t>(n * k));
    std::vector<double> s(static_cast<std::size_t>(n * k));
    Vector w(sample_weight.size() ? n * k : 0);
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < k; ++j) {
        const auto r = static_cast<std::size_t>(i * k + j);
        y[r] = codes[static_cast<std::size_t>(i)] == j;
        s[r] = y_score(i, j);
        if (sample_weight.size()) w[static_cast<Index>(r)] = sample_weight[i];
      }
    return metric(y, s.data(), w);
  }
  if (average != Average::macro && average != Average::weighted)
    throw ValueError(cat(where, ": average must be micro, macro or weighted here"));
  Vector support = Vector::Zero(k);
  if (average == Average::weighted) {
    for (Index i = 0; i < n; ++i)
      support[codes[static_cast<std::size_t>(i)]] += sample_weight.size() ? sample_weight[i] : 1.0;
    if (std::fabs(support.sum()) <= 1e-8) return 0.0;
  }
  Vector scores = ovr_scores(codes, y_score, sample_weight, metric);
  if (average == Average::weighted) {
    for (Index j = 0; j < k; ++j)
      if (support[j] == 0) scores[j] = 0;
    return scores.dot(support) / support.sum();
  }
  return scores.mean();
}

// The classes of a multiclass y_score: the given labels (unique and sorted,
// as many as columns, covering y_true) or those of y_true.
Labels score_classes(std::string_view where, const VectorView& y_true, const MatrixView& y_score,
                     const Vector& labels) {
  if (labels.size()) {
    const Labels given(labels.data(), labels.data() + labels.size());
    const Labels classes = detail::sorted_unique(given);
    if (classes.size() != given.size()) throw ValueError(cat(where, ": Parameter 'labels' must be unique"));
    if (classes != given) throw ValueError(cat(where, ": Parameter 'labels' must be ordered"));
    if (static_cast<Index>(classes.size()) != y_score.cols())
      throw ValueError(cat(where, ": Number of given labels, ", classes.size(),
                           ", not equal to the number of columns in 'y_score', ", y_score.cols()));
    for (Index i = 0; i < y_true.size(); ++i)
      if (detail::index_of(classes, y_true[i]) < 0)
        throw ValueError(cat(where, ": 'y_true' contains labels not in parameter 'labels'"));
    return classes;
  }
  const Labels classes = detail::unique_labels(y_true);
  if (static_cast<Index>(classes.size()) != y_score.cols())
    throw ValueError(cat(where, ": Number of classes in y_true (", classes.size(),
                         ") not equal to the number of columns in 'y_score' (", y_score.cols(), ")"));
  return classes;
}

double multiclass_roc_auc(const VectorView& y_true, const MatrixView& y_score, const RocAucOptions& o,
                          const VectorView& sample_weight) {
  constexpr std::string_view where = "roc_auc_score";
  if (o.max_fpr && *o.max_fpr != 1.0)
    throw ValueError(cat(where,
                         ": Partial AUC computation not available in multiclass setting, 'max_fpr' must be "
                         "set to `None`, received `max_fpr=",
                         *o.max_fpr, "` instead"));
  if (o.multi_class == MultiClass::raise)
    throw ValueError(cat(where, ": multi_class must be in ('ovo', 'ovr') for a multiclass problem"));
  for (Index i = 0; i < y_score.rows(); ++i) {
    const double s = y_score.row(i).sum();
    if (!(std::fabs(1 - s) <= 1e-8 + 1e-5 * std::fabs(s)))
      throw ValueError(cat(where,
                           ": Target scores need to be probabilities for multiclass roc_auc, i.e. they should "
                           "sum up to 1.0 over classes (row ",
                           i, " sums to ", s, ")"));
  }
  if (o.average == Average::none || o.average == Average::binary)
    throw ValueError(cat(where,
                         ": average must be macro or weighted (or micro with ovr); for per-class scores use "
                         "roc_auc_score_per_class"));
  if (o.multi_class == MultiClass::ovo && o.average == Average::micro)
    throw ValueError(cat(where, ": average must be one of ('macro', 'weighted', None) for multi_class='ovo'"));
  const Labels classes = score_classes(where, y_true, y_score, o.labels);
  const std::vector<Index> codes = detail::encode(classes, y_true);
  auto metric = [](const std::vector<std::uint8_t>& y, const double* s, const VectorView& w) {
    return binary_roc_auc(y, s, w, std::nullopt);
  };
  if (o.multi_class == MultiClass::ovr) return ovr_average(where, codes, y_score, sample_weight, o.average, metric);
  if (sample_weight.size())
    throw ValueError(cat(where,
                         ": sample_weight is not supported for multiclass one-vs-one ROC AUC, "
                         "'sample_weight' must be None in this case."));
  // Hand & Till (2001): each pair of classes present in y_true, each of the
  // two as the positive class on the pair's samples.
  std::vector<Index> present;
  for (Index j = 0; j < static_cast<Index>(classes.size()); ++j)
    if (std::find(codes.begin(), codes.end(), j) != codes.end()) present.push_back(j);
  std::vector<double> pair_scores, prevalence;
  const auto n = static_cast<double>(codes.size());
  for (std::size_t a = 0; a < present.size(); ++a)
    for (std::size_t b = a + 1; b < present.size(); ++b) {
      const Index ca = present[a], cb = present[b];
      std::vector<std::uint8_t> a_true, b_true;
      std::vector<double> a_score, b_score;
      for (std::size_t i = 0; i < codes.size(); ++i)
        if (codes[i] == ca || codes[i] == cb) {
          a_true.push_back(codes[i] == ca);
          b_true.push_back(codes[i] == cb);
          a_score.push_back(y_score(static_cast<Index>(i), ca));
          b_score.push_back(y_score(static_cast<Index>(i), cb));
        }
      const double score_a = binary_roc_auc(a_true, a_score.data(), Vector(), std::nullopt);
      const double score_b = binary_roc_auc(b_true, b_score.data(), Vector(), std::nullopt);
      pair_scores.push_back((score_a + score_b) / 2);
      prevalence.push_back(static_cast<double>(a_true.size()) / n);
    }
  return detail::average(pair_scores, o.average == Average::weighted ? prevalence : std::vector<double>{});
}

}  // namespace

RocCurve roc_curve(const VectorView& y_true, const VectorView& y_score, const CurveOptions& options,
                   const VectorView& sample_weight) {
  constexpr std::string_view where = "roc_curve";
  detail::ThresholdCounts c = curve_counts(where, y_true, y_score, options, sample_weight);
  if (options.drop_intermediate.value_or(true) && c.fps.size() > 2) {
    const auto kept = roc_kept(c.fps, c.tps);
    c.fps = take(c.fps, kept);
    c.tps = take(c.tps, kept);
    c.thresholds = take(c.thresholds, kept);
  }
  const std::size_t m = c.fps.size() + 1;
  RocCurve r{Vector(m), Vector(m), Vector(m)};
  const double N = c.fps.back(), P = c.tps.back();
  if (N <= 0)
    detail::undefined_metric_warning("No negative samples in y_true, false positive value should be meaningless");
  if (P <= 0)
    detail::undefined_metric_warning("No positive samples in y_true, true positive value should be meaningless");
  r.fpr[0] = N <= 0 ? kNaN : 0.0;
  r.tpr[0] = P <= 0 ? kNaN : 0.0;
  r.thresholds[0] = kInf;
  for (std::size_t i = 1; i < m; ++i) {
    const auto k = static_cast<Index>(i);
    r.fpr[k] = N <= 0 ? kNaN : c.fps[i - 1] / N;
    r.tpr[k] = P <= 0 ? kNaN : c.tps[i - 1] / P;
    r.thresholds[k] = c.thresholds[i - 1];
  }
  return r;
}

PrecisionRecallCurve precision_recall_curve(const VectorView& y_true, const VectorView& y_score,
                                            const CurveOptions& options, const VectorView& sample_weight) {
  constexpr std::string_view where = "precision_recall_curve";
  detail::ThresholdCounts c = curve_counts(where, y_true, y_score, options, sample_weight);
  if (options.drop_intermediate.value_or(false) && c.fps.size() > 2) {
    const auto kept = tps_kept(c.tps);
    c.fps = take(c.fps, kept);
    c.tps = take(c.tps, kept);
    c.thresholds = take(c.thresholds, kept);
  }
  const std::size_t m = c.fps.size();
  const double P = c.tps.back();
  if (P == 0)
    warn(WarningCategory::user, "No positive class found in y_true, recall is set to one for all thresholds.");
  PrecisionRecallCurve r{Vector(m + 1), Vector(m + 1), Vector(m)};
  for (std::size_t i = 0; i < m; ++i) {
    const auto k = static_cast<Index>(m - 1 - i);  // reversed: increasing thresholds
    const double ps = c.tps[i] + c.fps[i];
    r.precision[k] = ps != 0 ? c.tps[i] / ps : 0.0;
    r.recall[k] = P == 0 ? 1.0 : c.tps[i] / P;
    r.thresholds[k] = c.thresholds[i];
  }
  r.precision[static_cast<Index>(m)] = 1.0;
  r.recall[static_cast<Index>(m)] = 0.0;
  return r;
}

DetCurve det_curve(const VectorView& y_true, const VectorView& y_score, const CurveOptions& options,
                   const VectorView& sample_weight) {
  constexpr std::string_view where = "det_curve";
  const detail::ThresholdCounts c = curve_counts(where, y_true, y_score, options, sample_weight);
  std::vector<double> fps{0.0}, tps{0.0}, thresholds{kInf};
  fps.insert(fps.end(), c.fps.begin(), c.fps.end());
  tps.insert(tps.end(), c.tps.begin(), c.tps.end());
  thresholds.insert(thresholds.end(), c.thresholds.begin(), c.thresholds.end());
  if (options.drop_intermediate.value_or(false) && fps.size() > 2) {
    const auto kept = tps_kept(tps);
    fps = take(fps, kept);
    tps = take(tps, kept);
    thresholds = take(thresholds, kept);
  }
  if (detail::unique_labels(y_true).size() != 2)
    throw ValueError(cat(where,
                         ": Only one class is present in y_true. Detection error tradeoff curve is not "
                         "defined in that case."));
  const double P = tps.back(), N = fps.back();
  // From the last point where fps is still at its first value to the first
  // point where every positive is found, reversed.
  const auto first = static_cast<std::size_t>(std::upper_bound(fps.begin(), fps.end(), fps[0]) - fps.begin()) - 1;
  const auto last = static_cast<std::size_t>(std::lower_bound(tps.begin(), tps.end(), P) - tps.begin()) + 1;
  const std::size_t m = std::min(last, tps.size()) - first;
  DetCurve r{Vector(m), Vector(m), Vector(m)};
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t src = first + m - 1 - i;
    const auto k = static_cast<Index>(i);
    r.fpr[k] = fps[src] / N;
    r.fnr[k] = (P - tps[src]) / P;
    r.thresholds[k] = thresholds[src];
  }
  return r;
}

double auc(const VectorView& x, const VectorView& y) {
  constexpr std::string_view where = "auc";
  check_same_length(where, "x", x.size(), "y", y.size());
  if (x.size() < 2)
    throw ValueError(cat(where, ": At least 2 points are needed to compute area under curve, but x has ", x.size()));
  bool any_decrease = false, all_nonincreasing = true;
  for (Index i = 1; i < x.size(); ++i) {
    const double d = x[i] - x[i - 1];
    any_decrease |= d < 0;
    all_nonincreasing &= d <= 0;
  }
  double direction = 1;
  if (any_decrease) {
    if (!all_nonincreasing) throw ValueError(cat(where, ": x is neither increasing nor decreasing"));
    direction = -1;
  }
  return direction * trapezoid(std::vector<double>(x.data(), x.data() + x.size()),
                               std::vector<double>(y.data(), y.data() + y.size()));
}

double roc_auc_score(const VectorView& y_true, const MatrixView& y_score, const RocAucOptions& options,
                     const VectorView& sample_weight) {
  constexpr std::string_view where = "roc_auc_score";
  check_scores(where, y_true, y_score, sample_weight);
  if (options.max_fpr && !(*options.max_fpr > 0 && *options.max_fpr <= 1))
    throw ValueError(cat(where, ": Expected max_fpr in range (0, 1], got: ", *options.max_fpr));
  const Labels classes = detail::unique_labels(y_true);
  if (classes.size() > 2 || y_score.cols() > 2) return multiclass_roc_auc(y_true, y_score, options, sample_weight);
  if (y_score.cols() != 1)
    throw ValueError(cat(where,
                         ": y_score of a binary problem must have one column (the score of the greater "
                         "label), got ",
                         y_score.cols()));
  std::vector<std::uint8_t> positive(static_cast<std::size_t>(y_true.size()));
  for (Index i = 0; i < y_true.size(); ++i)
    positive[static_cast<std::size_t>(i)] = classes.size() == 2 && y_true[i] == classes[1];
  return binary_roc_auc(positive, y_score.data(), sample_weight, options.max_fpr);
}

Vector roc_auc_score_per_class(const VectorView& y_true, const MatrixView& y_score, const RocAucOptions& options,
                               const VectorView& sample_weight) {
  constexpr std::string_view where = "roc_auc_score_per_class";
  check_scores(where, y_true, y_score, sample_weight);
  const Labels classes = score_classes(where, y_true, y_score, options.labels);
  const std::vector<Index> codes = detail::encode(classes, y_true);
  return ovr_scores(codes, y_score, sample_weight,
                    [](const std::vector<std::uint8_t>& y, const double* s, const VectorView& w) {
                      return binary_roc_auc(y, s, w, std::nullopt);
                    });
}

double average_precision_score(const VectorView& y_true, const MatrixView& y_score,
                               const AveragePrecisionOptions& options, const VectorView& sample_weight) {
  constexpr std::string_view where = "average_precision_score";
  check_scores(where, y_true, y_score, sample_weight);
  const Labels present = detail::unique_labels(y_true);
  auto metric = [](const std::vector<std::uint8_t>& y, const double* s, const VectorView& w) {
    return binary_average_precision(y, s, w);
  };
  if (present.size() <= 2) {
    if (present.size() == 2 && detail::index_of(present, options.pos_label) < 0)
      throw ValueError(cat(where, ": pos_label=", detail::label_text(options.pos_label),
                           " is not a valid label. It should be one of ", detail::labels_text(present)));
    if (y_score.cols() != 1)
      throw ValueError(cat(where, ": y_score of a binary problem must have one column, got ", y_score.cols()));
    std::vector<std::uint8_t> positive(static_cast<std::size_t>(y_true.size()));
    for (Index i = 0; i < y_true.size(); ++i) positive[static_cast<std::size_t>(i)] = y_true[i] == options.pos_label;
    return binary_average_precision(positive, y_score.data(), sample_weight);
  }
  if (options.pos_label != 1)
    throw ValueError(cat(where,
                         ": Parameter pos_label is fixed to 1 for multiclass y_true. Do not set pos_label or "
                         "set pos_label to 1."));
  if (y_score.cols() != static_cast<Index>(present.size()))
    throw ValueError(cat(where,
                         ": `y_score` needs to be of shape `(n_samples, n_classes)`, since `y_true` contains "
                         "multiple classes. Got `y_score.shape=(",
                         y_score.rows(), ", ", y_score.cols(), ")`."));
  if (options.average == Average::none || options.average == Average::binary)
    throw ValueError(cat(where, ": average must be micro, macro or weighted for a multiclass problem"));
  return ovr_average(where, detail::encode(present, y_true), y_score, sample_weight, options.average, metric);
}

double top_k_accuracy_score(const VectorView& y_true, const MatrixView& y_score, const TopKAccuracyOptions& options,
                            const VectorView& sample_weight) {
  constexpr std::string_view where = "top_k_accuracy_score";
  check_scores(where, y_true, y_score, sample_weight);
  if (options.k < 1) throw ValueError(cat(where, ": k must be >= 1, got ", options.k));
  const Labels truth = detail::unique_labels(y_true);
  const bool binary = truth.size() <= 2 && !(options.labels.size() > 2);
  if (binary && y_score.cols() != 1)
    throw ValueError(cat(where, ": `y_true` is binary while y_score is 2d with ", y_score.cols(),
                         " classes. If `y_true` does not contain all the labels, `labels` must be provided."));
  if (!binary && y_score.cols() == 1)
    throw ValueError(cat(where,
                         ": `y_score` needs to be of shape `(n_samples, n_classes)`, since `y_true` contains "
                         "multiple classes. Got `y_score.shape=(",
                         y_score.rows(), ",)`."));
  const Index n_score_classes = binary ? 2 : y_score.cols();
  Labels classes;
  if (options.labels.size()) {
    const Labels given(options.labels.data(), options.labels.data() + options.labels.size());
    classes = detail::sorted_unique(given);
    if (classes.size() != given.size()) throw ValueError(cat(where, ": Parameter 'labels' must be unique."));
    if (classes != given) throw ValueError(cat(where, ": Parameter 'labels' must be ordered."));
    if (static_cast<Index>(classes.size()) != n_score_classes)
      throw ValueError(cat(where, ": Number of given labels (", classes.size(),
                           ") not equal to the number of classes in 'y_score' (", n_score_classes, ")."));
    for (double v : truth)
      if (detail::index_of(classes, v) < 0)
        throw ValueError(cat(where, ": 'y_true' contains labels not in parameter 'labels'."));
  } else {
    classes = truth;
    if (static_cast<Index>(classes.size()) != n_score_classes)
      throw ValueError(cat(where, ": Number of classes in 'y_true' (", classes.size(),
                           ") not equal to the number of classes in 'y_score' (", n_score_classes,
                           ").You can provide a list of all known classes by assigning it to the `labels` "
                           "parameter."));
  }
  const auto n_classes = static_cast<Index>(classes.size());
  if (options.k >= n_classes)
    detail::undefined_metric_warning(cat("'k' (", options.k, ") greater than or equal to 'n_classes' (", n_classes,
                                         ") will result in a perfect score and is therefore meaningless."));
  const std::vector<Index> codes = detail::encode(classes, y_true);
  const Index n = y_true.size();
  double threshold = 0;
  if (binary && options.k == 1) threshold = y_score.minCoeff() >= 0 && y_score.maxCoeff() <= 1 ? 0.5 : 0.0;
  double hits = 0, total = 0;
  for (Index i = 0; i < n; ++i) {
    const Index t = codes[static_cast<std::size_t>(i)];
    bool hit;
    if (binary) {
      hit = options.k > 1 || (y_score(i, 0) > threshold ? 1 : 0) == t;
    } else {
      // The rank of the true class in NumPy's stable argsort reversed:
      // greater scores first, and among equal scores the later column first.
      const double s = y_score(i, t);
      Index rank = 0;
      for (Index j = 0; j < y_score.cols(); ++j)
        if (y_score(i, j) > s || (y_score(i, j) == s && j > t)) ++rank;
      hit = rank < options.k;
    }
    const double w = sample_weight.size() ? sample_weight[i] : 1.0;
    if (hit) hits += w;
    total += w;
  }
  return options.normalize ? hits / total : hits;
}

}  // namespace scilearn::learn
