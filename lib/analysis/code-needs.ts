// What a notebook's code needs from where it runs: the modules it imports and the data it reads,
// from the engine's reading of the code alone (no figure traced, nothing labelled), for callers that
// have no stored analysis at hand (the reproduction pre-flight and worker).
import type { NbCell } from '../notebooks';
import { getParser } from './parser';
import { readProgram } from './program';
import { datasetsRead, type DatasetRead } from './facts';

export interface CodeNeeds {
  imports: string[];
  datasets: DatasetRead[];
}

export async function codeNeeds(cells: NbCell[]): Promise<CodeNeeds> {
  const program = readProgram(await getParser(), cells);
  return { imports: program.imports, datasets: datasetsRead(program) };
}
