/** Base class of every error this package raises. */
export class LocalCloudError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A template that cannot be read or resolved. */
export class TemplateError extends LocalCloudError {
  readonly logicalId: string | undefined;

  constructor(
    message: string,
    options?: ErrorOptions & { logicalId?: string },
  ) {
    super(message, options);
    this.logicalId = options?.logicalId;
  }
}

/**
 * A template that imports another stack's export. Every stack must deploy
 * alone, so the local cloud rejects cross-stack references.
 */
export class ImportValueError extends TemplateError {
  readonly exportName: string;

  constructor(exportName: string) {
    super(
      `Fn::ImportValue of "${exportName}" is not supported: stacks must not depend on each other's exports`,
    );
    this.exportName = exportName;
  }
}

/** Options or templates that together cannot run, found at start. */
export class ConfigurationError extends LocalCloudError {}

/** Two functions of one service set one variable to different values. */
export class EnvironmentConflictError extends ConfigurationError {
  readonly variable: string;
  readonly functionNames: [string, string];

  constructor(variable: string, first: string, second: string) {
    super(
      `environment variable ${variable} has different values in functions ${first} and ${second}: one worker runs every function of a service, so give both the same value`,
    );
    this.variable = variable;
    this.functionNames = [first, second];
  }
}

/** `sls package` failed for a service. */
export class PackagingError extends LocalCloudError {
  readonly service: string;

  constructor(service: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.service = service;
  }
}

/** Base class of failed invocations. */
export class InvocationError extends LocalCloudError {
  readonly functionName: string;
  readonly errorType: string;

  constructor(
    functionName: string,
    errorType: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.functionName = functionName;
    this.errorType = errorType;
  }
}

/** The handler threw or rejected. */
export class FunctionError extends InvocationError {}

/** The invocation ran past the function's Timeout. */
export class FunctionTimeoutError extends InvocationError {
  constructor(functionName: string, timeoutSeconds: number) {
    super(
      functionName,
      'Sandbox.Timedout',
      `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
    );
  }
}

/** The worker process running the invocation exited. */
export class RuntimeExitError extends InvocationError {
  constructor(functionName: string, detail: string) {
    super(
      functionName,
      'Runtime.ExitError',
      `worker process exited before the invocation finished: ${detail}`,
    );
  }
}

/** waitForIdle ran out of time. */
export class IdleTimeoutError extends LocalCloudError {
  readonly busy: string[];

  constructor(timeoutMs: number, busy: string[]) {
    super(`local cloud was not idle after ${timeoutMs} ms: ${busy.join('; ')}`);
    this.busy = busy;
  }
}
