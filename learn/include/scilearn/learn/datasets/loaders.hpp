#pragma once
/// \file
/// scikit-learn's small real data sets (`sklearn.datasets.load_*`): iris, wine,
/// breast cancer, diabetes and digits, with the same values, names and
/// descriptions as scikit-learn 1.9.1.
///
///     Dataset iris = scilearn::learn::load_iris();
///     // iris.data: 150 x 4, iris.target: 0, 1, 2; iris.target_names[0] == "setosa"
///
/// The data files (scikit-learn's, see data/datasets/README.md in the sources)
/// are installed with the library under `<prefix>/share/scilearn/datasets` and
/// read at each call; dataset_dir() says where they are looked for.

#include <filesystem>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// A loaded data set: scikit-learn's Bunch with the fields `data`, `target`,
/// `feature_names`, `target_names` and `DESCR` (here `descr`).
struct Dataset {
  Matrix data;                             ///< n_samples x n_features, one sample per row
  Vector target;                           ///< n_samples class labels (0, 1, ...) or regression targets
  std::vector<std::string> feature_names;  ///< one name per column of data
  std::vector<std::string> target_names;   ///< class names, target_names[k] for label k; empty for regression
  std::string descr;                       ///< the data set's description (reStructuredText), as DESCR
};

/// The directory the loaders read: the environment variable SCILEARN_DATA_DIR
/// when it is set and not empty (used as given, even if it does not exist, so a
/// wrong setting is reported instead of silently passed over); otherwise the
/// installed location (`<prefix>/share/scilearn/datasets`) if that directory
/// exists; otherwise the source tree's `learn/data/datasets`, so programs and
/// tests run from a build tree work before installation. This plays the role of
/// scikit-learn's package data directory (`get_data_home` is for downloaded data,
/// which scilearn does not fetch).
/// Throws: FormatError naming the places searched when none of them exists.
/// Complexity: two file-system queries.
[[nodiscard]] std::filesystem::path dataset_dir();

/// The iris data set (Fisher 1936): 150 samples, 4 features (sepal / petal
/// length and width in cm), 3 classes of 50 (setosa, versicolor, virginica).
/// Throws: FormatError naming the file when a data file is missing, unreadable
/// or malformed (wrong counts, a non-numeric field, a non-integer label).
/// Complexity: O(file size).
[[nodiscard]] Dataset load_iris();

/// The wine recognition data set: 178 samples, 13 chemical measurements,
/// 3 classes (class_0: 59, class_1: 71, class_2: 48).
/// Throws: FormatError as load_iris. Complexity: O(file size).
[[nodiscard]] Dataset load_wine();

/// The Wisconsin diagnostic breast cancer data set: 569 samples, 30 features,
/// 2 classes (malignant = 0: 212, benign = 1: 357).
/// Throws: FormatError as load_iris. Complexity: O(file size).
[[nodiscard]] Dataset load_breast_cancer();

/// Options of load_diabetes.
struct LoadDiabetesOptions {
  /// Scale each feature as scikit-learn does: centre it, divide by its
  /// (population) standard deviation, then by sqrt(n_samples), so that every
  /// column has mean 0 and sum of squares 1. false gives the raw measurements.
  bool scaled = true;
};

/// The diabetes regression data set (Efron et al. 2004): 442 samples, 10
/// features (age, sex, bmi, bp, s1 ... s6), target a measure of disease
/// progression one year after baseline (25 ... 346). target_names is empty.
/// Throws: FormatError as load_iris. Complexity: O(file size).
[[nodiscard]] Dataset load_diabetes(const LoadDiabetesOptions& options = {});

/// Options of load_digits.
struct LoadDigitsOptions {
  int n_class = 10;  ///< keep the samples of digits 0 .. n_class - 1 only; 1 <= n_class <= 10
};

/// The optical recognition of handwritten digits data set (UCI test set): 1797
/// 8x8 images with pixel values 0 .. 16, flattened row by row into 64 features
/// named "pixel_<row>_<col>"; target the digit 0 .. 9. With n_class < 10 only
/// the samples of digits below n_class are kept, in file order; target_names is
/// always "0" .. "9", as scikit-learn's. (scikit-learn's `images` field is
/// `data.row(i)` read as a row-major 8x8 array.)
/// Throws: ValueError if n_class is not in [1, 10]; FormatError as load_iris.
/// Complexity: O(file size).
[[nodiscard]] Dataset load_digits(const LoadDigitsOptions& options = {});

}  // namespace scilearn::learn
