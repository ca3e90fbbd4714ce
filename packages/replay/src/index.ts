export { DEFAULT_STOCK_RATIO, loadReplayPlan } from './load-plan';
export type { ReplayPlan } from './plan-types';
export { type ReplayOptions, runReplay } from './run-replay';
export { buildSampleCsv, writeSampleFile } from './sample-file';
export { SKIP_REASONS, type SkipReason } from './skip-reasons';
export type { ReplaySummary } from './summary';
