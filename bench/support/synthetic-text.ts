// Building blocks of synthetic notebook text for bench/scale.ts: sentences of the kind Kaggle
// notebooks' markdown holds, and lines of the code they run. A cell is a few of these drawn at random,
// so full-text search meets common words ("model", "data") and rare ones ("fairness", "drift") in
// roughly the proportions of the real corpus (a rare sentence is listed once, a common one several times).

export const MARKDOWN_SENTENCES = [
  '## Exploratory data analysis',
  'Let us look at the distribution of the target variable before training any model.',
  'The data set has many missing values, so we impute them with the median of each column.',
  'We plot the correlation matrix to see which features are related to the sale price.',
  'The histogram shows that the age of passengers is skewed to the right.',
  'Next we train a gradient boosting model with XGBoost and evaluate it on the validation set.',
  'The confusion matrix shows that the classifier confuses the two minority classes.',
  'Feature importance tells us which variables the model relies on most.',
  'We use cross validation with five folds to estimate the accuracy of the model.',
  'The learning curve suggests that more training data would reduce overfitting.',
  'The ROC curve and its area under the curve summarise the ranking quality of the predictions.',
  '# Introduction',
  'In this notebook I explore the competition data and build a simple baseline.',
  'Thanks for reading! Please upvote if you found this notebook useful.',
  'We encode the categorical features with one hot encoding and scale the numerical ones.',
  'The scatter plot of living area against price shows a few outliers that we remove.',
  'Let us check the class balance of the training labels.',
  'The boxplots compare the fare paid by passengers in each class.',
  'We check the model for fairness across gender and age groups of the applicants.',
  'Data drift between the training and test periods could explain the drop in accuracy.',
  'SHAP values explain how each feature pushes an individual prediction up or down.',
  'We test the robustness of the model by adding noise to the input images.',
  'There is a risk of leakage because the target was computed after the prediction date.',
  'The word cloud shows the most frequent words in the tweets about disasters.',
  'A heatmap of the pivot table reveals seasonal patterns in the sales.',
  '## Model evaluation',
  '## Feature engineering',
  'We split the data into training and test sets with a stratified split.',
  'The loss decreases steadily during training and the validation loss flattens after ten epochs.',
  'Images of each digit are shown in a grid to get a feel for the data.',
] as const;

export const CODE_LINES = [
  'import numpy as np',
  'import pandas as pd',
  'import matplotlib.pyplot as plt',
  'import seaborn as sns',
  'import plotly.express as px',
  "df = pd.read_csv('../input/train.csv')",
  "test = pd.read_csv('../input/test.csv')",
  'df.head()',
  'df.describe()',
  'df.isnull().sum()',
  "df['Age'] = df['Age'].fillna(df['Age'].median())",
  "X = df.drop(columns=['target'])",
  "y = df['target']",
  'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)',
  'from sklearn.model_selection import train_test_split, cross_val_score',
  'from sklearn.metrics import confusion_matrix, classification_report, roc_auc_score',
  'from sklearn.ensemble import RandomForestClassifier',
  'model = RandomForestClassifier(n_estimators=200, max_depth=8)',
  'model.fit(X_train, y_train)',
  'pred = model.predict(X_test)',
  'print(classification_report(y_test, pred))',
  'cm = confusion_matrix(y_test, pred)',
  "sns.heatmap(cm, annot=True, fmt='d', cmap='Blues')",
  'sns.heatmap(df.corr(), annot=True)',
  "sns.countplot(x='Survived', hue='Sex', data=df)",
  "sns.histplot(df['SalePrice'], kde=True)",
  "plt.figure(figsize=(12, 6))",
  "plt.title('Distribution of the target')",
  'plt.show()',
  "plt.plot(history.history['loss'], label='train')",
  "plt.plot(history.history['val_loss'], label='validation')",
  "fig = px.scatter(df, x='GrLivArea', y='SalePrice', color='OverallQual')",
  'fig.show()',
  'import xgboost as xgb',
  'clf = xgb.XGBClassifier(learning_rate=0.05, n_estimators=500)',
  "importances = pd.Series(model.feature_importances_, index=X.columns).sort_values()",
  "importances.plot(kind='barh')",
  'scores = cross_val_score(model, X, y, cv=5)',
  'explainer = shap.TreeExplainer(model)',
  'shap.summary_plot(explainer.shap_values(X_test), X_test)',
  'wc = WordCloud(max_words=200).generate(text)',
  'fpr, tpr, _ = roc_curve(y_test, proba)',
] as const;

export const NOTEBOOK_TOPICS = [
  'Titanic', 'House Prices', 'Digit Recognizer', 'Disaster Tweets', 'Store Sales', 'Spaceship Titanic',
  'Credit Card Fraud', 'Heart Disease', 'COVID-19', 'Customer Churn', 'Santander', 'Home Credit',
] as const;

export const NOTEBOOK_KINDS = ['EDA', 'Baseline', 'XGBoost', 'Complete guide', 'Feature engineering', 'Deep learning', 'Visualisation'] as const;

/** The labels of tests/fixtures/analysis-labels.csv (347 figures of the real corpus), as value: count. */
export const LABEL_COUNTS = {
  chartType: {
    bar: 55, scatter: 42, line: 42, histogram: 35, box: 23, other: 20, image_grid: 18, heatmap: 17, confusion_matrix: 17,
    feature_importance: 15, learning_curve: 12, roc_curve: 10, map: 9, tree_or_graph: 7, density: 5, qq_plot: 5, pie: 4,
    wordcloud: 4, pair_grid: 4, pr_curve: 2, table_image: 1,
  },
  library: { seaborn: 116, matplotlib: 103, plotly: 55, other: 31, pandas: 30, wordcloud: 4, bokeh: 3, yellowbrick: 3, sklearn: 1, unknown: 1 },
  stage: { data_exploration: 180, model_evaluation: 87, preprocessing: 27, other: 21, explainability: 19, training_monitoring: 13 },
  multiPanelShare: 94 / 347,
};

/** A weighted list as a flat array (each value repeated by its count), to draw from uniformly in SQL. */
export function weighted(counts: Record<string, number>): string[] {
  return Object.entries(counts).flatMap(([v, n]) => Array<string>(n).fill(v));
}

/**
 * Most lines and sentences of a real notebook are about its own columns and numbers: these templates
 * ('#' becomes a number) make nine in ten of the synthetic ones, so a specific call such as
 * `sns.heatmap` lands in about 1 % of code cells and a topic such as "confusion matrix" in about 1 %
 * of markdown cells, as in the shared corpus.
 */
export const CODE_FILLER = [
  "df['col_#'] = df['col_#'].fillna(0)",
  "df['feature_#'] = df['col_#'] / df['col_#'].max()",
  "print(df['col_#'].value_counts())",
  'x_# = np.log1p(df.iloc[:, #])',
  "df = df.drop(columns=['col_#'])",
  "train['var_#'].describe()",
  "df.groupby('col_#')['target'].mean()",
  'params_# = {"max_depth": #, "n_estimators": #}',
] as const;

export const MARKDOWN_FILLER = [
  'Column col_# has # missing values, so we look at it more closely.',
  'The feature var_# takes # distinct values in the training set.',
  'Here we merge the table with the lookup of # rows.',
  'Version # of this kernel fixes a typo in the submission step.',
  'We keep the rows where the amount is above #.',
  'Step #: clean the column and check the result.',
] as const;
