import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake platform received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export type Responder = (
  request: ReceivedRequest,
) =>
  | { status: number; body?: unknown }
  | Promise<{ status: number; body?: unknown }>;

/** An HTTP server on 127.0.0.1 that responds with `respond`. */
export interface FakePlatform {
  url: string;
  requests: ReceivedRequest[];
  stop(): Promise<void>;
}

export async function startFakePlatform(
  respond: Responder,
): Promise<FakePlatform> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
      requests.push(request);
      const response = await respond(request);
      outgoing.writeHead(response.status, {
        'content-type': 'application/json',
      });
      outgoing.end(
        response.body === undefined ? '' : JSON.stringify(response.body),
      );
    });
  });

  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
