import { describe, expect, it } from 'vitest';
import { labelVisualisation } from './label';
import { call, input } from './test-input';

const labels = (i: Parameters<typeof labelVisualisation>[0]) => {
  const l = labelVisualisation(i);
  return { chart: l.chartType.value, lib: l.library.value, stage: l.mlStage.value, multi: l.multiPanel.value, l };
};

describe('labelVisualisation', () => {
  it('sns.heatmap(confusion_matrix(...)) is a confusion matrix drawn by seaborn, in evaluation', () => {
    const r = labels(input({
      data: [call('sklearn.ensemble.RandomForestClassifier.fit', ['X', 'y']), call('sklearn.ensemble.RandomForestClassifier.predict', ['X_test']), call('sklearn.metrics.confusion_matrix', ['y_test', 'y_pred'])],
      draw: [call('seaborn.heatmap', ['confusion_matrix(y_test, y_pred)'], { annot: 'True' }), call('matplotlib.pyplot.title', ["'CM'"])],
    }));
    expect([r.chart, r.lib, r.stage, r.multi]).toEqual(['confusion_matrix', 'seaborn', 'model_evaluation', false]);
  });

  it('sns.heatmap(df.corr()) is a heatmap of exploration', () => {
    const r = labels(input({
      data: [call('pandas.read_csv', ["'train.csv'"]), call('pandas.DataFrame.corr')],
      draw: [call('matplotlib.pyplot.figure', [], { figsize: '(10, 8)' }), call('seaborn.heatmap', ['df.corr()'], { annot: 'True' })],
      code: "df = pd.read_csv('train.csv')\nplt.figure(figsize=(10, 8))\nsns.heatmap(df.corr(), annot=True)",
    }));
    expect([r.chart, r.lib, r.stage]).toEqual(['heatmap', 'seaborn', 'data_exploration']);
  });

  it("plt.plot(history.history['loss']) is a learning curve of training monitoring", () => {
    const r = labels(input({
      data: [call('keras.Sequential.fit', ['X', 'y'], { epochs: '20' })],
      draw: [call('matplotlib.pyplot.plot', ["history.history['loss']"]), call('matplotlib.pyplot.plot', ["history.history['val_loss']"]), call('matplotlib.pyplot.xlabel', ["'epoch'"])],
      code: "history = model.fit(X, y, epochs=20)\nplt.plot(history.history['loss'])\nplt.plot(history.history['val_loss'])\nplt.xlabel('epoch')",
    }));
    expect([r.chart, r.lib, r.stage]).toEqual(['learning_curve', 'matplotlib', 'training_monitoring']);
  });

  it("df['age'].hist() is a pandas histogram", () => {
    const r = labels(input({ draw: [call('pandas.Series.hist', [], { bins: '20' })], code: "df['age'].hist(bins=20)" }));
    expect([r.chart, r.lib, r.multi]).toEqual(['histogram', 'pandas', false]);
  });

  it('an unresolved df.hist() on a whole frame is a multi-panel pandas histogram', () => {
    const r = labels(input({ draw: [call('df.hist', [], { figsize: '(12, 10)' })], code: 'df.hist(figsize=(12, 10))' }));
    expect([r.chart, r.lib, r.multi]).toEqual(['histogram', 'pandas', true]);
  });

  it('sns.histplot(x, kde=True) is a histogram; sns.kdeplot is a density; kind="kde" is a density', () => {
    expect(labels(input({ draw: [call('seaborn.histplot', ['x'], { kde: 'True' })] })).chart).toBe('histogram');
    expect(labels(input({ draw: [call('seaborn.kdeplot', ['x'], { shade: 'True' })] })).chart).toBe('density');
    expect(labels(input({ draw: [call('pandas.Series.plot', [], { kind: "'kde'" })] })).chart).toBe('density');
    expect(labels(input({ draw: [call('seaborn.distplot', ['x'], { hist: 'False' })] })).chart).toBe('density');
    expect(labels(input({ draw: [call('seaborn.distplot', ['x'])] })).chart).toBe('histogram');
  });

  it('shap.summary_plot is shap / shap / explainability', () => {
    const r = labels(input({ data: [call('shap.TreeExplainer', ['model']), call('shap.TreeExplainer.shap_values', ['X'])], draw: [call('shap.summary_plot', ['shap_values', 'X'])] }));
    expect([r.chart, r.lib, r.stage, r.multi]).toEqual(['shap', 'shap', 'explainability', false]);
  });

  it('a plotly express bar output is bar / plotly', () => {
    const fig = { data: [{ type: 'bar', x: ['a', 'b'], y: [1, 2] }], layout: { title: { text: 'Counts' }, xaxis: { title: { text: 'x' } } } };
    const r = labels(input({ draw: [call('plotly.express.bar', ['df'], { x: "'a'" })], output: { 'application/vnd.plotly.v1+json': fig }, mime: 'application/vnd.plotly.v1+json' }));
    expect([r.chart, r.lib, r.multi]).toEqual(['bar', 'plotly', false]);
  });

  it('a plotly output with make_subplots axes is multi-panel even with no code', () => {
    const fig = { data: [{ type: 'histogram', xaxis: 'x', yaxis: 'y' }, { type: 'histogram', xaxis: 'x2', yaxis: 'y2' }], layout: { xaxis2: {}, yaxis2: {} } };
    const r = labels(input({ draw: [], output: { 'application/vnd.plotly.v1+json': fig } }));
    expect([r.chart, r.lib, r.multi]).toEqual(['histogram', 'plotly', true]);
  });

  it('a twin y axis in plotly is not multi-panel', () => {
    const fig = { data: [{ type: 'scatter', mode: 'lines' }, { type: 'scatter', mode: 'lines', yaxis: 'y2' }], layout: { yaxis2: { overlaying: 'y', side: 'right' } } };
    expect(labels(input({ draw: [], output: { 'application/vnd.plotly.v1+json': fig } })).multi).toBe(false);
  });

  it('fig, axes = plt.subplots(2, 2) is multi-panel; plt.subplots() is not', () => {
    expect(labels(input({ draw: [call('matplotlib.pyplot.subplots', ['2', '2']), call('matplotlib.axes.Axes.hist', ['df.a'])] })).multi).toBe(true);
    expect(labels(input({ draw: [call('matplotlib.pyplot.subplots', [], { figsize: '(8,4)' }), call('matplotlib.axes.Axes.hist', ['df.a'])] })).multi).toBe(false);
  });

  it('sns.pairplot is a pair grid and not multi-panel', () => {
    const r = labels(input({ draw: [call('seaborn.pairplot', ['df'], { hue: "'species'" })] }));
    expect([r.chart, r.lib, r.multi, r.stage]).toEqual(['pair_grid', 'seaborn', false, 'data_exploration']);
  });

  it('a seaborn drawing customised with plt calls is seaborn; df.plot is pandas even under sns.set()', () => {
    expect(labels(input({ draw: [call('matplotlib.pyplot.figure'), call('seaborn.countplot', [], { x: "'Survived'" }), call('matplotlib.pyplot.title', ["'x'"]), call('matplotlib.pyplot.xticks', [], { rotation: '90' })] })).lib).toBe('seaborn');
    expect(labels(input({ draw: [call('seaborn.set'), call('pandas.DataFrame.plot', [], { kind: "'barh'" })] })).lib).toBe('pandas');
  });

  it('a helper function is labelled with the library it calls inside', () => {
    const inner = { ...call('seaborn.boxplot', [], { x: 'col' }), viaHelper: true };
    const r = labels(input({ draw: [call('plot_box', ["'Age'"])], data: [inner] }));
    expect([r.chart, r.lib]).toEqual(['box', 'seaborn']);
  });

  it('feature importances drawn as bars are feature_importance / explainability', () => {
    const r = labels(input({
      data: [call('sklearn.ensemble.RandomForestRegressor.fit', ['X', 'y'])],
      draw: [call('matplotlib.pyplot.barh', ['X.columns', 'model.feature_importances_'])],
      code: 'model.fit(X, y)\nplt.barh(X.columns, model.feature_importances_)',
    }));
    expect([r.chart, r.lib, r.stage]).toEqual(['feature_importance', 'matplotlib', 'explainability']);
  });

  it('library rules: xgboost plot_importance, export_graphviz and scipy dendrogram are other; plot_tree is sklearn', () => {
    expect(labels(input({ draw: [call('xgboost.plot_importance', ['model'])] })).lib).toBe('other');
    expect(labels(input({ draw: [call('sklearn.tree.export_graphviz', ['tree'])] })).chart).toBe('tree_or_graph');
    expect(labels(input({ draw: [call('sklearn.tree.export_graphviz', ['tree'])] })).lib).toBe('other');
    expect(labels(input({ draw: [call('scipy.cluster.hierarchy.dendrogram', ['Z'])] })).lib).toBe('other');
    const tree = labels(input({ draw: [call('sklearn.tree.plot_tree', ['clf'], { filled: 'True' })], data: [call('sklearn.tree.DecisionTreeClassifier.fit', ['X', 'y'])] }));
    expect([tree.chart, tree.lib, tree.stage]).toEqual(['tree_or_graph', 'sklearn', 'explainability']);
  });

  it('ROC from roc_curve is roc_curve / model_evaluation; missingno is missing_values', () => {
    const roc = labels(input({ data: [call('sklearn.metrics.roc_curve', ['y_test', 'proba'])], draw: [call('matplotlib.pyplot.plot', ['fpr', 'tpr'])], code: 'fpr, tpr, _ = roc_curve(y_test, proba)\nplt.plot(fpr, tpr)' }));
    expect([roc.chart, roc.stage]).toEqual(['roc_curve', 'model_evaluation']);
    const msno = labels(input({ draw: [call('missingno.matrix', ['df'])] }));
    expect([msno.chart, msno.lib, msno.stage]).toEqual(['missing_values', 'missingno', 'data_exploration']);
  });

  it('imshow of one raw image is other; of a grid of samples is image_grid, multi-panel', () => {
    const one = labels(input({ draw: [call('matplotlib.pyplot.imshow', ['img'])], code: "img = plt.imread('a.png')\nplt.imshow(img)" }));
    expect(one.chart).toBe('other');
    const grid = labels(input({
      draw: [call('matplotlib.pyplot.subplots', ['3', '3']), call('matplotlib.axes.Axes.imshow', ['X_train[i]']), call('matplotlib.axes.Axes.imshow', ['X_train[i]'])],
      code: 'fig, axes = plt.subplots(3, 3)\nfor i, ax in enumerate(axes.flat):\n    ax.imshow(X_train[i])',
    }));
    expect([grid.chart, grid.multi]).toEqual(['image_grid', true]);
  });

  it('a scatter of projected data is exploration; explained variance is preprocessing; predictions are evaluation', () => {
    expect(labels(input({ data: [call('sklearn.decomposition.PCA.fit_transform', ['X'])], draw: [call('matplotlib.pyplot.scatter', ['Xp[:,0]', 'Xp[:,1]'], { c: 'y' })] })).stage).toBe('data_exploration');
    expect(labels(input({ data: [call('sklearn.decomposition.PCA.fit', ['X'])], draw: [call('matplotlib.pyplot.plot', ['np.cumsum(pca.explained_variance_ratio_)'])], code: 'pca.fit(X)\nplt.plot(np.cumsum(pca.explained_variance_ratio_))' })).stage).toBe('preprocessing');
    const pred = labels(input({ data: [call('sklearn.linear_model.LinearRegression.predict', ['X_test'])], draw: [call('matplotlib.pyplot.scatter', ['y_test', 'y_pred'])] }));
    expect([pred.chart, pred.stage]).toEqual(['scatter', 'model_evaluation']);
  });

  it('a sweep of scores gathered in a loop is a line of model evaluation', () => {
    const r = labels(input({ draw: [call('matplotlib.pyplot.plot', ['k_values', 'scores'])], code: 'scores = []\nfor k in k_values:\n    scores.append(run(k))\nplt.plot(k_values, scores)' }));
    expect([r.chart, r.stage]).toEqual(['line', 'model_evaluation']);
  });

  it("plt.plot with a marker-only format draws a scatter; with a line style, a line", () => {
    expect(labels(input({ draw: [call('matplotlib.pyplot.plot', ['x', 'y', "'o'"])] })).chart).toBe('scatter');
    expect(labels(input({ draw: [call('matplotlib.pyplot.plot', ['x', 'y'], { linestyle: "'none'", marker: "'.'" })] })).chart).toBe('scatter');
    expect(labels(input({ draw: [call('matplotlib.pyplot.plot', ['x', 'y', "'r--'"])] })).chart).toBe('line');
  });
});
