import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '../errors';

/** The only address the local cloud listens on. */
export const HOST = '127.0.0.1';

/**
 * Starts a server on 127.0.0.1 and returns its URL. Port 0 picks a free
 * port.
 */
export async function listen(
  server: Server,
  port: number,
  name: string,
): Promise<string> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    throw new ConfigurationError(
      `${name} could not listen on ${HOST}:${port}: ${(error as Error).message}; choose another port`,
      { cause: error },
    );
  }
  const address = server.address() as AddressInfo;
  return `http://${HOST}:${address.port}`;
}

/** Closes a server and every open connection, keep-alive ones included. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;

  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
