import type { EventEnvelope, EventPublisher } from '@retail/shared';

/** An EventPublisher that keeps every envelope it is given, in order. */
export class RecordingPublisher implements EventPublisher {
  readonly events: EventEnvelope[] = [];

  async publish(events: EventEnvelope[]): Promise<void> {
    this.events.push(...events);
  }

  ofType(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }

  clear(): void {
    this.events.length = 0;
  }
}
