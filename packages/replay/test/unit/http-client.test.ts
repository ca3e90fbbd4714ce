import { PlatformRequestError } from '../../src/errors';
import { HttpClient } from '../../src/http-client';
import { type FakePlatform, startFakePlatform } from './fake-platform';

let platform: FakePlatform | undefined;

afterEach(async () => {
  await platform?.stop();
  platform = undefined;
});

describe('HttpClient', () => {
  it('retries a transient status', async () => {
    let calls = 0;
    platform = await startFakePlatform(() => {
      calls += 1;
      return calls < 3 ? { status: 503 } : { status: 200, body: { ok: 1 } };
    });
    const client = new HttpClient(platform.url, { baseDelayMs: 1 });

    const response = await client.request('GET', '/x', { label: 'GET /x' });

    expect(response).toEqual({ status: 200, body: { ok: 1 } });
    expect(client.retries).toBe(2);
    expect(client.errors.size).toBe(0);
  });

  it('counts the final error status by label', async () => {
    platform = await startFakePlatform(() => ({
      status: 422,
      body: { message: 'unknown SKU' },
    }));
    const client = new HttpClient(platform.url, { baseDelayMs: 1 });

    const response = await client.request('POST', '/orders', {
      label: 'POST /orders',
      body: {},
    });

    expect(response.status).toBe(422);
    expect(client.errors.get('POST /orders')?.get('422')).toBe(1);
    expect(platform.requests).toHaveLength(1);
  });

  it('returns the last response when retries run out', async () => {
    platform = await startFakePlatform(() => ({ status: 500 }));
    const client = new HttpClient(platform.url, {
      baseDelayMs: 1,
      maxAttempts: 3,
    });

    const response = await client.request('GET', '/x', { label: 'GET /x' });

    expect(response.status).toBe(500);
    expect(platform.requests).toHaveLength(3);
    expect(client.errors.get('GET /x')?.get('500')).toBe(1);
  });

  it('raises PlatformRequestError without a response', async () => {
    platform = await startFakePlatform(() => ({ status: 200 }));
    const url = platform.url;
    await platform.stop();
    platform = undefined;
    const client = new HttpClient(url, { baseDelayMs: 1, maxAttempts: 2 });

    const request = client.request('GET', '/x', { label: 'GET /x' });

    await expect(request).rejects.toThrow(PlatformRequestError);
    expect(client.errors.get('GET /x')?.get('network')).toBe(1);
  });
});
