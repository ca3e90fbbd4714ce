import { lazyHandler } from '../../src/handlers/lazy-handler';

describe('lazyHandler', () => {
  it('builds nothing before the first call', () => {
    const build = jest.fn(() => async (event: number) => event);

    lazyHandler(build);

    expect(build).not.toHaveBeenCalled();
  });

  it('builds once for many calls', async () => {
    const build = jest.fn(() => async (event: number) => event * 2);
    const handler = lazyHandler(build);

    const results = [await handler(1, {}), await handler(2, {})];

    expect(results).toEqual([2, 4]);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
