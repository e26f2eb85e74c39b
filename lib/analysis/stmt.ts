// The plain facts read from one top-level statement (statements.ts) and its calls.
import type { ResolvedCall } from './types';

export interface Call extends ResolvedCall {
  /** Root identifier of the receiver (`ax` in `ax.set_title`, `df` in `df['a'].hist`). */
  receiver: string | null;
  /** Inferred type of the receiver expression, when known. */
  receiverType: string | null;
  /** The statement defining the notebook function this call runs, when it calls one. */
  helper: number | null;
  /** Root identifier of an `ax=` keyword argument. */
  axArg: string | null;
  /** Names the call's value is assigned to (`g = sns.pairplot(...)` -> ['g']). */
  assignedTo: string[];
}

export interface Stmt {
  /** Position in the whole program (execution order). */
  index: number;
  cell: number;
  first: number;
  last: number;
  defs: string[];
  uses: string[];
  updates: string[];
  /** Calls this statement executes, in evaluation order (a def's body calls are in `helperCalls`). */
  calls: Call[];
  loop: boolean;
  /** Function definitions: the calls of the body, run when the function is called. */
  helperCalls: Call[] | null;
  /** Expression statements: the inferred type of the value (a cell's last one is displayed). */
  exprType: string | null;
  /** An import statement. */
  isImport: boolean;
  /** An expression statement (not an assignment): a cell's last one is displayed. */
  isExpression: boolean;
}
