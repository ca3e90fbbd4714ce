import type { EventEnvelope, EventPublisher } from '@retail/shared';

/**
 * An EventPublisher that stores the envelopes it is given. A fault makes
 * publish throw the chosen value, which may be a non-Error value.
 */
export class RecordingPublisher implements EventPublisher {
  readonly events: EventEnvelope[] = [];
  private faults: Array<{
    matches: (event: EventEnvelope) => boolean;
    thrown: unknown;
  }> = [];

  async publish(events: EventEnvelope[]): Promise<void> {
    for (const event of events) {
      const fault = this.faults.find((candidate) => candidate.matches(event));
      if (fault) throw fault.thrown;
    }
    this.events.push(...events);
  }

  /** Makes publish throw `thrown` for events whose payload has orderId. */
  failForOrder(orderId: string, thrown: unknown): void {
    this.faults.push({
      matches: (event) =>
        (event.payload as { orderId?: string }).orderId === orderId,
      thrown,
    });
  }

  clearFaults(): void {
    this.faults = [];
  }

  ofType(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }

  idsOfType(type: string): string[] {
    return this.ofType(type).map((event) => event.id);
  }
}
