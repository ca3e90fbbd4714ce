import type { EventBridgeUsage } from './eventbridge/EventBus';
import type { FunctionStats } from './lambda/LambdaRuntime';
import type { DynamoDbUsage } from './stats/CapacityMeter';
import type { MemoryUsage } from './stats/MemorySampler';

/** Messages on one queue, from its approximate counts. */
export interface QueueStats {
  visible: number;
  inFlight: number;
  delayed: number;
  /** The queue RedrivePolicy moves failed messages to, if any. */
  deadLetterQueue: string | undefined;
  /** Visible messages on that dead-letter queue. */
  deadLetterMessages: number | undefined;
}

/** Measurements of a local cloud since it started. */
export interface LocalCloudStats {
  /** By function name. */
  functions: Record<string, FunctionStats>;
  dynamodb: DynamoDbUsage;
  sqs: {
    /** Requests by action, the pollers' receives and deletes included. */
    requests: Record<string, number>;
    /** By queue name. */
    queues: Record<string, QueueStats>;
  };
  eventBridge: EventBridgeUsage;
  memory: MemoryUsage;
}
