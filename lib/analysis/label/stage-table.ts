// API-to-stage tables. The facts come from HeaderGen's public framework models (Venkatesh et al., SANER
// 2023: which pandas/sklearn/keras/xgboost APIs belong to data loading, EDA, cleaning, feature
// transformation, training, validation), mapped onto our seven stages, and widened with the APIs of the
// evaluation and explanation libraries (sklearn.metrics, model_selection, shap, lime, eli5, yellowbrick,
// scikit-plot, keras/torch training loops). Our own compact code, not HeaderGen's files.
import type { MlStage } from '../types';

/** Patterns on qualified call names (or their written form when unresolved), per stage signal. */
export const STAGE_CALLS: Array<{ re: RegExp; signal: Signal }> = [
  // explainability: model internals, importances, attributions
  { re: /plot_components$|^shap\.|^lime\.|^eli5\.|^interpret\.|^dtreeviz|PartialDependenceDisplay|partial_dependence|permutation_importance|^sklearn\.tree\.(plot_tree|export_graphviz|export_text)$|plot_importance$|get_feature_importance$|get_score$|FeatureImportances|\.feature_importance$/, signal: 'explain' },
  // dimensionality reduction: a projection is exploration, explained variance is a preprocessing choice
  { re: /^sklearn\.(decomposition|manifold)\.|^sklearn\.discriminant_analysis\.LinearDiscriminantAnalysis\.(fit_transform|transform|fit)$|^umap\.|^(PCA|TSNE|TruncatedSVD|UMAP)$/, signal: 'project' },
  // clustering models: their results are evaluated (taxonomy)
  { re: /^sklearn\.cluster\.|^(KMeans|DBSCAN|AgglomerativeClustering)$|^scipy\.cluster\.hierarchy\.(linkage|fcluster)$/, signal: 'cluster' },
  // feature transformation and engineering (HeaderGen: FEATURE_TRANSFORMATION / FEATURE_ENGINEERING / FEATURE_SELECTION)
  { re: /^sklearn\.preprocessing\.(?!LabelEncoder|OneHotEncoder|OrdinalEncoder|LabelBinarizer)\w+(\.(fit_transform|transform))?$|^sklearn\.feature_selection\.|^imblearn\.|\.fit_resample$|^scipy\.stats\.(boxcox|yeojohnson|zscore)$|^scipy\.special\.boxcox1p$|^numpy\.(log|log1p|log2|log10|sqrt|cbrt|exp|expm1)$|^(StandardScaler|MinMaxScaler|RobustScaler|PowerTransformer|QuantileTransformer|Normalizer|SMOTE)$|\.(fit_transform)$/, signal: 'transform' },
  // fitting and training loops (HeaderGen: MODEL_TRAINING, MODEL_BUILDING_AND_TRAINING)
  { re: /\.(fit|fit_generator|train_on_batch|partial_fit)$|^numpy\.polyfit$|^(np\.)?polyfit$|curve_fit$|^scipy\.stats\.linregress$|^(xgboost|lightgbm|catboost)\.(train|cv)$|^(?!re\.).*\.compile$|^(keras|tensorflow\.keras)\.(layers|models|Sequential|Model)|\.backward$|(^torch\.optim\.\w+|optimi[sz]er)\.step$|GridSearchCV$|RandomizedSearchCV$|BayesSearchCV$|optuna\.\w+\.optimize$|\.optimize$/, signal: 'train' },
  // evaluation (HeaderGen: MODEL_VALIDATION_AND_ASSEMBLING) + sklearn.metrics / model_selection scoring
  { re: /\.(predict|predict_proba|predict_log_proba|decision_function|evaluate|evaluate_generator|predict_generator|score|fit_predict|staged_predict)$|^sklearn\.metrics\.|^sklearn\.model_selection\.(cross_val_score|cross_validate|cross_val_predict|learning_curve|validation_curve|permutation_test_score)$|^(cross_val_score|cross_validate|cross_val_predict|confusion_matrix|classification_report|roc_curve|roc_auc_score|precision_recall_curve|accuracy_score|f1_score|mean_squared_error|mean_absolute_error|r2_score|silhouette_score|auc)$|^scikitplot\.metrics|^yellowbrick\.(classifier|regressor|cluster|model_selection)/, signal: 'evaluate' },
  // train/test splitting and cleaning (HeaderGen: DATA_SUB_SAMPLING_AND_TRAIN_TEST_SPLITTING, DATA_CLEANING_FILTERING,
  // encoders): a cell's stage only; a figure of such data is still exploration.
  { re: /^sklearn\.model_selection\.(train_test_split|\w*KFold|\w*ShuffleSplit|LeaveOneOut)|^(train_test_split)$|\.(fillna|dropna|drop_duplicates|interpolate)$|^pandas\.get_dummies$|^sklearn\.preprocessing\.(LabelEncoder|OneHotEncoder|OrdinalEncoder|LabelBinarizer)|^sklearn\.impute\./, signal: 'prepare' },
  // data loading and profiling (HeaderGen: DATA_LOADING, DATA_PROFILING_AND_EXPLORATORY_DATA_ANALYSIS)
  { re: /^pandas\.read_\w+$|\.read_(csv|excel|json|parquet|table|sql|feather|pickle)$|^seaborn\.load_dataset$|^sklearn\.datasets\.(load|fetch)_\w+$|\.(describe|value_counts|info|corr|isnull|isna|nunique|crosstab|groupby|pivot_table)$|^(keras|tensorflow\.keras)\.datasets\.|^(cv2\.imread|PIL\.Image\.open|matplotlib\.pyplot\.imread|matplotlib\.image\.imread)$|load_img$/, signal: 'data' },
];

export type Signal = 'explain' | 'train' | 'evaluate' | 'transform' | 'project' | 'cluster' | 'prepare' | 'data';

/** Names in the code (not calls) that carry stage meaning. */
export const STAGE_WORDS: Array<{ re: RegExp; signal: Signal | 'history' | 'explained_variance' | 'sweep' | 'residual' | 'protected' | 'synthetic' }> = [
  { re: /\bhistory\s*\[\s*['"]|\.history\b|\bevals_result\b|\bval_loss\b|\btrain_loss(es)?\b|\bval_acc(uracy)?\b|\bepochs?\b|\blosses\b/, signal: 'history' },
  { re: /\bfeature_importances?_?\b|\.coef_\b|\bshap_values\b|\bimportances?\b/, signal: 'explain' },
  { re: /explained_variance(_ratio)?_?/, signal: 'explained_variance' },
  { re: /\bcv_results_\b|\binertia_?\b|\bsilhouette\b|\bbest_params_\b|\belbow\b|\bscores?\s*\.\s*append\b|\b(k_range|neighbors|n_estimators_range|param_range|alphas)\b/, signal: 'sweep' },
  { re: /\bresidu(al|als)\b|\by_pred\b|\bpred(s|ictions?)?\b|\by_hat\b|\byhat\b/, signal: 'residual' },
  { re: /\b(sex|gender|race|ethnicity|religion|age_group|protected)\b/i, signal: 'protected' },
  { re: /\.labels_\b|\bcluster(s|_labels?)?\b/, signal: 'cluster' },
  { re: /\bnp\.log1?p?\(|\bnp\.sqrt\(|\bboxcox|\bscaled\b|\bnormali[sz]ed\b|\b_log\b|\blog_\w+\b|\bX_train_scaled\b|\bstandardi[sz]ed\b/, signal: 'transform' },
];

/** Priority when a code cell shows several signals: the latest pipeline step it reaches wins. */
export const CELL_STAGE_ORDER: Array<[Signal, MlStage]> = [
  ['explain', 'explainability'], ['evaluate', 'model_evaluation'], ['cluster', 'model_evaluation'],
  ['train', 'training_monitoring'], ['transform', 'preprocessing'], ['project', 'preprocessing'], ['prepare', 'preprocessing'],
  ['data', 'data_exploration'],
];

/** Markdown words around a figure that point to a stage (weak evidence). */
export const MARKDOWN_STAGE: Array<[RegExp, MlStage]> = [
  [/\b(shap|feature importances?|partial dependence|explainab\w+|interpretab\w+)\b/i, 'explainability'],
  [/\b(confusion matrix|roc curve|precision[- ]recall curve|residual plot|model comparison)\b/i, 'model_evaluation'],
  [/\b(learning curves?|training (loss|history)|validation loss)\b/i, 'training_monitoring'],
  [/\b(after (scaling|transformation|log|removing|outlier)|log[- ]transform\w*|box[- ]?cox|skewness (is )?(reduced|corrected)|normali[sz]ation|standardi[sz]ation|outliers? (removed|treatment))\b/i, 'preprocessing'],
  [/\b(fairness|bias against|disparate|demographic parity|equal(ized)? odds)\b/i, 'fairness'],
];
