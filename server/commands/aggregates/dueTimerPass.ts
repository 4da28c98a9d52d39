import type { Knex } from 'knex';
import { dbTime, type Dialect } from '../../../db/connection';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { PeriodicPass } from '../../periodicPass';
import { withRetry } from '../writeHelpers';
import { applyIn, type AggregateKind } from './applyCommand';
import type { AggregateCommand, AggregateResult, MachinePlan, MachineRow } from './machineAggregate';

/** Rows fired per transaction; a pass goes on while whole batches come back. */
const BATCH = 50;
const MAX_BATCHES = 20;

/** A machine-backed aggregate whose row carries its next due instant (`next_due_at`), and what the timer tells it then. */
export interface DueTimer<Row extends MachineRow & { nextDueAt: string | null }, A extends { type: string; reason?: string }> {
  /** In logs: what fired ("market order timers" …). */
  what: string;
  /** The system actor's name in the events. */
  actorName: string;
  kind(ctx: AppContext): AggregateKind<AggregateCommand<A>, Row, MachinePlan<Row>, AggregateResult<Row>>;
  /** The ids of rows due at `now`, locked (SKIP LOCKED on MySQL: two processes never take the same one). */
  claim(trx: Knex.Transaction, dialect: Dialect, now: string, limit: number): Promise<number[]>;
  load(trx: Knex.Transaction, id: number): Promise<Row | undefined>;
  /** The event for a due row; null when its state has no timer. */
  action(trx: Knex.Transaction, row: Row, ctx: AppContext): Promise<A | null>;
  /** Clears the row's timer (a state without one, or a refused event: never fired again). */
  clear(trx: Knex.Transaction, id: number): Promise<void>;
  /** Events one row may take in one pass when each leaves it due again (a closing whose draw is due too). */
  stepsPerRow?: number;
}

/**
 * The durable timer of an aggregate whose row is its own timer, so a restart
 * loses nothing: each pass claims the rows whose time has come and sends each
 * its event through the one command path as the system, in the claiming
 * transaction. A refusal is planned before anything is written: it is logged
 * and the timer cleared, so it does not spin.
 */
export class DueTimerPass<Row extends MachineRow & { nextDueAt: string | null }, A extends { type: string; reason?: string }> extends PeriodicPass {
  constructor(
    protected readonly ctx: AppContext,
    private readonly due: DueTimer<Row, A>,
  ) {
    super();
  }

  protected async run(): Promise<number> {
    let done = 0;
    try {
      done = await this.drain(() => this.batch(), BATCH, MAX_BATCHES);
      if (done) this.ctx.log.info({ done }, `${this.due.what} fired`);
    } catch (err) {
      this.ctx.log.error({ err }, `${this.due.what} pass failed; will retry`);
    }
    return done;
  }

  private async batch(): Promise<number> {
    const { ctx, due: timer } = this;
    const kind = timer.kind(ctx);
    const actor = { kind: 'system', name: timer.actorName } as const;
    const results = await withRetry(() =>
      ctx.db.knex.transaction(async (trx) => {
        const now = dbTime(ctx.now());
        const done: AggregateResult<Row>[] = [];
        for (const id of await timer.claim(trx, ctx.db.dialect, now, BATCH)) {
          for (let step = 0; step < (timer.stepsPerRow ?? 1); step++) {
            const row = await timer.load(trx, id);
            if (!row || row.nextDueAt === null || row.nextDueAt > now) break;
            const action = await timer.action(trx, row, ctx);
            if (!action) {
              await timer.clear(trx, id);
              break;
            }
            try {
              done.push(await applyIn(ctx, trx, kind, { key: String(id), actor, action }));
            } catch (err) {
              if (!(err instanceof AppError)) throw err;
              ctx.log.error({ err, id }, `${timer.what}: event refused`);
              await timer.clear(trx, id);
              break;
            }
          }
        }
        return done;
      }),
    );
    for (const r of results) kind.committed(ctx, r);
    return results.length;
  }
}
