import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueStats } from './LocalCloudStats';
import type { QueueRegistry } from './QueueRegistry';

/** Reads the approximate message counts of every queue. */
export async function readQueueStats(
  sqs: SQSClient,
  queues: QueueRegistry,
): Promise<Record<string, QueueStats>> {
  const counts = new Map<
    string,
    { visible: number; inFlight: number; delayed: number }
  >();
  await Promise.all(
    queues.all().map(async (queue) => {
      counts.set(queue.queueName, await readCounts(sqs, queue.queueUrl));
    }),
  );

  const stats: Record<string, QueueStats> = {};
  for (const queue of queues.all()) {
    const own = counts.get(queue.queueName) ?? {
      visible: 0,
      inFlight: 0,
      delayed: 0,
    };
    const deadLetter = queue.deadLetterQueueName;
    stats[queue.queueName] = {
      ...own,
      deadLetterQueue: deadLetter,
      deadLetterMessages: deadLetter
        ? counts.get(deadLetter)?.visible
        : undefined,
    };
  }
  return stats;
}

/**
 * Reads a queue's counts. NOTE: local-aws-sqs 2.0.2 counts in-flight
 * messages in ApproximateNumberOfMessages too, so visible messages are
 * that count minus ApproximateNumberOfMessagesNotVisible.
 */
async function readCounts(sqs: SQSClient, queueUrl: string) {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  const listed = Number(Attributes.ApproximateNumberOfMessages ?? 0);
  const inFlight = Number(
    Attributes.ApproximateNumberOfMessagesNotVisible ?? 0,
  );
  return {
    visible: Math.max(0, listed - inFlight),
    inFlight,
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
  };
}
