/**
 * A job that runs in passes on an interval (the deadline scheduler, the
 * public register's publisher): one pass at a time, a tick while one runs is
 * skipped, and stop() waits for the pass in progress so nothing runs against
 * a closed database. A pass returns how much it did.
 */
export abstract class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private busy = false;
  private pass: Promise<number> = Promise.resolve(0);

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass now (0 when one is already running). */
  tick(): Promise<number> {
    if (this.busy) return Promise.resolve(0);
    this.busy = true;
    this.pass = this.run().finally(() => {
      this.busy = false;
    });
    return this.pass;
  }

  /** The pass itself; it catches and logs its own failures (the next pass retries). */
  protected abstract run(): Promise<number>;

  /**
   * Runs `batch` while whole batches of `size` come back, at most `maxBatches`
   * times: a backlog (a long outage) drains over a few passes, never in one long hold.
   */
  protected async drain(batch: () => Promise<number>, size: number, maxBatches: number): Promise<number> {
    let done = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await batch();
      done += n;
      if (n < size) break;
    }
    return done;
  }
}
