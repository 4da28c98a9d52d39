import type { Knex } from 'knex';
import type { Dialect } from '../../../db/connection';
import { chinaDate } from '../../../workflows/calendar';
import type { AppContext } from '../../context';
import { PeriodicPass } from '../../periodicPass';
import { withRetry } from '../writeHelpers';
import { applyIn, type AggregateKind } from './applyCommand';
import type { AggregateCommand, AggregateResult, MachinePlan, MachineRow } from './machineAggregate';

/** Rows flagged per transaction; a pass goes on while whole batches come back. */
const BATCH = 50;
const MAX_BATCHES = 20;

/** A machine-backed aggregate whose row carries its own due date, and the event the timer sends once it has passed. */
export interface OverdueTimer<Row extends MachineRow, A extends { type: string; reason?: string }> {
  /** In logs: what was marked ("post-checks", "agency reviews"). */
  what: string;
  /** The system actor's name in the event (核查期限 …). */
  actorName: string;
  kind: AggregateKind<AggregateCommand<A>, Row, MachinePlan<Row>, AggregateResult<Row>>;
  /** The ids of rows past their due date on `today`, locked (SKIP LOCKED on MySQL: two processes never take the same one). */
  claim(trx: Knex.Transaction, dialect: Dialect, today: string, limit: number): Promise<number[]>;
  action(today: string): A;
}

/**
 * The durable timer of an aggregate whose row is its own timer (a due date
 * and an overdue flag), so a restart loses nothing: each pass claims the rows
 * past their date and sends each the timer's event through the one command
 * path in the claiming transaction; the machine takes it once only.
 */
export class OverdueTimerPass<Row extends MachineRow, A extends { type: string; reason?: string }> extends PeriodicPass {
  constructor(
    private readonly ctx: AppContext,
    private readonly spec: OverdueTimer<Row, A>,
  ) {
    super();
  }

  protected async run(): Promise<number> {
    let marked = 0;
    try {
      marked = await this.drain(() => this.batch(), BATCH, MAX_BATCHES);
      if (marked) this.ctx.log.info({ marked }, `${this.spec.what} marked overdue`);
    } catch (err) {
      this.ctx.log.error({ err }, `${this.spec.what} pass failed; will retry`);
    }
    return marked;
  }

  private async batch(): Promise<number> {
    const { ctx, spec: timer } = this;
    const today = chinaDate(ctx.now());
    const actor = { kind: 'system', name: timer.actorName } as const;
    const results = await withRetry(() =>
      ctx.db.knex.transaction(async (trx) => {
        const ids = await timer.claim(trx, ctx.db.dialect, today, BATCH);
        const done: AggregateResult<Row>[] = [];
        for (const id of ids) done.push(await applyIn(ctx, trx, timer.kind, { key: String(id), actor, action: timer.action(today) }));
        return done;
      }),
    );
    for (const r of results) timer.kind.committed(ctx, r);
    return results.length;
  }
}
