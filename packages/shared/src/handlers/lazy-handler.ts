/**
 * Wraps a handler factory so that the handler, and the clients it builds,
 * are created on the first invocation and reused by later ones. Importing
 * the module then reads no environment, so tests can import the factory.
 */
export function lazyHandler<TEvent, TContext, TResult>(
  build: () => (event: TEvent, context: TContext) => Promise<TResult>,
): (event: TEvent, context: TContext) => Promise<TResult> {
  let handler:
    | ((event: TEvent, context: TContext) => Promise<TResult>)
    | undefined;
  return (event, context) => {
    handler ??= build();
    return handler(event, context);
  };
}
