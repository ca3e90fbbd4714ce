/** The context fields a worker turns into a Lambda context object. */
export interface ContextData {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  /** A string, as in Lambda's Node.js runtime. */
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  /** Epoch milliseconds at which the invocation times out. */
  deadlineMs: number;
}

/** Sent by the parent to run one invocation. */
export interface InvokeMessage {
  type: 'invoke';
  invocationId: string;
  modulePath: string;
  exportName: string;
  event: unknown;
  context: ContextData;
}

/** An error in the shape Lambda reports function errors. */
export interface SerializedError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** Sent by a worker. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; invocationId: string; result?: unknown }
  | { type: 'error'; invocationId: string; error: SerializedError };
