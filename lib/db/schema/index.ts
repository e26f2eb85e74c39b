export * from './notebooks';
export * from './visualisations';
