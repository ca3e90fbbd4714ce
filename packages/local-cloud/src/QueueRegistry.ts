import type { CreatedQueue } from './template/createResourcesFromTemplate';

/** Every queue of every stack, by queue name. */
export class QueueRegistry {
  private readonly queues = new Map<string, CreatedQueue>();

  add(queue: CreatedQueue): void {
    this.queues.set(queue.queueName, queue);
  }

  get(queueName: string): CreatedQueue | undefined {
    return this.queues.get(queueName);
  }

  all(): CreatedQueue[] {
    return [...this.queues.values()].sort((a, b) =>
      a.queueName.localeCompare(b.queueName),
    );
  }

  /** True for queues that another queue's RedrivePolicy names. */
  isDeadLetterQueue(queueName: string): boolean {
    return this.all().some((queue) => queue.deadLetterQueueName === queueName);
  }
}
