export type { LocalCloudOverrides } from './applyOverrides';
export { ACCOUNT_ID, FAKE_CREDENTIALS, REGION } from './awsConstants';
export {
  ConfigurationError,
  EnvironmentConflictError,
  FunctionError,
  FunctionTimeoutError,
  IdleTimeoutError,
  ImportValueError,
  InvocationError,
  LocalCloudError,
  PackagingError,
  RuntimeExitError,
  TemplateError,
} from './errors';
export type { LocalCloudStats, QueueStats } from './LocalCloudStats';
export {
  createConsoleLogger,
  type LogFields,
  type Logger,
  type LogLevel,
  silentLogger,
} from './logger';
export {
  type StandIn,
  type StandInOptions,
  startDynalite,
} from './servers/startDynalite';
export { startSqs } from './servers/startSqs';
export {
  DEFAULT_PORTS,
  type LocalCloud,
  type LocalCloudOptions,
  type LocalCloudPorts,
  type LocalCloudUrls,
  startLocalCloud,
} from './startLocalCloud';
export { type LocalCloudState, readRunningState } from './stateFile';
export type { CloudFormationTemplate } from './template/CloudFormationTemplate';
export {
  type CreatedQueue,
  type CreatedResources,
  type CreatedTable,
  type CreateResourcesOptions,
  createResourcesFromTemplate,
  type ResourceEndpoints,
} from './template/createResourcesFromTemplate';
export type { FunctionSpec } from './template/readFunctions';
