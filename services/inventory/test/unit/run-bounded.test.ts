import {
  runBounded,
  runBoundedOrThrow,
} from '../../src/reservation/run-bounded';

/** Creates a task whose calls stay pending until the test settles them. */
function controlledTask() {
  let running = 0;
  let maxRunning = 0;
  const started: number[] = [];
  const settle = new Map<number, (error?: unknown) => void>();

  const task = (item: number) =>
    new Promise<number>((resolve, reject) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      started.push(item);
      settle.set(item, (error) => {
        running -= 1;
        if (error === undefined) resolve(item * 10);
        else reject(error);
      });
    });

  return {
    task,
    started,
    maxRunning: () => maxRunning,
    settle: (item: number, error?: unknown) => settle.get(item)?.(error),
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('runBounded', () => {
  it('returns results in input order', async () => {
    const items = Array.from({ length: 25 }, (_, i) => i);

    const run = await runBounded(items, 4, async (item) => {
      await flush();
      return item;
    });

    expect(run.results).toEqual(items);
    expect(run.errors).toEqual([]);
  });

  it('never exceeds the concurrency', async () => {
    const control = controlledTask();
    const items = [0, 1, 2, 3, 4, 5];

    const pending = runBounded(items, 2, control.task);
    for (const item of items) {
      await flush();
      control.settle(item);
    }
    await pending;

    expect(control.maxRunning()).toBe(2);
  });

  it('starts nothing new after a failure', async () => {
    const control = controlledTask();

    const pending = runBounded([0, 1, 2, 3], 2, control.task);
    await flush();
    control.settle(0, new Error('boom'));
    await flush();
    control.settle(1);
    const run = await pending;

    expect(control.started).toEqual([0, 1]);
    expect(run.results).toEqual([undefined, 10, undefined, undefined]);
  });

  it('waits for running tasks after a failure', async () => {
    const control = controlledTask();
    let settled = false;

    const pending = runBounded([0, 1], 2, control.task).then(() => {
      settled = true;
    });
    await flush();
    control.settle(0, new Error('boom'));
    await flush();

    expect(settled).toBe(false);
    control.settle(1);
    await pending;
    expect(settled).toBe(true);
  });

  it('lists errors in input order', async () => {
    const control = controlledTask();

    const pending = runBounded([0, 1], 2, control.task);
    await flush();
    control.settle(1, 'second');
    control.settle(0, 'first');
    const run = await pending;

    expect(run.errors.map((entry) => entry.error)).toEqual(['first', 'second']);
  });

  it('returns empty results for no items', async () => {
    const run = await runBounded([], 10, async () => 1);

    expect(run).toEqual({ results: [], errors: [] });
  });
});

describe('runBoundedOrThrow', () => {
  it('throws the first failure', async () => {
    const failing = runBoundedOrThrow([1, 2], 1, async (item) => {
      if (item === 1) throw new Error(`failed ${item}`);
      return item;
    });

    await expect(failing).rejects.toThrow('failed 1');
  });
});
