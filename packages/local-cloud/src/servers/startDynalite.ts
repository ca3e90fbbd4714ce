/// <reference path="../types/dynalite.d.ts" />
import dynalite from 'dynalite';
import { closeServer, listen } from './listen';

/** A stand-in server running in this process. */
export interface StandIn {
  endpoint: string;
  stop(): Promise<void>;
}

export interface StandInOptions {
  /** Default 0, a free port. */
  port?: number;
}

/**
 * Starts an in-memory dynalite on 127.0.0.1 whose tables are ACTIVE as
 * soon as they are created.
 */
export async function startDynalite(
  options: StandInOptions = {},
): Promise<StandIn> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const endpoint = await listen(server, options.port ?? 0, 'dynalite');
  return { endpoint, stop: () => closeServer(server) };
}
