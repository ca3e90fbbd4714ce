import type { FunctionSpec } from '../template/readFunctions';

/** A function the local cloud runs, with its handler module located. */
export interface LocalFunction extends FunctionSpec {
  service: string;
  modulePath: string;
  exportName: string;
}
