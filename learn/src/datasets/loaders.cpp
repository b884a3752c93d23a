#include <cmath>
#include <cstdlib>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/datasets/loaders.hpp>
#include <system_error>

#include "datasets/data_file.hpp"

// Where the data files are: set by learn/CMakeLists.txt.
#ifndef SCILEARN_DATASETS_INSTALL_DIR
#define SCILEARN_DATASETS_INSTALL_DIR ""
#endif
#ifndef SCILEARN_DATASETS_SOURCE_DIR
#define SCILEARN_DATASETS_SOURCE_DIR ""
#endif

namespace scilearn::learn {

namespace {

namespace fs = std::filesystem;
using detail::DataFile;

bool existing_directory(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

// A table in scikit-learn's labelled layout: a header "n_samples,n_features,
// name_0,name_1,..." and then one line per sample, its features and an integer
// class label. The counts are those of the data set the loader promises, so a
// file that is complete but not the expected one is rejected too.
void read_labelled(std::string_view function, const std::string& file_name, Index n_samples, Index n_features,
                   std::size_t n_classes, Dataset& out) {
  DataFile file(function, dataset_dir() / file_name);
  std::string_view line;
  if (!file.next(line)) file.fail("the file is empty");
  const auto header = file.split(line, ',', 2 + n_classes);
  if (file.integer(header[0], 1) != n_samples || file.integer(header[1], 2) != n_features)
    file.fail(cat("the header announces ", header[0], " samples and ", header[1], " features, expected ", n_samples,
                  " and ", n_features));
  out.target_names.assign(header.begin() + 2, header.end());

  out.data.resize(n_samples, n_features);
  out.target.resize(n_samples);
  const auto fields_per_row = static_cast<std::size_t>(n_features + 1);
  for (Index i = 0; i < n_samples; ++i) {
    if (!file.next(line)) file.fail(cat("the file ends after ", i, " data rows, expected ", n_samples));
    const auto fields = file.split(line, ',', fields_per_row);
    for (Index j = 0; j < n_features; ++j) out.data(i, j) = file.number(fields[static_cast<std::size_t>(j)], j + 1);
    const long long label = file.integer(fields.back(), fields_per_row);
    if (label < 0 || label >= static_cast<long long>(n_classes))
      file.fail(cat("class label ", label, " is not in [0, ", n_classes, ")"));
    out.target(i) = static_cast<double>(label);
  }
  file.expect_end();
}

std::string read_descr(std::string_view function, const std::string& name) {
  return detail::read_text(function, dataset_dir() / "descr" / name);
}

}  // namespace

fs::path dataset_dir() {
  if (const char* env = std::getenv("SCILEARN_DATA_DIR"); env != nullptr && *env != '\0') return fs::path(env);
  const fs::path installed = SCILEARN_DATASETS_INSTALL_DIR;
  if (existing_directory(installed)) return installed;
  const fs::path source = SCILEARN_DATASETS_SOURCE_DIR;
  if (existing_directory(source)) return source;
  throw FormatError(cat("dataset_dir: no data directory: SCILEARN_DATA_DIR is not set, and neither the installed ",
                        "location '", installed.string(), "' nor the source tree's '", source.string(), "' exists"));
}

Dataset load_iris() {
  constexpr std::string_view function = "load_iris";
  Dataset d;
  read_labelled(function, "iris.csv", 150, 4, 3, d);
  d.feature_names = {"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"};
  d.descr = read_descr(function, "iris.rst");
  return d;
}

Dataset load_wine() {
  constexpr std::string_view function = "load_wine";
  Dataset d;
  read_labelled(function, "wine_data.csv", 178, 13, 3, d);
  d.feature_names = {"alcohol",         "malic_acid",      "ash",        "alcalinity_of_ash",
                     "magnesium",       "total_phenols",   "flavanoids", "nonflavanoid_phenols",
                     "proanthocyanins", "color_intensity", "hue",        "od280/od315_of_diluted_wines",
                     "proline"};
  d.descr = read_descr(function, "wine_data.rst");
  return d;
}

Dataset load_breast_cancer() {
  constexpr std::string_view function = "load_breast_cancer";
  Dataset d;
  read_labelled(function, "breast_cancer.csv", 569, 30, 2, d);
  // Ten measurements of the cell nuclei, each as its mean, its standard error
  // and its "worst" (mean of the three largest) value, in that order.
  const char* const measures[] = {"radius",      "texture",   "perimeter",      "area",     "smoothness",
                                  "compactness", "concavity", "concave points", "symmetry", "fractal dimension"};
  for (const char* prefix : {"mean ", "", "worst "}) {
    for (const char* m : measures) d.feature_names.push_back(prefix[0] == '\0' ? cat(m, " error") : cat(prefix, m));
  }
  d.descr = read_descr(function, "breast_cancer.rst");
  return d;
}

Dataset load_diabetes(const LoadDiabetesOptions& options) {
  constexpr std::string_view function = "load_diabetes";
  constexpr Index n = 442;
  constexpr Index p = 10;
  Dataset d;
  {
    DataFile file(function, dataset_dir() / "diabetes_data_raw.csv");
    d.data = file.table(' ', n, p);
  }
  {
    DataFile file(function, dataset_dir() / "diabetes_target.csv");
    d.target = file.table(',', n, 1).col(0);
  }
  if (options.scaled) {
    // scikit-learn's preprocessing.scale (mean, then the population standard
    // deviation of the centred column, a zero one taken as 1), then a division
    // by sqrt(n_samples). Each column is summed in row order, as NumPy sums a
    // C-ordered array along axis 0, so the results agree to the last bit or so.
    const double root_n = std::sqrt(static_cast<double>(n));
    for (Index j = 0; j < p; ++j) {
      auto col = d.data.col(j);
      double sum = 0;
      for (Index i = 0; i < n; ++i) sum += col(i);
      col.array() -= sum / static_cast<double>(n);
      double squares = 0;
      for (Index i = 0; i < n; ++i) squares += col(i) * col(i);
      double sd = std::sqrt(squares / static_cast<double>(n));
      if (sd == 0) sd = 1;
      col.array() /= sd;
      col.array() /= root_n;
    }
  }
  d.feature_names = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};
  d.descr = read_descr(function, "diabetes.rst");
  return d;
}

Dataset load_digits(const LoadDigitsOptions& options) {
  constexpr std::string_view function = "load_digits";
  if (options.n_class < 1 || options.n_class > 10)
    throw ValueError(cat(function, ": n_class must be in [1, 10], got ", options.n_class));
  constexpr Index n = 1797;
  constexpr Index p = 64;
  DataFile file(function, dataset_dir() / "digits.csv");
  const Matrix table = file.table(',', n, p + 1);
  Index kept = 0;
  for (Index i = 0; i < n; ++i) {
    const double label = table(i, p);
    if (!(label >= 0 && label <= 9 && label == std::floor(label)))
      throw FormatError(cat(function, ": ", (dataset_dir() / "digits.csv").string(), ": line ", i + 1, ": the label ",
                            label, " is not a digit 0 .. 9"));
    if (label < options.n_class) ++kept;
  }
  Dataset d;
  d.data.resize(kept, p);
  d.target.resize(kept);
  Index r = 0;
  for (Index i = 0; i < n; ++i) {
    if (table(i, p) >= options.n_class) continue;
    d.data.row(r) = table.row(i).head(p);
    d.target(r) = table(i, p);
    ++r;
  }
  for (int row = 0; row < 8; ++row)
    for (int col = 0; col < 8; ++col) d.feature_names.push_back(cat("pixel_", row, "_", col));
  for (int k = 0; k < 10; ++k) d.target_names.push_back(cat(k));
  d.descr = read_descr(function, "digits.rst");
  return d;
}

}  // namespace scilearn::learn
