/**
 * Runs many periodic tasks from one timer against absolute due times, so that a busy event
 * loop delays a tick but never lowers the rate: a writer asked for 10 updates/s sends 10/s.
 * (Each `setInterval` reschedules from when its callback ran, so its rate sags under load.)
 */
export class Pacer {
  private readonly tasks: { nextAt: number; period: number; run: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly tickMs = 2) {}

  /** Run `run` `hz` times a second, the first time `offsetMs` from now. */
  every(hz: number, offsetMs: number, run: () => void): void {
    this.tasks.push({ nextAt: performance.now() + offsetMs, period: 1000 / hz, run });
  }

  start(): void {
    const tick = () => {
      const at = performance.now();
      for (const task of this.tasks) {
        // Catch up on missed periods, but never with a burst of more than a few.
        if (at - task.nextAt > 5 * task.period) task.nextAt = at;
        while (task.nextAt <= at) {
          task.nextAt += task.period;
          task.run();
        }
      }
      this.timer = setTimeout(tick, this.tickMs);
    };
    this.timer ??= setTimeout(tick, this.tickMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.tasks.length = 0;
  }
}
