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
      {LogisticRegression::class_name, &LogisticRegression::read},
      {LogisticRegressionCV::class_name, &LogisticRegressionCV::read},
      {PoissonRegressor::class_name, &PoissonRegressor::read},
      {GammaRegressor::class_name, &GammaRegressor::read},
      {TweedieRegressor::class_name, &TweedieRegressor::read},
      {QuantileRegressor::class_name, &QuantileRegressor::read},
      {RANSACRegressor::class_name, &RANSACRegressor::read},
      {TheilSenRegressor::class_name, &TheilSenRegressor::read},
      {Ridge::class_name, &Ridge::read},
      {RidgeClassifier::class_name, &RidgeClassifier::read},
      {RidgeCV::class_name, &RidgeCV::read},
      {RidgeClassifierCV::class_name, &RidgeClassifierCV::read},
      {ElasticNet::class_name, &ElasticNet::read},
      {Lasso::class_name, &Lasso::read},
      {MultiTaskElasticNet::class_name, &MultiTaskElasticNet::read},
      {MultiTaskLasso::class_name, &MultiTaskLasso::read},
      {LassoCV::class_name, &LassoCV::read},
      {ElasticNetCV::class_name, &ElasticNetCV::read},
      {GaussianNB::class_name, &GaussianNB::read},
      {SGDClassifier::class_name, &SGDClassifier::read},
      {SGDRegressor::class_name, &SGDRegressor::read},
      {Perceptron::class_name, &Perceptron::read},
      {PassiveAggressiveClassifier::class_name, &PassiveAggressiveClassifier::read},
      {PassiveAggressiveRegressor::class_name, &PassiveAggressiveRegressor::read},
      {MultinomialNB::class_name, &MultinomialNB::read},
      {ComplementNB::class_name, &ComplementNB::read},
      {BernoulliNB::class_name, &BernoulliNB::read},
      {CategoricalNB::class_name, &CategoricalNB::read},
      {Binarizer::class_name, &Binarizer::read},
      {FunctionTransformer::class_name, &FunctionTransformer::read},
      {KBinsDiscretizer::class_name, &KBinsDiscretizer::read},
      {MaxAbsScaler::class_name, &MaxAbsScaler::read},
      {MinMaxScaler::class_name, &MinMaxScaler::read},
      {Normalizer::class_name, &Normalizer::read},
      {OneHotEncoder::class_name, &OneHotEncoder::read},
      {OrdinalEncoder::class_name, &OrdinalEncoder::read},
      {PolynomialFeatures::class_name, &PolynomialFeatures::read},
      {PowerTransformer::class_name, &PowerTransformer::read},
      {QuantileTransformer::class_name, &QuantileTransformer::read},
      {RobustScaler::class_name, &RobustScaler::read},
      {SelectKBest::class_name, &SelectKBest::read},
      {SelectPercentile::class_name, &SelectPercentile::read},
      {VarianceThreshold::class_name, &VarianceThreshold::read},
      {SplineTransformer::class_name, &SplineTransformer::read},
      {TransformedTargetRegressor::class_name, &TransformedTargetRegressor::read},
      {SimpleImputer::class_name, &SimpleImputer::read},
      {KNNImputer::class_name, &KNNImputer::read},
      {MissingIndicator::class_name, &MissingIndicator::read},
      {EmpiricalCovariance::class_name, &EmpiricalCovariance::read},
      {ShrunkCovariance::class_name, &ShrunkCovariance::read},
      {LedoitWolf::class_name, &LedoitWolf::read},
      {OAS::class_name, &OAS::read},
      {GraphicalLasso::class_name, &GraphicalLasso::read},
      {MinCovDet::class_name, &MinCovDet::read},
      {EllipticEnvelope::class_name, &EllipticEnvelope::read},
      {LinearDiscriminantAnalysis::class_name, &LinearDiscriminantAnalysis::read},
      {QuadraticDiscriminantAnalysis::class_name, &QuadraticDiscriminantAnalysis::read},
      {BayesianRidge::class_name, &BayesianRidge::read},
      {ARDRegression::class_name, &ARDRegression::read},
      {Lars::class_name, &Lars::read},
      {LassoLars::class_name, &LassoLars::read},
      {LassoLarsIC::class_name, &LassoLarsIC::read},
      {OrthogonalMatchingPursuit::class_name, &OrthogonalMatchingPursuit::read},
      {HuberRegressor::class_name, &HuberRegressor::read},
      {"Pipeline", &Pipeline::read},
      {"FeatureUnion", &FeatureUnion::read},
      {"ColumnTransformer", &ColumnTransformer::read},
  };
  const auto found = readers.find(name);
  return found == readers.end() ? nullptr : found->second;
}

}  // namespace scilearn::learn::detail
