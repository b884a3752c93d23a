// The one list of estimator classes a model file can hold. A new estimator
// adds one line here (and one entry to tests/learn/conformance_cases.hpp).
#include "persistence/registry.hpp"

#include <map>
#include <scilearn/learn.hpp>

namespace scilearn::learn::detail {

RecordReader find_record_reader(std::string_view name) {
  static const std::map<std::string_view, RecordReader> readers = {
      {LinearRegression::class_name, &LinearRegression::read},
      {StandardScaler::class_name, &StandardScaler::read},
      {TransformedTargetRegressor::class_name, &TransformedTargetRegressor::read},
      {"Pipeline", &Pipeline::read},
      {"FeatureUnion", &FeatureUnion::read},
      {"ColumnTransformer", &ColumnTransformer::read},
  };
  const auto found = readers.find(name);
  return found == readers.end() ? nullptr : found->second;
}

}  // namespace scilearn::learn::detail
