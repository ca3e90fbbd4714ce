import { parseArgs } from 'node:util';
import { ConfigurationError } from '../errors';
import type { LocalCloudPorts } from '../startLocalCloud';

export interface CliArguments {
  help: boolean;
  debug: boolean;
  repoRoot: string | undefined;
  services: string[] | undefined;
  ports: Partial<LocalCloudPorts>;
}

export const USAGE = `Usage: pnpm start [options]

Runs every service of the workspace on local stand-ins for DynamoDB, SQS,
EventBridge, API Gateway and Lambda, on 127.0.0.1.

Options:
  --port <port>              HTTP API port (default 3000; 0 picks a free port)
  --dynamodb-port <port>     DynamoDB endpoint port (default 8000)
  --sqs-port <port>          SQS endpoint port (default 9324)
  --eventbridge-port <port>  EventBridge endpoint port (default 4010)
  --services <a,b>           run only these service folders (default: all)
  --repo-root <dir>          workspace root (default: found from the
                             working directory)
  --debug                    also print debug lines
  -h, --help                 print this help and exit
`;

/** Parses the CLI's arguments; throws ConfigurationError on bad input. */
export function parseCliArguments(argv: string[]): CliArguments {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new ConfigurationError((error as Error).message, { cause: error });
  }

  return {
    help: values.help === true,
    debug: values.debug === true,
    repoRoot: values['repo-root'],
    services: values.services
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    ports: {
      http: toPort(values.port, '--port'),
      dynamodb: toPort(values['dynamodb-port'], '--dynamodb-port'),
      sqs: toPort(values['sqs-port'], '--sqs-port'),
      eventbridge: toPort(values['eventbridge-port'], '--eventbridge-port'),
    },
  };
}

function parse(argv: string[]) {
  return parseArgs({
    // `pnpm start -- --port 3001` passes the separator on, as `pnpm replay
    // -- ...` does, so a leading `--` is dropped.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      'dynamodb-port': { type: 'string' },
      'sqs-port': { type: 'string' },
      'eventbridge-port': { type: 'string' },
      services: { type: 'string' },
      'repo-root': { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function toPort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;

  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigurationError(
      `${flag} must be a port number from 0 to 65535, got "${value}"`,
    );
  }
  return port;
}
