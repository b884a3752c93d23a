// Model files: round trips, and every kind of damaged file -> FormatError.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/binary.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(persistence)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix features() {
  Matrix X(8, 3);
  X << 1, 10, 0.5, 2, 30, 0.1, 3, 20, 0.7, 4, 50, 0.2, 5, 40, 0.9, 6, 60, 0.3, 7, 70, 0.8, 8, 80, 0.4;
  return X;
}
Vector target() { return features() * Eigen::Vector3d(1.0, 0.1, -2.0) + Vector::Constant(8, 2.0); }

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A saved, fitted pipeline: its bytes and its predictions.
struct SavedModel {
  std::filesystem::path path;
  std::string bytes;
  Vector predictions;
};

SavedModel saved_pipeline(const std::string& name) {
  auto pipe = make_pipeline(StandardScaler(), LinearRegression({.tol = 1e-8}));
  pipe.fit(features(), target());
  SavedModel m{testing::scratch_dir("learn_persistence") / name, {}, pipe.predict(features())};
  save(pipe, m.path);
  m.bytes = read_bytes(m.path);
  return m;
}

// The models behind the committed files in tests/data/learn/models/, fitted
// here the same way (see that folder's README).
std::vector<std::pair<std::string, std::shared_ptr<Estimator>>> golden_models() {
  auto logistic = std::make_shared<Pipeline>(make_pipeline(StandardScaler(), LogisticRegression({.C = 10})));
  const Dataset iris = load_iris();
  logistic->fit(iris.data, iris.target);
  auto columns = std::make_shared<Pipeline>(
      make_pipeline(ColumnTransformer({{"scale", StandardScaler(), {1, 2}}, {"bin", Binarizer({.threshold = 4}), {0}}}),
                    LinearRegression()));
  columns->fit(features(), target());
  auto unfitted =
      std::make_shared<Pipeline>(make_pipeline(MinMaxScaler({.feature_range = {-1, 1}}), LinearRegression()));
  return {{"logistic_iris", logistic}, {"column_transformer", columns}, {"unfitted", unfitted}};
}

Matrix golden_input(const std::string& name) { return name == "logistic_iris" ? load_iris().data : features(); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_fitted_pipeline_round_trips_exactly) {
  const SavedModel m = saved_pipeline("pipe.scl");
  const auto loaded = load(m.path);
  BOOST_TEST(loaded->name() == "Pipeline");
  BOOST_TEST(loaded->is_fitted());
  BOOST_TEST((loaded->predict(features()) == m.predictions));
  BOOST_TEST(std::get<double>(loaded->get_params().at("linearregression__tol")) == 1e-8);
  const auto typed = load_as<Pipeline>(m.path);
  BOOST_TEST(typed.size() == 2);
  BOOST_CHECK_THROW((void)load_as<StandardScaler>(m.path), FormatError);
}

BOOST_AUTO_TEST_CASE(an_unfitted_estimator_round_trips_unfitted) {
  const auto path = testing::scratch_dir("learn_persistence") / "unfitted.scl";
  save(StandardScaler({.with_std = false}), path);
  const auto loaded = load(path);
  BOOST_TEST(!loaded->is_fitted());
  BOOST_TEST(!std::get<bool>(loaded->get_params().at("with_std")));
}

BOOST_AUTO_TEST_CASE(every_truncation_is_a_format_error) {
  const SavedModel m = saved_pipeline("truncated.scl");
  const auto damaged = m.path.parent_path() / "truncated_copy.scl";
  for (std::size_t size = 0; size < m.bytes.size(); ++size) {
    write_bytes(damaged, m.bytes.substr(0, size));
    BOOST_CHECK_THROW((void)load(damaged), FormatError);
  }
}

BOOST_AUTO_TEST_CASE(every_flipped_bit_is_a_format_error) {
  const SavedModel m = saved_pipeline("flipped.scl");
  const auto damaged = m.path.parent_path() / "flipped_copy.scl";
  for (std::size_t i = 0; i < m.bytes.size(); ++i) {
    for (int bit = 0; bit < 8; bit += 3) {
      std::string bytes = m.bytes;
      bytes[i] = static_cast<char>(bytes[i] ^ (1 << bit));
      write_bytes(damaged, bytes);
      BOOST_CHECK_THROW((void)load(damaged), FormatError);
    }
  }
}

BOOST_AUTO_TEST_CASE(oversized_and_foreign_files_are_format_errors) {
  const SavedModel m = saved_pipeline("oversized.scl");
  const auto damaged = m.path.parent_path() / "oversized_copy.scl";
  write_bytes(damaged, m.bytes + std::string(100, '\0'));
  BOOST_CHECK_THROW((void)load(damaged), FormatError);
  write_bytes(damaged, "\x93NUMPY" + m.bytes.substr(6));
  BOOST_CHECK_THROW((void)load(damaged), FormatError);
  BOOST_CHECK_THROW((void)load(m.path.parent_path() / "no_such_file.scl"), FormatError);
}

BOOST_AUTO_TEST_CASE(other_versions_and_unknown_classes_are_format_errors) {
  const auto path = testing::scratch_dir("learn_persistence") / "crafted.scl";
  io::BinaryWriter record;
  record.put_string("StandardScaler");
  record.put_u64(0);       // no parameters: defaults
  record.put_bool(false);  // unfitted
  io::write_container(path, "SCLMODEL", model_format_version + 1, record.bytes());
  const std::string message = testing::message_of<FormatError>([&] { (void)load(path); });
  BOOST_TEST(message.find("format version 2 is not supported") != std::string::npos);

  io::write_container(path, "SCLMODEL", model_format_version, record.bytes());
  BOOST_TEST(load(path)->name() == "StandardScaler");

  io::BinaryWriter unknown;
  unknown.put_string("RandomForestOfDoom");
  io::write_container(path, "SCLMODEL", model_format_version, unknown.bytes());
  BOOST_CHECK_THROW((void)load(path), FormatError);
}

BOOST_AUTO_TEST_CASE(inconsistent_state_with_a_valid_checksum_is_a_format_error) {
  const auto path = testing::scratch_dir("learn_persistence") / "inconsistent.scl";
  io::BinaryWriter record;
  record.put_string("LinearRegression");
  record.put_u64(0);
  record.put_bool(true);
  record.put_string("n_features_in");
  record.put_i64(3);
  record.put_string("coef");
  record.put_vector(Vector::Ones(2));  // 2 coefficients for 3 features
  record.put_string("intercept");
  record.put_f64(0);
  record.put_string("rank");
  record.put_i64(2);
  record.put_string("singular");
  record.put_vector(Vector::Ones(2));
  io::write_container(path, "SCLMODEL", model_format_version, record.bytes());
  const std::string message = testing::message_of<FormatError>([&] { (void)load(path); });
  BOOST_TEST(message.find("coef and n_features_in disagree") != std::string::npos);
}

// States that pass the shape checks but would index out of bounds in
// transform or partial_fit: a periodic knot layout with degree > n_splines,
// and naive Bayes classes out of order.
BOOST_AUTO_TEST_CASE(states_that_would_index_out_of_bounds_are_format_errors) {
  const auto path = testing::scratch_dir("learn_persistence") / "out_of_bounds.scl";
  io::BinaryWriter spline;
  spline.put_string("SplineTransformer");
  spline.put_u64(0);
  spline.put_bool(true);
  spline.put_string("n_features_in");
  spline.put_i64(1);
  spline.put_string("bspline_knots");
  spline.put_matrix(Vector::LinSpaced(8, 0, 7));  // 8 knots, degree 3: 4 bases = n_splines 1 + degree 3
  spline.put_string("degree");
  spline.put_i64(3);
  spline.put_string("n_splines");
  spline.put_i64(1);
  spline.put_string("include_bias");
  spline.put_bool(true);
  spline.put_string("n_features_out");
  spline.put_i64(1);
  io::write_container(path, "SCLMODEL", model_format_version, spline.bytes());
  BOOST_CHECK_THROW((void)load(path), FormatError);

  io::BinaryWriter bayes;
  bayes.put_string("GaussianNB");
  bayes.put_u64(0);
  bayes.put_bool(true);
  bayes.put_string("n_features_in");
  bayes.put_i64(1);
  bayes.put_string("classes");
  bayes.put_vector(Eigen::Vector2d(5, 0));
  for (const char* name : {"theta", "var"}) {
    bayes.put_string(name);
    bayes.put_matrix(Matrix::Ones(2, 1));
  }
  for (const char* name : {"class_prior", "class_count"}) {
    bayes.put_string(name);
    bayes.put_vector(Eigen::Vector2d(0.5, 0.5));
  }
  bayes.put_string("epsilon");
  bayes.put_f64(1e-9);
  io::write_container(path, "SCLMODEL", model_format_version, bayes.bytes());
  const std::string message = testing::message_of<FormatError>([&] { (void)load(path); });
  BOOST_TEST(message.find("classes must be strictly increasing") != std::string::npos);
}

// A matrix may declare 0 x 2^40 entries (no bytes); reading it must not
// spin over its columns (the model fuzzer found this as a 10 s timeout).
BOOST_AUTO_TEST_CASE(an_empty_matrix_with_a_huge_dimension_is_read_at_once) {
  const auto path = testing::scratch_dir("learn_persistence") / "empty_huge.scl";
  io::BinaryWriter record;
  record.put_string("LogisticRegression");
  record.put_u64(0);
  record.put_bool(true);
  record.put_string("n_features_in");
  record.put_i64(2);
  record.put_string("classes");
  record.put_vector(Eigen::Vector2d(0, 1));
  record.put_string("coef");
  record.put_u64(0);                       // rows
  record.put_u64(std::uint64_t{1} << 40);  // columns
  io::write_container(path, "SCLMODEL", model_format_version, record.bytes());
  const auto start = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW((void)load(path), FormatError);
  BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.0);
}

BOOST_AUTO_TEST_CASE(deeply_nested_records_are_refused) {
  const auto path = testing::scratch_dir("learn_persistence") / "nested.scl";
  io::BinaryWriter record;
  for (int depth = 0; depth < 100; ++depth) {  // Pipeline of one step that is a Pipeline of one step ...
    record.put_string("Pipeline");
    record.put_u64(1);
    record.put_string("p");
    record.put_bool(true);
  }
  io::write_container(path, "SCLMODEL", model_format_version, record.bytes());
  BOOST_CHECK_THROW((void)load(path), FormatError);
}

// Files written by earlier builds at format version 1 still load, answer as
// the models they were saved from, and are written back byte for byte: the
// format cannot drift without the version changing.
BOOST_AUTO_TEST_CASE(committed_version_1_files_still_load) {
  for (const auto& [name, model] : golden_models()) {
    BOOST_TEST_CONTEXT(name) {
      const auto path = testing::fixture_path("learn/models/" + name + ".scl");
      BOOST_TEST(io::read_container(path, "SCLMODEL", 1, model_format_version).version == 1u);
      const auto loaded = load(path);
      BOOST_TEST(loaded->name() == model->name());
      BOOST_TEST(loaded->get_params().size() == model->get_params().size());
      BOOST_TEST(loaded->is_fitted() == model->is_fitted());
      const auto again = testing::scratch_dir("learn_persistence") / (name + "_again.scl");
      save(*loaded, again);
      // Until the format changes, the writer reproduces the file exactly; after
      // that, a version-1 file still loads (above) but is written as the new version.
      if (model_format_version == 1) BOOST_TEST((read_bytes(again) == read_bytes(path)));
      if (!model->is_fitted()) continue;
      // The loaded model holds the state fitted when the file was written; a
      // refit today may differ by its solver's tolerance (lbfgs: gradient
      // norm 1e-4 on a problem scaled to O(1)), so predictions agree to 1e-5.
      const Matrix X = golden_input(name);
      const Matrix ours =
          model->has(Method::predict_proba) ? Matrix(loaded->predict_proba(X)) : Matrix(loaded->predict(X));
      const Matrix fresh =
          model->has(Method::predict_proba) ? Matrix(model->predict_proba(X)) : Matrix(model->predict(X));
      BOOST_TEST((ours - fresh).cwiseAbs().maxCoeff() < 1e-5);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
