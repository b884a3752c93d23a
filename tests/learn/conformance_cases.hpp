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
      // Preprocessing transformers: fit(X, y=None) takes no sample_weight.
      {[] { return std::make_shared<MinMaxScaler>(); }, false},
      {[] {
         return std::make_shared<MinMaxScaler>(MinMaxScaler::Params{.feature_range = {-1, 1}, .clip = true});
       },
       false},
      {[] { return std::make_shared<MaxAbsScaler>(); }, false},
      {[] { return std::make_shared<RobustScaler>(); }, false},
      {[] {
         return std::make_shared<RobustScaler>(RobustScaler::Params{.with_centering = false, .unit_variance = true});
       },
       false},
      {[] { return std::make_shared<Normalizer>(); }, false},
      {[] { return std::make_shared<Binarizer>(); }, false},
      {[] { return std::make_shared<OneHotEncoder>(); }, false},
      {[] {
         return std::make_shared<OneHotEncoder>(OneHotEncoder::Params{
             .drop = OneHotDrop::first, .handle_unknown = OneHotHandleUnknown::ignore, .max_categories = 5});
       },
       false},
      {[] { return std::make_shared<OrdinalEncoder>(); }, false},
      {[] { return std::make_shared<PolynomialFeatures>(); }, false},
      {[] { return std::make_shared<PowerTransformer>(); }, false},
      {[] { return std::make_shared<KBinsDiscretizer>(); }, false},
      {[] {
         return std::make_shared<KBinsDiscretizer>(
             KBinsDiscretizer::Params{.n_bins = 3, .encode = KBinsEncode::ordinal, .strategy = KBinsStrategy::kmeans});
       },
       false},
      {[] {
         return std::make_shared<QuantileTransformer>(
             QuantileTransformer::Params{.n_quantiles = 20, .output_distribution = QuantileOutput::normal});
       },
       false},
      {[] {
         return std::make_shared<PolynomialFeatures>(
             PolynomialFeatures::Params{.degree = 3, .interaction_only = true, .include_bias = false});
       },
       false},
      // SplineTransformer's fit takes sample_weight: uniform knots ignore rows of
      // weight 0 (so weights equal copies); weighted quantiles are the inverted
      // CDF, not the linear percentile of copies, hence no weight check there.
      {[] { return std::make_shared<SplineTransformer>(); }},
      {[] {
        return std::make_shared<SplineTransformer>(SplineTransformer::Params{
            .n_knots = 4, .degree = 1, .extrapolation = SplineExtrapolation::linear, .include_bias = false});
      }},
      {[] {
         return std::make_shared<SplineTransformer>(SplineTransformer::Params{
             .degree = 2, .knots = SplineKnotPlacement::quantile, .extrapolation = SplineExtrapolation::periodic});
       },
       false},
      {[] {
         return std::make_shared<FunctionTransformer>(FunctionTransformer::Params{
             .func = [](const MatrixView& X) { return Matrix(X.array() * 2.0 + 1.0); },
             .inverse_func = [](const MatrixView& X) { return Matrix((X.array() - 1.0) / 2.0); }});
       },
       false},
      // Imputers (allows_nan): the suite's data have no missing value, so
      // transform returns X (with statistics learned all the same); fit
      // takes no sample_weight. Their own tests cover missing values.
      {[] { return std::make_shared<SimpleImputer>(); }, false},
      {[] {
         return std::make_shared<SimpleImputer>(
             SimpleImputer::Params{.strategy = SimpleImputerStrategy::most_frequent, .add_indicator = true});
       },
       false},
      {[] {
         return std::make_shared<SimpleImputer>(
             SimpleImputer::Params{.strategy = SimpleImputerStrategy::median, .keep_empty_features = true});
       },
       false},
      {[] { return std::make_shared<KNNImputer>(); }, false},
      {[] {
         return std::make_shared<KNNImputer>(
             KNNImputer::Params{.n_neighbors = 2, .weights = KNNImputerWeights::distance, .add_indicator = true});
       },
       false},
      // MissingIndicator's default ("missing-only") has no output column on
      // NaN-free data; "all" has one per feature.
      {[] { return std::make_shared<MissingIndicator>(MissingIndicator::Params{.features = MissingFeatures::all}); },
       false},
      // Feature selection: fit(X, y) takes no sample_weight; the scores are
      // sums over samples, so another order moves them by rounding only.
      {[] { return std::make_shared<VarianceThreshold>(); }, false},
      {[] { return std::make_shared<VarianceThreshold>(VarianceThreshold::Params{.threshold = 0.5}); }, false},
      {[] { return std::make_shared<SelectKBest>(SelectKBest::Params{.score_func = ScoreFunc::f_regression, .k = 2}); },
       false},
      {[] {
         return std::make_shared<SelectKBest>(SelectKBest::Params{.score_func = ScoreFunc::r_regression, .k = "all"});
       },
       false},
      {[] {
         return std::make_shared<SelectPercentile>(
             SelectPercentile::Params{.score_func = ScoreFunc::f_regression, .percentile = 50});
       },
       false},
      {[] { return std::make_shared<LinearRegression>(); }},
      {[] { return std::make_shared<LinearRegression>(LinearRegression::Params{.fit_intercept = false}); }},
      {[] { return std::make_shared<LinearRegression>(LinearRegression::Params{.positive = true}); }},
      // Coordinate descent: tight tol, so that another sample order (which
      // changes the rounding of every sum) moves the answer by rounding only.
      {[] { return std::make_shared<Lasso>(Lasso::Params{.alpha = 0.05, .tol = 1e-12}); }},
      {[] {
        return std::make_shared<ElasticNet>(
            ElasticNet::Params{.alpha = 0.1, .l1_ratio = 0.3, .precompute = true, .tol = 1e-12});
      }},
      {[] {
        return std::make_shared<Lasso>(
            Lasso::Params{.alpha = 0.02, .fit_intercept = false, .tol = 1e-12, .positive = true});
      }},
      // The CV estimators' folds are blocks of consecutive samples (KFold):
      // another order gives other folds, and weights other folds than copies.
      {[] { return std::make_shared<LassoCV>(LassoCV::Params{.alphas = 10, .tol = 1e-10, .cv = 3}); }, false, false},
      {[] {
         return std::make_shared<ElasticNetCV>(
             ElasticNetCV::Params{.l1_ratio = {0.2, 0.9}, .alphas = 8, .tol = 1e-10, .cv = 3});
       },
       false, false},
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
      // lbfgs stops on the objective's relative reduction (64 eps), where
      // another sample order's rounding moves the stopping point by more than
      // the order check allows (measured 1e-11 to 1e-8 at tol = 1e-8): the
      // same holds for scikit-learn's. newton-cholesky below passes it.
      {[] { return std::make_shared<LogisticRegression>(); }, true, false},
      {[] {
         return std::make_shared<LogisticRegression>(LogisticRegression::Params{.C = 100, .fit_intercept = false});
       },
       true, false},
      {[] {
        return std::make_shared<LogisticRegression>(
            LogisticRegression::Params{.class_weight = "balanced", .solver = LogisticSolver::newton_cholesky});
      }},
      // saga draws samples at random: a repeated row is not a weight and the
      // row order changes the draws.
      {[] {
         return std::make_shared<LogisticRegression>(
             LogisticRegression::Params{.l1_ratio = 0.5, .random_state = 0, .solver = LogisticSolver::saga});
       },
       false, false},
      // The folds follow the row order; a repeated row is not a weight either
      // (it may land in another fold).
      {[] { return std::make_shared<LogisticRegressionCV>(LogisticRegressionCV::Params{.Cs = 3, .cv = 3}); }, false,
       false},
      // GLMs: TweedieRegressor with power 0 fits any y; the Poisson, Gamma and
      // compound Poisson losses need y >= 0 (> 0), so they see the suite's y
      // mapped into [1, 3] by a MinMaxScaler (fitted on unweighted y, hence
      // no weight check there: the weighted and the repeated y have another
      // range). newton-cholesky at a tight tol lands on the minimizer to
      // rounding, so it passes the order check; lbfgs does not (above).
      {[] { return std::make_shared<TweedieRegressor>(); }, true, false},
      {[] {
        return std::make_shared<TweedieRegressor>(
            TweedieRegressor::Params{.alpha = 0.1, .solver = GLMSolver::newton_cholesky, .tol = 1e-10});
      }},
      {[] {
         return std::make_shared<TransformedTargetRegressor>(TransformedTargetRegressor::Params{
             .regressor = std::make_shared<PoissonRegressor>(
                 PoissonRegressor::Params{.solver = GLMSolver::newton_cholesky, .tol = 1e-10}),
             .transformer = std::make_shared<MinMaxScaler>(MinMaxScaler::Params{.feature_range = {1, 3}})});
       },
       false},
      {[] {
         return std::make_shared<TransformedTargetRegressor>(TransformedTargetRegressor::Params{
             .regressor = std::make_shared<GammaRegressor>(GammaRegressor::Params{.alpha = 0.01}),
             .transformer = std::make_shared<MinMaxScaler>(MinMaxScaler::Params{.feature_range = {1, 3}})});
       },
       false, false},
      {[] {
         return std::make_shared<TransformedTargetRegressor>(TransformedTargetRegressor::Params{
             .regressor = std::make_shared<TweedieRegressor>(TweedieRegressor::Params{
                 .power = 1.5, .alpha = 0.01, .solver = GLMSolver::newton_cholesky, .tol = 1e-10}),
             .transformer = std::make_shared<MinMaxScaler>(MinMaxScaler::Params{.feature_range = {1, 3}})});
       },
       false},
      // QuantileRegressor: the LP's optimum is one vertex on these data.
      {[] { return std::make_shared<QuantileRegressor>(QuantileRegressor::Params{.alpha = 0.01}); }},
      // RANSAC and Theil-Sen draw random subsets (seeded): another sample
      // order draws other rows; neither has weights equal to copies
      // (TheilSenRegressor takes none, RANSAC's subsets differ).
      {[] { return std::make_shared<RANSACRegressor>(RANSACRegressor::Params{.random_state = 0}); }, false, false},
      {[] {
         return std::make_shared<TheilSenRegressor>(
             TheilSenRegressor::Params{.max_subpopulation = 300, .random_state = 0});
       },
       false, false},
      {[] { return std::make_shared<Ridge>(); }},
      {[] {
        return std::make_shared<Ridge>(Ridge::Params{.alpha = 0.1, .fit_intercept = false, .solver = RidgeSolver::svd});
      }},
      // The iterative solvers at a tight tol: another sample order or
      // repeated rows change their iterates by rounding only.
      {[] { return std::make_shared<Ridge>(Ridge::Params{.tol = 1e-12, .solver = RidgeSolver::lsqr}); }},
      {[] { return std::make_shared<Ridge>(Ridge::Params{.tol = 1e-12, .solver = RidgeSolver::sparse_cg}); }},
      {[] { return std::make_shared<Ridge>(Ridge::Params{.tol = 1e-12, .positive = true}); }},
      {[] { return std::make_shared<RidgeClassifier>(); }},
      // "balanced" counts the labels, not the weights (as scikit-learn).
      {[] {
         return std::make_shared<RidgeClassifier>(RidgeClassifier::Params{.alpha = 3, .class_weight = "balanced"});
       },
       false},
      // Leaving out one of k repeated rows is not leaving out a row of weight
      // k, and k-fold splits depend on the order: no weight / order checks.
      {[] { return std::make_shared<RidgeCV>(); }, false},
      {[] {
         return std::make_shared<RidgeCV>(RidgeCV::Params{.gcv_mode = RidgeGcvMode::svd, .store_cv_results = true});
       },
       false},
      {[] { return std::make_shared<RidgeCV>(RidgeCV::Params{.cv = 3}); }, false, false},
      {[] { return std::make_shared<RidgeClassifierCV>(); }, false},
      // SGD: a sample weight scales one step, it does not repeat it, and the
      // steps follow the sample order (as in scikit-learn); a seed makes the
      // shuffled fits repeatable.
      {[] { return std::make_shared<SGDClassifier>(SGDClassifier::Params{.random_state = 0}); }, false, false},
      {[] {
         return std::make_shared<SGDClassifier>(SGDClassifier::Params{
             .loss = SGDLoss::log_loss, .penalty = SGDPenalty::elasticnet, .random_state = 0, .average = 1});
       },
       false, false},
      {[] {
         return std::make_shared<SGDClassifier>(
             SGDClassifier::Params{.loss = SGDLoss::modified_huber, .shuffle = false, .class_weight = "balanced"});
       },
       false, false},
      {[] { return std::make_shared<SGDRegressor>(SGDRegressor::Params{.random_state = 0}); }, false, false},
      {[] {
         return std::make_shared<SGDRegressor>(SGDRegressor::Params{.loss = SGDLoss::huber,
                                                                    .penalty = SGDPenalty::l1,
                                                                    .random_state = 0,
                                                                    .learning_rate = SGDLearningRate::adaptive,
                                                                    .early_stopping = true,
                                                                    .validation_fraction = 0.2});
       },
       false, false},
      {[] { return std::make_shared<Perceptron>(); }, false, false},
      {[] {
         return std::make_shared<PassiveAggressiveClassifier>(PassiveAggressiveClassifier::Params{.random_state = 0});
       },
       false, false},
      {[] {
         return std::make_shared<PassiveAggressiveRegressor>(PassiveAggressiveRegressor::Params{
             .loss = PassiveAggressiveRegressorLoss::squared_epsilon_insensitive, .random_state = 0});
       },
       false, false},
      // GaussianNB's epsilon is var_smoothing times the largest unweighted
      // feature variance (as in scikit-learn), so weights and repeated rows
      // give variances 1e-9 apart: the weight check runs with var_smoothing = 0.
      {[] { return std::make_shared<GaussianNB>(); }, false},
      {[] { return std::make_shared<GaussianNB>(GaussianNB::Params{.var_smoothing = 0}); }},
      {[] {
         return std::make_shared<GaussianNB>(GaussianNB::Params{.priors = {{0.2, 0.3, 0.5}}});
       },
       false},
      {[] { return std::make_shared<BernoulliNB>(); }},
      {[] { return std::make_shared<BernoulliNB>(BernoulliNB::Params{.alpha = 0.5, .fit_prior = false}); }},
      // The count models need X >= 0: the suite's normal data go through a
      // Binarizer (stateless, so weights and sample order still reach the
      // model unchanged).
      {[] { return std::make_shared<Pipeline>(make_pipeline(Binarizer(), MultinomialNB())); }},
      {[] {
        return std::make_shared<Pipeline>(make_pipeline(Binarizer(), ComplementNB(ComplementNB::Params{.norm = true})));
      }},
      {[] { return std::make_shared<Pipeline>(make_pipeline(Binarizer(), CategoricalNB())); }},
      // Discriminant analysis: fit(X, y) takes no sample_weight.
      {[] { return std::make_shared<LinearDiscriminantAnalysis>(); }, false},
      {[] {
         return std::make_shared<LinearDiscriminantAnalysis>(
             LinearDiscriminantAnalysis::Params{.solver = LdaSolver::lsqr, .shrinkage = "auto"});
       },
       false},
      {[] {
         return std::make_shared<LinearDiscriminantAnalysis>(LinearDiscriminantAnalysis::Params{
             .solver = LdaSolver::eigen, .shrinkage = 0.2, .priors = {{0.2, 0.3, 0.5}}, .n_components = 1});
       },
       false},
      {[] { return std::make_shared<QuadraticDiscriminantAnalysis>(); }, false},
      {[] {
         return std::make_shared<QuadraticDiscriminantAnalysis>(QuadraticDiscriminantAnalysis::Params{
             .solver = QdaSolver::eigen, .shrinkage = "auto", .store_covariance = true});
       },
       false},
      // Covariance estimators (kind other): fit(X) only; the suite compares
      // their score (the log-likelihood of X).
      {[] { return std::make_shared<EmpiricalCovariance>(); }, false},
      {[] { return std::make_shared<EmpiricalCovariance>(EmpiricalCovariance::Params{.store_precision = false}); },
       false},
      {[] { return std::make_shared<ShrunkCovariance>(ShrunkCovariance::Params{.shrinkage = 0.5}); }, false},
      {[] { return std::make_shared<LedoitWolf>(); }, false},
      {[] { return std::make_shared<OAS>(OAS::Params{.assume_centered = true}); }, false},
      {[] { return std::make_shared<GraphicalLasso>(GraphicalLasso::Params{.alpha = 0.05}); }, false},
      // MinCovDet's random starts follow the sample order: another order
      // may end at another local optimum of the C-steps.
      {[] { return std::make_shared<MinCovDet>(MinCovDet::Params{.random_state = 0}); }, false, false},
      // EllipticEnvelope: MinCovDet's fit, compared through predict (+1 / -1).
      {[] {
         return std::make_shared<EllipticEnvelope>(EllipticEnvelope::Params{.contamination = 0.2, .random_state = 0});
       },
       false, false},
      // Bayesian regression: BayesianRidge takes sample_weight (rows scaled by
      // sqrt(w), as scikit-learn); ARDRegression does not.
      {[] { return std::make_shared<BayesianRidge>(); }},
      {[] {
        return std::make_shared<BayesianRidge>(BayesianRidge::Params{
            .alpha_init = 2.0, .lambda_init = 0.5, .compute_score = true, .fit_intercept = false});
      }},
      {[] { return std::make_shared<ARDRegression>(); }, false},
      {[] { return std::make_shared<ARDRegression>(ARDRegression::Params{.threshold_lambda = 10.0}); }, false},
      // LARS, lasso-LARS and OMP take no sample_weight (as in scikit-learn).
      {[] { return std::make_shared<Lars>(); }, false},
      {[] { return std::make_shared<Lars>(Lars::Params{.precompute = false, .n_nonzero_coefs = 2}); }, false},
      {[] { return std::make_shared<LassoLars>(LassoLars::Params{.alpha = 0.01}); }, false},
      {[] {
         return std::make_shared<LassoLars>(
             LassoLars::Params{.alpha = 0.1, .fit_intercept = false, .fit_path = false, .positive = true});
       },
       false},
      {[] { return std::make_shared<LassoLarsIC>(); }, false},
      {[] {
         return std::make_shared<LassoLarsIC>(
             LassoLarsIC::Params{.criterion = InformationCriterion::bic, .noise_variance = 0.01});
       },
       false},
      {[] { return std::make_shared<OrthogonalMatchingPursuit>(); }, false},
      {[] {
         return std::make_shared<OrthogonalMatchingPursuit>(
             OrthogonalMatchingPursuit::Params{.tol = 0.5, .precompute = false});
       },
       false},
      // HuberRegressor: at the default tol, L-BFGS-B stops on a relative
      // reduction, where another order's or the repeated rows' rounding moves
      // the stopping point (as for LogisticRegression above); at tol = 1e-10
      // it runs to the minimizer and passes both checks.
      {[] { return std::make_shared<HuberRegressor>(); }, false, false},
      {[] {
         return std::make_shared<HuberRegressor>(
             HuberRegressor::Params{.epsilon = 1.5, .max_iter = 1000, .fit_intercept = false, .tol = 1e-10});
       },
       true, true},
      // sample_weight reaches the last step only, so the scaler of the
      // weighted fit differs from that of the repeated rows, and a penalized
      // logistic regression is not invariant to the features' scale; lbfgs
      // is not order invariant (above).
      {[] { return std::make_shared<Pipeline>(make_pipeline(StandardScaler(), LogisticRegression())); }, false, false},
  };
}

}  // namespace scilearn::testing
