import { describe, expect, it } from 'vitest';
import { stageOfCell } from './stage';
import { call } from './test-input';

describe('stageOfCell', () => {
  it('reads a cell by the furthest pipeline step its calls reach', () => {
    expect(stageOfCell([call('pandas.read_csv', ["'train.csv'"]), call('pandas.DataFrame.describe')], "df = pd.read_csv('train.csv')\ndf.describe()")).toBe('data_exploration');
    expect(stageOfCell([call('sklearn.preprocessing.StandardScaler.fit_transform', ['X'])], 'X = StandardScaler().fit_transform(X)')).toBe('preprocessing');
    expect(stageOfCell([call('sklearn.ensemble.RandomForestClassifier.fit', ['X', 'y'])], 'model.fit(X, y)')).toBe('training_monitoring');
    expect(stageOfCell([call('sklearn.ensemble.RandomForestClassifier.fit', ['X', 'y']), call('sklearn.ensemble.RandomForestClassifier.predict', ['X_test']), call('sklearn.metrics.accuracy_score', ['y_test', 'p'])], '...')).toBe('model_evaluation');
    expect(stageOfCell([call('shap.TreeExplainer', ['model'])], 'explainer = shap.TreeExplainer(model)')).toBe('explainability');
    expect(stageOfCell([call('sklearn.model_selection.train_test_split', ['X', 'y'])], 'X_train, X_test = train_test_split(X, y)')).toBe('preprocessing');
    expect(stageOfCell([call('pandas.DataFrame.fillna', ['0'])], 'df.fillna(0)')).toBe('preprocessing');
    expect(stageOfCell([], 'import numpy as np')).toBe('other');
  });

  it('a plot of a training history is training monitoring; a plain chart of data is exploration', () => {
    expect(stageOfCell([call('matplotlib.pyplot.plot', ["history.history['loss']"])], "plt.plot(history.history['loss'])")).toBe('training_monitoring');
    expect(stageOfCell([call('seaborn.countplot', [], { x: "'Survived'" })], "sns.countplot(x='Survived', data=df)")).toBe('data_exploration');
  });
});
