#pragma once
// The scikit-learn cases of tests/reference/learn_metrics_classification.py:
// each manifest row names a data set, a function and its options; evaluate()
// calls ours the same way and flattens the result as the script did.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/learn/metrics/ranking.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing {

inline constexpr std::string_view kMetricsDir = "learn/metrics_classification";

struct MetricCase {
  std::string dataset, function, input;
  std::map<std::string, std::string> options;
  bool weighted = false;
  bool warned = false;
  std::vector<double> values;
};

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) parts.push_back(part);
  return parts;
}

inline std::map<std::string, std::string> parse_options(const std::string& text) {
  std::map<std::string, std::string> options;
  for (const auto& pair : split(text, ';')) {
    const auto eq = pair.find('=');
    if (eq != std::string::npos) options[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return options;
}

inline std::vector<MetricCase> metric_cases() {
  std::vector<MetricCase> cases;
  for (const auto& row : read_manifest(std::string(kMetricsDir) + "/cases.csv")) {
    MetricCase c{row[0], row[1], row[2], parse_options(row[3]), row[4] == "1", row[5] == "1", {}};
    for (std::size_t i = 6; i < row.size(); ++i) c.values.push_back(std::strtod(row[i].c_str(), nullptr));
    cases.push_back(std::move(c));
  }
  return cases;
}

inline Matrix load_array(const std::string& dataset, const std::string& name) {
  return io::load_npy<double>(fixture_path(std::string(kMetricsDir) + "/" + dataset + "_" + name + ".npy"));
}

inline Vector load_vector(const std::string& dataset, const std::string& name) {
  return io::load_npy_vector<double>(fixture_path(std::string(kMetricsDir) + "/" + dataset + "_" + name + ".npy"));
}

inline Vector list_option(const std::map<std::string, std::string>& o, const std::string& key) {
  auto it = o.find(key);
  if (it == o.end()) return Vector();
  const auto parts = split(it->second, '|');
  Vector v(static_cast<Index>(parts.size()));
  for (std::size_t i = 0; i < parts.size(); ++i) v[static_cast<Index>(i)] = std::stod(parts[i]);
  return v;
}

inline learn::ZeroDivision zero_division_option(const std::map<std::string, std::string>& o) {
  auto it = o.find("zero_division");
  if (it == o.end() || it->second == "warn") return learn::ZeroDivision::warn;
  if (it->second == "0") return learn::ZeroDivision::zero;
  if (it->second == "1") return learn::ZeroDivision::one;
  return learn::ZeroDivision::nan;
}

inline learn::Average average_option(const std::map<std::string, std::string>& o, learn::Average fallback) {
  auto it = o.find("average");
  if (it == o.end()) return fallback;
  const std::map<std::string, learn::Average> names{{"binary", learn::Average::binary},
                                                    {"micro", learn::Average::micro},
                                                    {"macro", learn::Average::macro},
                                                    {"weighted", learn::Average::weighted},
                                                    {"none", learn::Average::none}};
  return names.at(it->second);
}

inline void append(std::vector<double>& out, const Vector& v) { out.insert(out.end(), v.data(), v.data() + v.size()); }

// |a - b| <= tol * max(1, |b|); NaN matches NaN and infinities match.
inline bool close(double a, double b, double tol) {
  if (std::isnan(b)) return std::isnan(a);
  if (std::isinf(b)) return a == b;
  return std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b));
}

// Our result for a case, flattened as the reference script flattens
// scikit-learn's; `warned` says whether any warning was raised.
inline std::vector<double> evaluate(const MetricCase& c, bool& warned) {
  using namespace learn;
  int warnings = 0;
  ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  const Vector y_true = load_vector(c.dataset, "y_true");
  const Vector sw = c.weighted ? load_vector(c.dataset, "sw") : Vector();
  const auto& o = c.options;
  auto flag = [&](const std::string& key, bool fallback) {
    auto it = o.find(key);
    return it == o.end() ? fallback : it->second == "1";
  };
  auto number = [&](const std::string& key, double fallback) {
    auto it = o.find(key);
    return it == o.end() ? fallback : std::stod(it->second);
  };
  Matrix scores;
  if (c.input != "-") scores = load_array(c.dataset, c.input);
  const Vector labels = list_option(o, "labels");
  std::vector<double> out;
  const std::string& f = c.function;
  auto y_pred = [&] { return load_vector(c.dataset, "y_pred"); };
  auto score_options = [&] {
    return ScoreOptions{.labels = labels,
                        .pos_label = number("pos_label", 1),
                        .average = average_option(o, Average::binary),
                        .zero_division = zero_division_option(o)};
  };
  std::optional<bool> drop;
  if (o.count("drop_intermediate")) drop = flag("drop_intermediate", true);
  std::optional<double> pos_label;
  if (o.count("pos_label")) pos_label = number("pos_label", 1);
  auto curve = [&](const Vector& a, const Vector& b, const Vector& t) {
    out.push_back(static_cast<double>(t.size()));
    append(out, a);
    append(out, b);
    append(out, t);
  };
  if (f == "accuracy_score") {
    out.push_back(accuracy_score(y_true, y_pred(), flag("normalize", true), sw));
  } else if (f == "zero_one_loss") {
    out.push_back(zero_one_loss(y_true, y_pred(), flag("normalize", true), sw));
  } else if (f == "balanced_accuracy_score") {
    out.push_back(balanced_accuracy_score(y_true, y_pred(), sw, flag("adjusted", false)));
  } else if (f == "matthews_corrcoef") {
    out.push_back(matthews_corrcoef(y_true, y_pred(), sw));
  } else if (f == "cohen_kappa_score") {
    const std::string w = o.at("weights");
    out.push_back(cohen_kappa_score(y_true, y_pred(),
                                    {.labels = labels,
                                     .weights = w == "none"     ? KappaWeights::none
                                                : w == "linear" ? KappaWeights::linear
                                                                : KappaWeights::quadratic},
                                    sw));
  } else if (f == "confusion_matrix") {
    const std::string n = o.at("normalize");
    const Matrix cm = confusion_matrix(y_true, y_pred(),
                                       {.labels = labels,
                                        .normalize = n == "none"   ? ConfusionNormalize::none
                                                     : n == "true" ? ConfusionNormalize::true_
                                                     : n == "pred" ? ConfusionNormalize::pred
                                                                   : ConfusionNormalize::all},
                                       sw);
    out.push_back(static_cast<double>(cm.rows()));
    for (Index i = 0; i < cm.rows(); ++i)
      for (Index j = 0; j < cm.cols(); ++j) out.push_back(cm(i, j));
  } else if (f == "precision_recall_fscore_support") {
    const auto r = precision_recall_fscore_support(y_true, y_pred(),
                                                   {.beta = number("beta", 1),
                                                    .labels = labels,
                                                    .pos_label = number("pos_label", 1),
                                                    .average = average_option(o, Average::none),
                                                    .zero_division = zero_division_option(o)},
                                                   sw);
    if (r.support.size()) out.push_back(static_cast<double>(r.precision.size()));
    append(out, r.precision);
    append(out, r.recall);
    append(out, r.fbeta_score);
    append(out, r.support);
  } else if (f == "precision_score") {
    out.push_back(precision_score(y_true, y_pred(), score_options(), sw));
  } else if (f == "recall_score") {
    out.push_back(recall_score(y_true, y_pred(), score_options(), sw));
  } else if (f == "f1_score") {
    out.push_back(f1_score(y_true, y_pred(), score_options(), sw));
  } else if (f == "fbeta_score") {
    out.push_back(fbeta_score(y_true, y_pred(), number("beta", 1), score_options(), sw));
  } else if (f == "hinge_loss") {
    out.push_back(hinge_loss(y_true, scores, labels, sw));
  } else if (f == "log_loss") {
    out.push_back(log_loss(y_true, scores, {.normalize = flag("normalize", true), .labels = labels}, sw));
  } else if (f == "brier_score_loss") {
    BrierScoreOptions b{.pos_label = pos_label, .labels = labels, .scale_by_half = std::nullopt};
    if (o.count("scale_by_half")) b.scale_by_half = flag("scale_by_half", true);
    out.push_back(brier_score_loss(y_true, scores, b, sw));
  } else if (f == "top_k_accuracy_score") {
    out.push_back(top_k_accuracy_score(
        y_true, scores, {.k = static_cast<int>(number("k", 2)), .normalize = flag("normalize", true), .labels = labels},
        sw));
  } else if (f == "roc_curve") {
    const auto r = roc_curve(y_true, scores.col(0), {.pos_label = pos_label, .drop_intermediate = drop}, sw);
    curve(r.fpr, r.tpr, r.thresholds);
  } else if (f == "precision_recall_curve") {
    const auto r =
        precision_recall_curve(y_true, scores.col(0), {.pos_label = pos_label, .drop_intermediate = drop}, sw);
    curve(r.precision, r.recall, r.thresholds);
  } else if (f == "det_curve") {
    const auto r = det_curve(y_true, scores.col(0), {.pos_label = pos_label, .drop_intermediate = drop}, sw);
    curve(r.fpr, r.fnr, r.thresholds);
  } else if (f == "roc_auc_score" || f == "roc_auc_score_per_class") {
    RocAucOptions r{.average = average_option(o, Average::macro),
                    .max_fpr = std::nullopt,
                    .multi_class = MultiClass::raise,
                    .labels = labels};
    if (o.count("max_fpr")) r.max_fpr = number("max_fpr", 1);
    if (o.count("multi_class")) r.multi_class = o.at("multi_class") == "ovr" ? MultiClass::ovr : MultiClass::ovo;
    if (f == "roc_auc_score") {
      out.push_back(roc_auc_score(y_true, scores, r, sw));
    } else {
      const Vector v = roc_auc_score_per_class(y_true, scores, r, sw);
      out.push_back(static_cast<double>(v.size()));
      append(out, v);
    }
  } else if (f == "average_precision_score") {
    out.push_back(average_precision_score(
        y_true, scores, {.average = average_option(o, Average::macro), .pos_label = number("pos_label", 1)}, sw));
  } else {
    BOOST_ERROR("unknown function in the manifest: " << f);
  }
  warned = warnings > 0;
  return out;
}

// Runs every case of the functions `functions` and checks values (relative
// tolerance `tol`) and whether a warning was raised.
inline void check_cases(const std::vector<std::string>& functions, double tol) {
  int count = 0;
  for (const auto& c : metric_cases()) {
    if (std::find(functions.begin(), functions.end(), c.function) == functions.end()) continue;
    ++count;
    std::string label = c.dataset + " " + c.function + " {";
    for (const auto& [k, v] : c.options) label += k + "=" + v + ";";
    label += c.weighted ? "} weighted" : "}";
    bool warned = false;
    std::vector<double> got;
    try {
      got = evaluate(c, warned);
    } catch (const std::exception& e) {
      BOOST_ERROR(label << ": threw " << e.what());
      continue;
    }
    BOOST_TEST(warned == c.warned, label << ": warned " << warned << ", scikit-learn " << c.warned);
    if (got.size() != c.values.size()) {
      BOOST_ERROR(label << ": " << got.size() << " values, scikit-learn has " << c.values.size());
      continue;
    }
    for (std::size_t i = 0; i < got.size(); ++i)
      BOOST_TEST(close(got[i], c.values[i], tol),
                 label << " value " << i << ": " << got[i] << " against " << c.values[i]);
  }
  BOOST_TEST(count > 0);
  BOOST_TEST_MESSAGE(count << " cases");
}

}  // namespace scilearn::testing
