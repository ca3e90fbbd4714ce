import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { createDynamoDbClient, createSqsClient } from './aws/createClients';
import type { Cleanup } from './Cleanup';
import { EventBus } from './eventbridge/EventBus';
import { startEventBridge } from './eventbridge/startEventBridge';
import type { Logger } from './logger';
import { startDynalite } from './servers/startDynalite';
import { startDynamoDbMeter } from './servers/startDynamoDbMeter';
import { startMeteredSqs } from './servers/startMeteredSqs';
import type { CapacityMeter } from './stats/CapacityMeter';
import type { Counter } from './stats/Counter';

export interface StandInPorts {
  dynamodb: number;
  sqs: number;
  eventbridge: number;
}

/** The running stand-ins and the clients the local cloud itself uses. */
export interface StandIns {
  /** The endpoints functions and other clients use, metered. */
  endpoints: { dynamodb: string; sqs: string; eventbridge: string };
  /** dynalite itself, behind the capacity meter. */
  dynaliteEndpoint: string;
  capacity: CapacityMeter;
  sqsRequests: Counter;
  bus: EventBus;
  /** Unmetered clients, for creating resources and reading queue depths. */
  internalDynamoDb: DynamoDBClient;
  internalSqs: SQSClient;
  /** A metered SQS client, for the pollers and event delivery. */
  meteredSqs: SQSClient;
}

/**
 * Starts dynalite behind the capacity meter, local-aws-sqs behind the
 * request counter, and the EventBridge endpoint. Each part adds its stop
 * step to `cleanup` as soon as it runs.
 */
export async function startStandIns(
  ports: StandInPorts,
  log: Logger,
  cleanup: Cleanup,
): Promise<StandIns> {
  const dynalite = await startDynalite();
  cleanup.add('dynalite', dynalite.stop);
  const dynamodb = await startDynamoDbMeter({
    port: ports.dynamodb,
    target: dynalite.endpoint,
    log,
  });
  cleanup.add('DynamoDB proxy', dynamodb.stop);
  const sqs = await startMeteredSqs(ports.sqs);
  cleanup.add('SQS', sqs.stop);

  const internalDynamoDb = createDynamoDbClient(dynalite.endpoint);
  const internalSqs = createSqsClient(sqs.endpoint, { internal: true });
  const meteredSqs = createSqsClient(sqs.endpoint);
  cleanup.add('AWS clients', () => {
    for (const client of [internalDynamoDb, internalSqs, meteredSqs])
      client.destroy();
  });

  const bus = new EventBus(meteredSqs, log);
  const eventbridge = await startEventBridge(ports.eventbridge, bus, log);
  cleanup.add('EventBridge', eventbridge.stop);

  return {
    endpoints: {
      dynamodb: dynamodb.endpoint,
      sqs: sqs.endpoint,
      eventbridge: eventbridge.endpoint,
    },
    dynaliteEndpoint: dynalite.endpoint,
    capacity: dynamodb.meter,
    sqsRequests: sqs.requests,
    bus,
    internalDynamoDb,
    internalSqs,
    meteredSqs,
  };
}
