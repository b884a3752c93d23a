#pragma once
// The one list of estimators that the shared conformance suite
// (conformance_test.cpp) runs over. A new estimator adds one entry here.

#include <functional>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

namespace scilearn::testing {

struct ConformanceCase {
  // A fresh, unfitted estimator with the hyper-parameters to test.
  std::function<learn::EstimatorPtr()> make;
  // Whether fit takes sample_weight (then weight k must equal k copies of a row).
  bool sample_weight = true;
  // Whether the model ignores the order of the samples (exactly, up to rounding).
  bool order_invariant = true;
};

inline std::vector<ConformanceCase> conformance_cases() {
  using namespace learn;
  return {
      {[] { return std::make_shared<StandardScaler>(); }},
      {[] { return std::make_shared<StandardScaler>(StandardScaler::Params{.with_mean = false}); }},
      {[] { return std::make_shared<LinearRegression>(); }},
      {[] { return std::make_shared<LinearRegression>(LinearRegression::Params{.fit_intercept = false}); }},
      {[] { return std::make_shared<LinearRegression>(LinearRegression::Params{.positive = true}); }},
      {[] { return std::make_shared<Pipeline>(make_pipeline(StandardScaler(), LinearRegression())); }},
      {[] {
        return std::make_shared<Pipeline>(
            Pipeline({{"scale", StandardScaler()}, {"skip", passthrough}, {"ols", LinearRegression()}}));
      }},
      {[] {
         return std::make_shared<FeatureUnion>(
             std::vector<UnionItem>{{"scaled", StandardScaler()}, {"raw", passthrough}, {"gone", drop}});
       },
       /*sample_weight=*/false},
      {[] {
         return std::make_shared<ColumnTransformer>(
             std::vector<ColumnItem>{{"scale", StandardScaler(), {0, 2}}, {"keep", passthrough, {1}}});
       },
       /*sample_weight=*/false},
      {[] {
        return std::make_shared<TransformedTargetRegressor>(
            TransformedTargetRegressor::Params{.transformer = std::make_shared<StandardScaler>()});
      }},
  };
}

}  // namespace scilearn::testing
