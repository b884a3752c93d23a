#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <set>

#include "metrics/label_utils.hpp"

namespace scilearn::learn {

namespace {

using detail::Labels;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double weight_of(const VectorView& sample_weight, Index i) { return sample_weight.size() ? sample_weight[i] : 1.0; }

Labels labels_of(const Vector& labels) { return Labels(labels.data(), labels.data() + labels.size()); }

void check_label_list(std::string_view where, const Vector& labels) {
  for (Index i = 0; i < labels.size(); ++i)
    if (!std::isfinite(labels[i]))
      throw ValueError(cat(where, ": labels holds ", labels[i], " at index ", i, "; labels must be finite"));
}

// The rows / columns of a confusion matrix of a against b, after checking the
// targets and the label list: the given labels, at least one of which must
// occur in a (else ValueError with `not_in_a`), or the sorted labels of both.
Labels confusion_labels(std::string_view where, const VectorView& a, const VectorView& b, const Vector& given,
                        const VectorView& sample_weight, std::string_view not_in_a) {
  detail::check_targets(where, a, b, sample_weight);
  check_label_list(where, given);
  if (!given.size()) return detail::unique_labels(a, b);
  Labels labels = labels_of(given);
  const Labels present = detail::unique_labels(a);
  if (std::none_of(labels.begin(), labels.end(), [&](double v) { return detail::index_of(present, v) >= 0; }))
    throw ValueError(cat(where, ": ", not_in_a));
  return labels;
}

// A lookup from label value to its position in a list that may be unsorted
// (the order the caller gave).
class LabelIndex {
 public:
  explicit LabelIndex(const Labels& labels) {
    for (std::size_t i = 0; i < labels.size(); ++i) entries_.emplace_back(labels[i] + 0.0, static_cast<Index>(i));
    std::stable_sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  [[nodiscard]] Index operator()(double v) const {
    auto it =
        std::lower_bound(entries_.begin(), entries_.end(), v, [](const auto& e, double x) { return e.first < x; });
    return it == entries_.end() || it->first != v ? -1 : it->second;
  }

 private:
  std::vector<std::pair<double, Index>> entries_;
};

// The weighted confusion matrix over `labels` (in their order); samples with
// a truth or prediction outside them are left out.
Matrix confusion(const Labels& labels, const VectorView& y_true, const VectorView& y_pred,
                 const VectorView& sample_weight) {
  const LabelIndex index(labels);
  const auto k = static_cast<Index>(labels.size());
  Matrix cm = Matrix::Zero(k, k);
  for (Index i = 0; i < y_true.size(); ++i) {
    const Index t = index(y_true[i]), p = index(y_pred[i]);
    if (t >= 0 && p >= 0) cm(t, p) += weight_of(sample_weight, i);
  }
  return cm;
}

// Per-class counts: true positives, predicted and true (weighted) samples.
struct ClassCounts {
  std::vector<double> tp, pred, truth;
};

ClassCounts class_counts(const Labels& labels, const VectorView& y_true, const VectorView& y_pred,
                         const VectorView& sample_weight) {
  const LabelIndex index(labels);
  ClassCounts c;
  c.tp.assign(labels.size(), 0.0);
  c.pred.assign(labels.size(), 0.0);
  c.truth.assign(labels.size(), 0.0);
  for (Index i = 0; i < y_true.size(); ++i) {
    const double w = weight_of(sample_weight, i);
    const Index t = index(y_true[i]), p = index(y_pred[i]);
    if (t >= 0) {
      c.truth[static_cast<std::size_t>(t)] += w;
      if (y_true[i] == y_pred[i]) c.tp[static_cast<std::size_t>(t)] += w;
    }
    if (p >= 0) c.pred[static_cast<std::size_t>(p)] += w;
  }
  // scikit-learn forms the sums back from its confusion entries,
  // tp + (pred - tp); the same rounding here.
  for (std::size_t j = 0; j < labels.size(); ++j) {
    c.pred[j] = c.tp[j] + (c.pred[j] - c.tp[j]);
    c.truth[j] = c.tp[j] + (c.truth[j] - c.tp[j]);
  }
  return c;
}

enum WarnFor : unsigned { warn_precision = 1, warn_recall = 2, warn_fscore = 4, warn_all = 7 };

std::string_view average_name(Average a) {
  switch (a) {
    case Average::binary: return "binary";
    case Average::micro: return "micro";
    case Average::macro: return "macro";
    case Average::weighted: return "weighted";
    case Average::none: return "None";
  }
  return "";
}

// numerator / denominator entry by entry, scikit-learn's _prf_divide.
std::vector<double> prf_divide(const std::vector<double>& numerator, const std::vector<double>& denominator,
                               std::string_view metric, std::string_view modifier, ZeroDivision zero_division,
                               bool warn_this) {
  std::vector<double> result(numerator.size());
  bool any_zero = false;
  const double value = zero_division == ZeroDivision::one ? 1.0 : zero_division == ZeroDivision::nan ? kNaN : 0.0;
  for (std::size_t i = 0; i < result.size(); ++i) {
    if (denominator[i] == 0) {
      result[i] = value;
      any_zero = true;
    } else {
      result[i] = numerator[i] / denominator[i];
    }
  }
  if (any_zero && zero_division == ZeroDivision::warn && warn_this)
    detail::undefined_metric_warning(cat(metric, " is ill-defined and being set to 0.0 ",
                                         result.size() == 1 ? "due to" : "in labels with", " no ", modifier,
                                         " samples. Use `zero_division` parameter to control this behavior."));
  return result;
}

struct Prf {
  std::vector<double> precision, recall, fscore, support;
};

Prf prf(std::string_view where, const VectorView& y_true, const VectorView& y_pred, double beta, const Vector& labels,
        double pos_label, Average average, ZeroDivision zero_division, unsigned warn_for,
        const VectorView& sample_weight) {
  detail::check_targets(where, y_true, y_pred, sample_weight);
  check_label_list(where, labels);
  if (!(beta >= 0)) throw ValueError(cat(where, ": beta must be >= 0, got ", beta));
  const Labels present = detail::unique_labels(y_true, y_pred);
  Labels used = labels.size() ? labels_of(labels) : present;
  if (average == Average::binary) {
    if (present.size() > 2)
      throw ValueError(cat(where,
                           ": Target is multiclass but average='binary'. Please choose another average "
                           "setting, one of [None, 'micro', 'macro', 'weighted']."));
    if (detail::index_of(present, pos_label) < 0 && present.size() >= 2)
      throw ValueError(cat(where, ": pos_label=", detail::label_text(pos_label),
                           " is not a valid label. It should be one of ", detail::labels_text(present)));
    used = {pos_label};
  } else if (pos_label != 1) {
    warn(WarningCategory::user, cat("Note that pos_label (set to ", detail::label_text(pos_label),
                                    ") is ignored when average != 'binary' (got '", average_name(average),
                                    "'). You may use labels=[pos_label] to specify a single positive class."));
  }
  ClassCounts c = class_counts(used, y_true, y_pred, sample_weight);
  if (average == Average::micro) {
    auto total = [](const std::vector<double>& v) {
      double s = 0;
      for (double x : v) s += x;
      return std::vector<double>{s};
    };
    c.tp = total(c.tp);
    c.pred = total(c.pred);
    c.truth = total(c.truth);
  }
  Prf r;
  r.precision = prf_divide(c.tp, c.pred, "Precision", "predicted", zero_division, warn_for & warn_precision);
  r.recall = prf_divide(c.tp, c.truth, "Recall", "true", zero_division, warn_for & warn_recall);
  if (std::isinf(beta)) {
    r.fscore = r.recall;
  } else if (beta == 0) {
    r.fscore = r.precision;
  } else {
    const double beta2 = beta * beta;
    std::vector<double> numerator(c.tp.size()), denominator(c.tp.size());
    for (std::size_t j = 0; j < c.tp.size(); ++j) {
      numerator[j] = (1 + beta2) * c.tp[j];
      denominator[j] = beta2 * c.truth[j] + c.pred[j];
    }
    r.fscore =
        prf_divide(numerator, denominator, "F-score", "true nor predicted", zero_division, warn_for & warn_fscore);
  }
  if (average == Average::none) {
    r.support = c.truth;
  } else {
    const std::vector<double> weights = average == Average::weighted ? c.truth : std::vector<double>{};
    r.precision = {detail::nan_average(r.precision, weights)};
    r.recall = {detail::nan_average(r.recall, weights)};
    r.fscore = {detail::nan_average(r.fscore, weights)};
  }
  return r;
}

ScoreOptions no_none(std::string_view where, const ScoreOptions& options) {
  if (options.average == Average::none)
    throw ValueError(cat(where,
                         ": average=None gives one score per class; use precision_recall_fscore_support "
                         "for per-class scores"));
  return options;
}

double single(std::string_view where, const VectorView& y_true, const VectorView& y_pred, double beta,
              const ScoreOptions& o, unsigned warn_for, const VectorView& sample_weight, int which) {
  no_none(where, o);
  const Prf r =
      prf(where, y_true, y_pred, beta, o.labels, o.pos_label, o.average, o.zero_division, warn_for, sample_weight);
  return which == 0 ? r.precision[0] : which == 1 ? r.recall[0] : r.fscore[0];
}

double weighted_mean(const std::vector<double>& values, const VectorView& sample_weight) {
  double num = 0, den = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double w = weight_of(sample_weight, static_cast<Index>(i));
    num += values[i] * w;
    den += w;
  }
  return num / den;
}

}  // namespace

double accuracy_score(const VectorView& y_true, const VectorView& y_pred, bool normalize,
                      const VectorView& sample_weight) {
  detail::check_targets("accuracy_score", y_true, y_pred, sample_weight);
  double hits = 0, total = 0;
  for (Index i = 0; i < y_true.size(); ++i) {
    const double w = weight_of(sample_weight, i);
    if (y_true[i] == y_pred[i]) hits += w;
    total += w;
  }
  return normalize ? hits / total : hits;
}

double zero_one_loss(const VectorView& y_true, const VectorView& y_pred, bool normalize,
                     const VectorView& sample_weight) {
  detail::check_targets("zero_one_loss", y_true, y_pred, sample_weight);
  const double score = accuracy_score(y_true, y_pred, normalize, sample_weight);
  if (normalize) return 1 - score;
  const double n = sample_weight.size() ? sample_weight.sum() : static_cast<double>(y_true.size());
  return n - score;
}

double balanced_accuracy_score(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight,
                               bool adjusted) {
  detail::check_targets("balanced_accuracy_score", y_true, y_pred, sample_weight);
  const Matrix cm = confusion(detail::unique_labels(y_true, y_pred), y_true, y_pred, sample_weight);
  std::vector<double> per_class;
  bool dropped = false;
  for (Index j = 0; j < cm.rows(); ++j) {
    const double row = cm.row(j).sum();
    if (row == 0) {
      dropped = true;
      continue;
    }
    per_class.push_back(cm(j, j) / row);
  }
  if (dropped) warn(WarningCategory::user, "y_pred contains classes not in y_true");
  double score = detail::average(per_class);
  if (adjusted) {
    const double chance = 1.0 / static_cast<double>(per_class.size());
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}

double precision_score(const VectorView& y_true, const VectorView& y_pred, const ScoreOptions& options,
                       const VectorView& sample_weight) {
  return single("precision_score", y_true, y_pred, 1.0, options, warn_precision, sample_weight, 0);
}

double recall_score(const VectorView& y_true, const VectorView& y_pred, const ScoreOptions& options,
                    const VectorView& sample_weight) {
  return single("recall_score", y_true, y_pred, 1.0, options, warn_recall, sample_weight, 1);
}

double f1_score(const VectorView& y_true, const VectorView& y_pred, const ScoreOptions& options,
                const VectorView& sample_weight) {
  return single("f1_score", y_true, y_pred, 1.0, options, warn_fscore, sample_weight, 2);
}

double fbeta_score(const VectorView& y_true, const VectorView& y_pred, double beta, const ScoreOptions& options,
                   const VectorView& sample_weight) {
  return single("fbeta_score", y_true, y_pred, beta, options, warn_fscore, sample_weight, 2);
}

PrecisionRecallFscoreSupport precision_recall_fscore_support(const VectorView& y_true, const VectorView& y_pred,
                                                             const PrecisionRecallFscoreOptions& options,
                                                             const VectorView& sample_weight) {
  const Prf r = prf("precision_recall_fscore_support", y_true, y_pred, options.beta, options.labels, options.pos_label,
                    options.average, options.zero_division, warn_all, sample_weight);
  auto to_vector = [](const std::vector<double>& v) {
    return Vector(Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size())));
  };
  return {to_vector(r.precision), to_vector(r.recall), to_vector(r.fscore), to_vector(r.support)};
}

Matrix confusion_matrix(const VectorView& y_true, const VectorView& y_pred, const ConfusionMatrixOptions& options,
                        const VectorView& sample_weight) {
  const Labels labels = confusion_labels("confusion_matrix", y_true, y_pred, options.labels, sample_weight,
                                         "At least one label specified must be in y_true");
  Matrix cm = confusion(labels, y_true, y_pred, sample_weight);
  auto safe = [](double a, double b) { return b == 0 ? 0.0 : a / b; };
  switch (options.normalize) {
    case ConfusionNormalize::none: break;
    case ConfusionNormalize::true_:
      for (Index i = 0; i < cm.rows(); ++i) {
        const double s = cm.row(i).sum();
        for (Index j = 0; j < cm.cols(); ++j) cm(i, j) = safe(cm(i, j), s);
      }
      break;
    case ConfusionNormalize::pred:
      for (Index j = 0; j < cm.cols(); ++j) {
        const double s = cm.col(j).sum();
        for (Index i = 0; i < cm.rows(); ++i) cm(i, j) = safe(cm(i, j), s);
      }
      break;
    case ConfusionNormalize::all: {
      const double s = cm.sum();
      cm = cm.unaryExpr([&](double x) { return safe(x, s); });
      break;
    }
  }
  if (cm.rows() == 1)
    warn(WarningCategory::user,
         "A single label was found in 'y_true' and 'y_pred'. For the confusion matrix to have the correct shape, use "
         "the 'labels' parameter to pass all known labels.");
  return cm;
}

namespace {

// Appends s right-aligned in `width` columns (Python's "{:>{width}}").
void put(std::string& out, std::string_view s, std::size_t width) {
  if (s.size() < width) out.append(width - s.size(), ' ');
  out.append(s);
}

// Python's "{:.{digits}f}": both round the exact binary value correctly.
std::string fixed(double v, int digits) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string out(static_cast<std::size_t>(digits) + 320, '\0');
  const auto result = std::to_chars(out.data(), out.data() + out.size(), v, std::chars_format::fixed, digits);
  out.resize(static_cast<std::size_t>(result.ptr - out.data()));
  return out;
}

}  // namespace

std::string ClassificationReport::text(int digits) const {
  if (digits < 0) throw ValueError(cat("classification_report: digits must be >= 0, got ", digits));
  const std::size_t width = std::max({name_width, std::size_t{12}, static_cast<std::size_t>(digits)});
  auto support_text = [this](double s) {
    return weighted ? detail::python_float_repr(s) : cat(static_cast<long long>(std::llround(s)));
  };
  // scikit-learn's layout: a name column of `width`, then columns of 9,
  // each after one space; the accuracy row leaves precision and recall blank.
  std::string out;
  put(out, "", width);
  out += ' ';
  for (const char* h : {"precision", "recall", "f1-score", "support"}) {
    out += ' ';
    put(out, h, 9);
  }
  out += "\n\n";
  auto row = [&](const ClassificationReportRow& r) {
    put(out, r.name, width);
    out += ' ';
    const bool accuracy = r.name == "accuracy";
    const double scores[] = {r.precision, r.recall, r.f1_score};
    for (int k = 0; k < 3; ++k) {
      out += ' ';
      put(out, accuracy && k < 2 ? std::string() : fixed(scores[k], digits), 9);
    }
    out += ' ';
    put(out, support_text(r.support), 9);
    out += '\n';
  };
  for (const auto& r : classes) row(r);
  out += '\n';
  for (const auto& r : averages) row(r);
  return out;
}

ClassificationReport classification_report_dict(const VectorView& y_true, const VectorView& y_pred,
                                                const ClassificationReportOptions& options,
                                                const VectorView& sample_weight) {
  constexpr std::string_view where = "classification_report";
  detail::check_targets(where, y_true, y_pred, sample_weight);
  check_label_list(where, options.labels);
  if (options.digits < 0) throw ValueError(cat(where, ": digits must be >= 0, got ", options.digits));
  const Labels present = detail::unique_labels(y_true, y_pred);
  const bool labels_given = options.labels.size() > 0;
  const Labels labels = labels_given ? labels_of(options.labels) : present;
  bool micro_is_accuracy = true;
  if (labels_given) {
    const std::set<double> given(labels.begin(), labels.end());
    micro_is_accuracy = std::all_of(present.begin(), present.end(), [&](double v) { return given.count(v) > 0; });
  }
  std::vector<std::string> names = options.target_names;
  if (!names.empty() && names.size() != labels.size()) {
    if (labels_given)
      warn(WarningCategory::user,
           cat("labels size, ", labels.size(), ", does not match size of target_names, ", names.size()));
    else
      throw ValueError(cat(where, ": Number of classes, ", labels.size(), ", does not match size of target_names, ",
                           names.size(), ". Try specifying the labels parameter"));
  }
  if (names.empty())
    for (double v : labels) names.push_back(detail::label_text(v));
  ClassificationReport report;
  report.weighted = sample_weight.size() > 0;
  for (const auto& n : names) report.name_width = std::max(report.name_width, n.size());
  const Vector label_vector = Eigen::Map<const Vector>(labels.data(), static_cast<Index>(labels.size()));
  const Prf per_class =
      prf(where, y_true, y_pred, 1.0, label_vector, 1.0, Average::none, options.zero_division, warn_all, sample_weight);
  const std::size_t rows = std::min(names.size(), labels.size());
  double total_support = 0;
  for (double s : per_class.support) total_support += s;
  for (std::size_t i = 0; i < rows; ++i)
    report.classes.push_back(
        {names[i], per_class.precision[i], per_class.recall[i], per_class.fscore[i], per_class.support[i]});
  for (Average a : {Average::micro, Average::macro, Average::weighted}) {
    const Prf r = prf(where, y_true, y_pred, 1.0, label_vector, 1.0, a, options.zero_division, warn_all, sample_weight);
    std::string name = a == Average::micro && micro_is_accuracy ? "accuracy" : cat(average_name(a), " avg");
    report.averages.push_back({name, r.precision[0], r.recall[0], r.fscore[0], total_support});
  }
  return report;
}

std::string classification_report(const VectorView& y_true, const VectorView& y_pred,
                                  const ClassificationReportOptions& options, const VectorView& sample_weight) {
  return classification_report_dict(y_true, y_pred, options, sample_weight).text(options.digits);
}

double matthews_corrcoef(const VectorView& y_true, const VectorView& y_pred, const VectorView& sample_weight) {
  detail::check_targets("matthews_corrcoef", y_true, y_pred, sample_weight);
  const Matrix C = confusion(detail::unique_labels(y_true, y_pred), y_true, y_pred, sample_weight);
  const Vector t_sum = C.rowwise().sum();
  const Vector p_sum = C.colwise().sum().transpose();
  const double n_correct = C.trace();
  const double n_samples = p_sum.sum();
  const double cov_ytyp = n_correct * n_samples - t_sum.dot(p_sum);
  const double cov_ypyp = n_samples * n_samples - p_sum.dot(p_sum);
  const double cov_ytyt = n_samples * n_samples - t_sum.dot(t_sum);
  const double product = cov_ypyp * cov_ytyt;
  return product == 0 ? 0.0 : cov_ytyp / std::sqrt(product);
}

double cohen_kappa_score(const VectorView& y1, const VectorView& y2, const CohenKappaOptions& options,
                         const VectorView& sample_weight) {
  const Labels labels = confusion_labels("cohen_kappa_score", y1, y2, options.labels, sample_weight,
                                         "At least one label in `labels` must be present in `y1` (even though "
                                         "`cohen_kappa_score` is otherwise agnostic to the order of `y1` and `y2`).");
  const Matrix confusion_m = confusion(labels, y1, y2, sample_weight);
  const Index k = confusion_m.rows();
  const Vector sum0 = confusion_m.colwise().sum().transpose();
  const Vector sum1 = confusion_m.rowwise().sum();
  const double total = sum0.sum();
  const std::string replaced = cat(options.replace_undefined_by);
  if (total == 0) {
    detail::undefined_metric_warning(
        cat("`y2` contains no labels that are present in both `y1` and `labels`.`cohen_kappa_score` is undefined "
            "and set to the value defined by the `replace_undefined_by` param, which is set to ",
            replaced, "."));
    return options.replace_undefined_by;
  }
  const Matrix expected = sum0 * sum1.transpose() / total;
  Matrix w(k, k);
  for (Index i = 0; i < k; ++i)
    for (Index j = 0; j < k; ++j) {
      const double d = static_cast<double>(j - i);
      w(i, j) = options.weights == KappaWeights::none     ? (i == j ? 0.0 : 1.0)
                : options.weights == KappaWeights::linear ? std::fabs(d)
                                                          : d * d;
    }
  const double numerator = w.cwiseProduct(confusion_m).sum();
  const double denominator = w.cwiseProduct(expected).sum();
  if (denominator == 0) {
    detail::undefined_metric_warning(
        cat("`y1`, `y2` and `labels` have only one label in common. `cohen_kappa_score` is undefined and set to "
            "the value defined by the the `replace_undefined_by` param, which is set to ",
            replaced, "."));
    return options.replace_undefined_by;
  }
  return 1 - numerator / denominator;
}

double hinge_loss(const VectorView& y_true, const MatrixView& pred_decision, const VectorView& labels,
                  const VectorView& sample_weight) {
  constexpr std::string_view where = "hinge_loss";
  detail::check_labels(where, "y_true", y_true);
  check_same_length(where, "y_true", y_true.size(), "pred_decision", pred_decision.rows());
  check_finite(where, "pred_decision", pred_decision);
  check_sample_weight(where, sample_weight, y_true.size());
  check_label_list(where, labels);
  const Labels truth = detail::unique_labels(y_true);
  const Labels classes = labels.size() ? detail::unique_labels(labels) : truth;
  const Index n = y_true.size();
  std::vector<double> losses(static_cast<std::size_t>(n));
  if (classes.size() > 2) {
    const auto k = static_cast<Index>(classes.size());
    if (pred_decision.cols() != k) {
      if (pred_decision.cols() == 1)
        throw ValueError(cat(where,
                             ": The shape of pred_decision cannot be 1d array with a multiclass target. "
                             "pred_decision shape must be (n_samples, n_classes), that is (",
                             n, ", ", k, "). Got: (", n, ",)"));
      if (labels.size() == 0)
        throw ValueError(cat(where, ": Please include all labels in y_true or pass labels as third argument"));
      throw ValueError(cat(where,
                           ": The shape of pred_decision is not consistent with the number of classes. With "
                           "a multiclass target, pred_decision shape must be (n_samples, n_classes), that "
                           "is (",
                           n, ", ", k, "). Got: (", n, ", ", pred_decision.cols(), ")"));
    }
    for (Index i = 0; i < n; ++i) {
      const Index t = detail::index_of(classes, y_true[i]);
      if (t < 0)
        throw ValueError(
            cat(where, ": y_true holds ", y_true[i], ", which is not in labels ", detail::labels_text(classes)));
      double other = -std::numeric_limits<double>::infinity();
      for (Index j = 0; j < k; ++j)
        if (j != t) other = std::max(other, pred_decision(i, j));
      losses[static_cast<std::size_t>(i)] = std::max(0.0, 1 - (pred_decision(i, t) - other));
    }
  } else {
    if (pred_decision.cols() != 1)
      throw ValueError(cat(where,
                           ": pred_decision must have one column (the decision for the greater label) for "
                           "a binary target, got ",
                           pred_decision.cols()));
    if (truth.size() > 2)
      throw ValueError(cat(where, ": y_true holds ", truth.size(), " classes but labels only ", classes.size()));
    // scikit-learn's LabelBinarizer(neg_label=-1) fitted on y_true: the
    // greater of two labels is +1, a single label is -1.
    for (Index i = 0; i < n; ++i) {
      const double y = truth.size() == 2 && y_true[i] == truth[1] ? 1.0 : -1.0;
      losses[static_cast<std::size_t>(i)] = std::max(0.0, 1 - y * pred_decision(i, 0));
    }
  }
  return weighted_mean(losses, sample_weight);
}

namespace {

// Columns of one-hot truth and probabilities as scikit-learn validates them
// for log_loss and brier_score_loss (multiclass or two-column input).
struct ProbabilisticTarget {
  std::vector<Index> codes;  // the column of each sample's class
  Matrix proba;              // n x k
};

void check_probabilities(std::string_view where, const MatrixView& y_proba) {
  check_non_empty(where, "y_proba", y_proba);
  check_finite(where, "y_proba", y_proba);
  if (y_proba.maxCoeff() > 1)
    throw ValueError(cat(where, ": y_prob contains values greater than 1: ", y_proba.maxCoeff()));
  if (y_proba.minCoeff() < 0)
    throw ValueError(cat(where, ": y_prob contains values lower than 0: ", y_proba.minCoeff()));
}

ProbabilisticTarget multiclass_target(std::string_view where, const VectorView& y_true, const MatrixView& y_proba,
                                      const Vector& labels, const VectorView& sample_weight) {
  check_probabilities(where, y_proba);
  detail::check_labels(where, "y_true", y_true);
  check_same_length(where, "y_true", y_true.size(), "y_proba", y_proba.rows());
  check_sample_weight(where, sample_weight, y_true.size());
  check_label_list(where, labels);
  Labels classes;
  if (labels.size()) {
    classes = detail::sorted_unique(labels_of(labels));
    if (classes != labels_of(labels))
      warn(WarningCategory::user,
           cat("Labels passed were ", detail::labels_text(labels_of(labels)),
               ". But this function assumes labels are ordered lexicographically. Pass the ordered labels=",
               detail::labels_text(classes), " and ensure that the columns of y_prob correspond to this ordering."));
  } else {
    classes = detail::unique_labels(y_true);
  }
  ProbabilisticTarget t;
  t.codes = detail::encode(classes, y_true);
  for (std::size_t i = 0; i < t.codes.size(); ++i)
    if (t.codes[i] < 0)
      throw ValueError(cat(where, ": y_true contains values {", detail::label_text(y_true[static_cast<Index>(i)]),
                           "} not belonging to the passed labels ", detail::labels_text(labels_of(labels)), "."));
  if (classes.size() == 1) {
    if (labels.size() == 0)
      throw ValueError(cat(where, ": y_true contains only one label (", detail::label_text(classes[0]),
                           "). Please provide the list of all expected class labels explicitly through the labels "
                           "argument."));
    throw ValueError(cat(where, ": The labels array needs to contain at least two labels for ", where, ", got ",
                         detail::labels_text(classes), "."));
  }
  if (y_proba.cols() == 1) {
    t.proba.resize(y_proba.rows(), 2);
    t.proba.col(0) = (1 - y_proba.col(0).array()).matrix();
    t.proba.col(1) = y_proba.col(0);
  } else {
    t.proba = y_proba;
  }
  const double eps = std::numeric_limits<double>::epsilon();
  const Vector sums = t.proba.rowwise().sum();
  if (((sums.array() - 1).abs() > 1e-8 + std::sqrt(eps)).any())
    warn(WarningCategory::user, "The y_prob values do not sum to one. Make sure to pass probabilities.");
  if (static_cast<Index>(classes.size()) != t.proba.cols()) {
    if (labels.size() == 0)
      throw ValueError(cat(where, ": y_true and y_prob contain different number of classes: ", classes.size(), " vs ",
                           t.proba.cols(),
                           ". Please provide the true labels explicitly through the labels argument. "
                           "Classes found in y_true: ",
                           detail::labels_text(classes)));
    throw ValueError(cat(where,
                         ": The number of classes in labels is different from that in y_prob. Classes found in "
                         "labels: ",
                         detail::labels_text(classes)));
  }
  return t;
}

}  // namespace

double log_loss(const VectorView& y_true, const MatrixView& y_proba, const LogLossOptions& options,
                const VectorView& sample_weight) {
  const ProbabilisticTarget t = multiclass_target("log_loss", y_true, y_proba, options.labels, sample_weight);
  const double eps = std::numeric_limits<double>::epsilon();
  std::vector<double> losses(t.codes.size());
  for (std::size_t i = 0; i < losses.size(); ++i)
    losses[i] = -std::log(std::clamp(t.proba(static_cast<Index>(i), t.codes[i]), eps, 1 - eps));
  if (options.normalize) return weighted_mean(losses, sample_weight);
  double total = 0;
  for (std::size_t i = 0; i < losses.size(); ++i) total += losses[i] * weight_of(sample_weight, static_cast<Index>(i));
  return total;
}

double brier_score_loss(const VectorView& y_true, const MatrixView& y_proba, const BrierScoreOptions& options,
                        const VectorView& sample_weight) {
  constexpr std::string_view where = "brier_score_loss";
  std::vector<double> losses;
  if (y_proba.cols() == 1) {
    detail::check_labels(where, "y_true", y_true);
    check_same_length(where, "y_true", y_true.size(), "y_proba", y_proba.rows());
    check_finite(where, "y_proba", y_proba);
    check_sample_weight(where, sample_weight, y_true.size());
    const Labels classes = detail::unique_labels(y_true);
    if (classes.size() > 2)
      throw ValueError(cat(where,
                           ": The type of the target inferred from y_true is multiclass but should be binary "
                           "according to the shape of y_prob."));
    if (y_proba.maxCoeff() > 1)
      throw ValueError(cat(where, ": y_prob contains values greater than 1: ", y_proba.maxCoeff()));
    if (y_proba.minCoeff() < 0)
      throw ValueError(cat(where, ": y_prob contains values less than 0: ", y_proba.minCoeff()));
    double pos_label;
    if (options.pos_label) {
      pos_label = *options.pos_label;
    } else {
      const bool standard = classes == Labels{0, 1} || classes == Labels{-1, 1} || classes == Labels{0} ||
                            classes == Labels{-1} || classes == Labels{1};
      pos_label = standard ? 1.0 : classes.back();
    }
    losses.resize(static_cast<std::size_t>(y_true.size()));
    for (Index i = 0; i < y_true.size(); ++i) {
      // Both columns (1 - t, t) and (1 - p, p), as scikit-learn stacks them.
      const double t = y_true[i] == pos_label ? 1.0 : 0.0, p = y_proba(i, 0);
      const double a = (1 - t) - (1 - p), b = t - p;
      losses[static_cast<std::size_t>(i)] = a * a + b * b;
    }
  } else {
    const ProbabilisticTarget t = multiclass_target(where, y_true, y_proba, options.labels, sample_weight);
    losses.resize(t.codes.size());
    for (std::size_t i = 0; i < losses.size(); ++i) {
      double s = 0;
      for (Index j = 0; j < t.proba.cols(); ++j) {
        const double d = (j == t.codes[i] ? 1.0 : 0.0) - t.proba(static_cast<Index>(i), j);
        s += d * d;
      }
      losses[i] = s;
    }
  }
  double score = weighted_mean(losses, sample_weight);
  if (options.scale_by_half.value_or(y_proba.cols() < 3)) score *= 0.5;
  return score;
}

}  // namespace scilearn::learn
