// One colour per ML stage, shared by the stage ribbon and its legend.
export const STAGE_COLOURS: Record<string, string> = {
  data_exploration: '#4e79a7',
  preprocessing: '#f28e2b',
  training_monitoring: '#59a14f',
  model_evaluation: '#e15759',
  explainability: '#b07aa1',
  fairness: '#edc948',
  other: '#bab0ac',
};

export const words = (s: string) => s.replace(/_/g, ' ');
