import type { Logger } from './logger';

/**
 * Stop steps of the parts started so far, run in reverse order. Each step
 * runs even when an earlier one fails; failures are logged.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => unknown }[] = [];

  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  async run(log: Logger): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        log.error(`stopping ${step.name} failed`, { error });
      }
    }
  }
}
