/**
 * Retries an assertion until it passes or the time runs out, then throws
 * its last error. For state reached asynchronously, such as messages
 * moving to a dead-letter queue; it asserts no duration.
 */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
