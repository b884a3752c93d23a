#include <cmath>
#include <scilearn/learn/naive_bayes/categorical_nb.hpp>

namespace scilearn::learn {

namespace {

// Categories are X's entries truncated to integers (numpy's cast to int);
// they must be >= 0. A bound keeps a stray huge value from asking for a
// count table of that width.
constexpr double kMaxCategory = 1 << 30;

Index category(std::string_view where, double v) {
  const double t = std::trunc(v);
  if (t < 0) throw ValueError("Negative values in data passed to CategoricalNB (input X)");
  if (t >= kMaxCategory) throw ValueError(cat(where, ": category ", v, " is too large (the limit is 2^30)"));
  return static_cast<Index>(t);
}

// The number of categories of each feature of X: its largest + 1, at least min_categories.
std::vector<Index> count_categories(std::string_view where, const MatrixView& X,
                                    const std::vector<std::int64_t>& min_categories) {
  const Index p = X.cols();
  if (min_categories.size() > 1 && static_cast<Index>(min_categories.size()) != p)
    throw ValueError(cat("'min_categories' should have shape (", p, ",) when an array-like is provided. Got (",
                         min_categories.size(), ",) instead."));
  if (min_categories.size() == 1 && min_categories[0] < 1)
    throw ValueError(
        cat("The 'min_categories' parameter of CategoricalNB must be None, an array-like or an int in "
            "the range [1, inf). Got ",
            min_categories[0], " instead."));
  std::vector<Index> out(static_cast<std::size_t>(p));
  for (Index j = 0; j < p; ++j) {
    Index top = 0;
    for (Index i = 0; i < X.rows(); ++i) top = std::max(top, category(where, X(i, j)));
    Index n = top + 1;
    if (!min_categories.empty())
      n = std::max<Index>(n,
                          min_categories.size() == 1 ? min_categories[0] : min_categories[static_cast<std::size_t>(j)]);
    out[static_cast<std::size_t>(j)] = n;
  }
  return out;
}

}  // namespace

void CategoricalNB::check_fitted(const Fitted& s) {
  const Index K = s.classes.size();
  const auto p = static_cast<std::size_t>(s.n_features_in);
  bool ok = K >= 1 && s.class_count.size() == K && s.class_log_prior.size() == K && s.category_count.size() == p &&
            s.feature_log_prob.size() == p && s.n_categories.size() == p;
  for (std::size_t j = 0; ok && j < p; ++j)
    ok = s.category_count[j].rows() == K && s.feature_log_prob[j].rows() == K &&
         s.feature_log_prob[j].cols() == s.category_count[j].cols();
  if (!ok) throw ValueError("the shapes of the counts and log-probabilities disagree with the classes and features");
  detail::nb_check_classes(s.classes);
}

CategoricalNB::Fitted CategoricalNB::update(const Params& p, const Fitted* previous, const MatrixView& X,
                                            const VectorView&, const std::vector<Index>& codes, const Vector& classes,
                                            const VectorView* sample_weight) {
  constexpr std::string_view where = "CategoricalNB.fit";
  const double alpha = detail::nb_alpha(class_name, p.alpha, p.force_alpha);
  const Index K = classes.size(), n = X.rows(), n_features = X.cols();
  Fitted out;
  if (previous) {
    out = *previous;
  } else {
    out.n_features_in = n_features;
    out.classes = classes;
    out.class_count = Vector::Zero(K);
    out.category_count.assign(static_cast<std::size_t>(n_features), Matrix::Zero(K, 0));
  }
  out.n_categories = count_categories(where, X, p.min_categories);
  for (Index i = 0; i < n; ++i) {
    const Index c = codes[static_cast<std::size_t>(i)];
    if (c >= 0) out.class_count(c) += sample_weight ? (*sample_weight)(i) : 1.0;
  }
  out.feature_log_prob.resize(static_cast<std::size_t>(n_features));
  for (Index j = 0; j < n_features; ++j) {
    const auto f = static_cast<std::size_t>(j);
    Matrix& count = out.category_count[f];
    if (const Index width = out.n_categories[f]; width > count.cols()) {
      // New categories start at zero.
      Matrix wider = Matrix::Zero(K, width);
      wider.leftCols(count.cols()) = count;
      count = std::move(wider);
    }
    for (Index i = 0; i < n; ++i) {
      const Index c = codes[static_cast<std::size_t>(i)];
      if (c >= 0) count(c, category(where, X(i, j))) += sample_weight ? (*sample_weight)(i) : 1.0;
    }
    const Matrix smoothed = count.array() + alpha;
    const Vector total = smoothed.rowwise().sum();
    out.feature_log_prob[f] = smoothed.array().log().colwise() - total.array().log();
  }
  out.class_log_prior = detail::nb_class_log_prior(p.class_prior, p.fit_prior, out.class_count);
  return out;
}

Matrix CategoricalNB::joint_log_likelihood(const Params&, const Fitted& s, const MatrixView& X) {
  constexpr std::string_view where = "CategoricalNB.predict";
  const Index n = X.rows(), K = s.classes.size();
  Matrix jll(n, K);
  jll.rowwise() = s.class_log_prior.transpose();
  for (Index j = 0; j < X.cols(); ++j) {
    const Matrix& log_prob = s.feature_log_prob[static_cast<std::size_t>(j)];
    for (Index i = 0; i < n; ++i) {
      const Index t = category(where, X(i, j));
      if (t >= log_prob.cols())
        throw ValueError(cat(where, ": X[", i, ", ", j, "] = ", X(i, j), " is a category not seen in fit (feature ", j,
                             " has ", log_prob.cols(), " categories)"));
      jll.row(i) += log_prob.col(t).transpose();
    }
  }
  return jll;
}

}  // namespace scilearn::learn
