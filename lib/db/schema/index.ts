export * from './notebooks';
export * from './visualisations';
export * from './kaggle';
export * from './meta-kaggle';
export * from './reproduction';
export * from './coding';
export * from './auth';
export * from './analysis';
