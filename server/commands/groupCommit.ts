import type { Knex } from 'knex';
import { CalendarYearMissingError } from '../../workflows/calendar';
import { AppError, calendarMissing } from '../errors';
import { withRetry } from './writeHelpers';

export type Outcome<T> = { ok: true; value: T } | { ok: false; err: AppError };

/** How a group applies its commands: many in one transaction (a refusal is that command's outcome), or one alone. */
export interface BatchRunner<P, R> {
  many(trx: Knex.Transaction, list: P[]): Promise<Outcome<R>[]>;
  one(trx: Knex.Transaction, props: P): Promise<R>;
}

interface Pending<P, R> {
  props: P;
  resolve(value: R): void;
  reject(err: unknown): void;
}

/** A refusal (an AppError, or a calendar year not yet published) is a command's answer, not a broken batch. */
export function refusal(err: unknown): AppError | null {
  if (err instanceof CalendarYearMissingError) return calendarMissing(err.year);
  return err instanceof AppError ? err : null;
}

/**
 * Group commit. While a transaction commits, the commands that arrive wait
 * and are then applied together in one transaction: one durable commit for
 * many. Each is still authorised, validated and version-checked on its own
 * (the runner's `many`); one refused does not fail its neighbours; each caller
 * is answered after the commit that holds its change. When a batch cannot
 * commit (its writes failed, or the database gave up on it past the retries),
 * its commands run again one by one, each in its own transaction, so one bad
 * command costs its neighbours time, never their answer. At low load nothing
 * waits: a command arriving at an idle group runs at once (unless `windowMs`
 * asks it to wait for company).
 */
export class CommitGroup<P, R> {
  private queue: Pending<P, R>[] = [];
  private inFlight = 0;
  private waiting = false;
  /** Batches tried, the largest, and the batches that had to be run again one command at a time. */
  readonly stats = { batches: 0, largest: 0, splits: 0 };

  constructor(
    private readonly knex: Knex,
    private readonly runner: BatchRunner<P, R>,
    private readonly opts: { max: number; windowMs: number; parallel: number },
  ) {}

  run(props: P): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ props, resolve, reject });
      this.pump(false);
    });
  }

  /**
   * Starts batches while fewer than `parallel` are in flight (one batch's
   * database round trips overlap another's work in this process; their cases
   * are locked in one order, by number, so two batches wait, never deadlock).
   */
  private pump(windowOver: boolean): void {
    if (this.waiting) return;
    if (!windowOver && this.inFlight === 0 && this.opts.windowMs > 0) {
      this.waiting = true;
      setTimeout(() => {
        this.waiting = false;
        this.pump(true);
      }, this.opts.windowMs);
      return;
    }
    while (this.queue.length > 0 && this.inFlight < this.opts.parallel) {
      this.inFlight++;
      void this.runBatch(this.queue.splice(0, this.opts.max)).finally(() => {
        this.inFlight--;
        this.pump(true);
      });
    }
  }

  private async runBatch(batch: Pending<P, R>[]): Promise<void> {
    this.stats.batches++;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    let outcomes: Outcome<R>[];
    try {
      // A deadlock or a Galera certification failure rolls the whole batch back: withRetry runs it again, all of it.
      outcomes = await withRetry(() => this.knex.transaction((trx) => this.runner.many(trx, batch.map((p) => p.props))));
    } catch (err) {
      this.stats.splits++;
      await Promise.all(batch.map((p) => withRetry(() => this.knex.transaction((trx) => this.runner.one(trx, p.props))).then(p.resolve, p.reject)));
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.err);
    });
  }
}
