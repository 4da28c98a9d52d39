import { overviewUnder } from '../../db/repositories/caseQueries';
import { tallyOpenUnder } from '../../db/repositories/promiseLight';
import { chinaDate } from '../../workflows/calendar';
import { rooms, type StatsChanged } from '../../workflows/socketContract';
import type { AppContext } from '../context';
import type { IoServer, IoSocket } from './types';

/**
 * Live counters for supervisors: a transition marks every jurisdiction above
 * its centre dirty, and each dirty scope that someone watches gets fresh
 * counts from the database (exact, never drifting), at most once per
 * interval per scope: the spacing is measured between the moments of
 * sending (the `at` of the messages), so a slow count never shortens it.
 */
export class StatsThrottle {
  private readonly dirty = new Set<string>();
  /** When each scope's counters last went out (ms since the epoch: the message's `at`). */
  private readonly sentAt = new Map<string, number>();
  /** The last counters each scope's room was sent, for a supervisor who joins before the next may go out. */
  private readonly lastSent = new Map<string, StatsChanged>();
  private intervalMs = 0;
  private running = false;
  private timer?: NodeJS.Timeout;
  private flushing = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly io: IoServer,
  ) {}

  start(intervalMs: number): void {
    this.intervalMs = intervalMs;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Marks the scopes on a centre's path (`330000000000/330300000000/…/`) dirty. */
  touch(centrePath: string): void {
    for (const code of centrePath.split('/')) if (code) this.dirty.add(code);
    this.schedule();
  }

  /**
   * A supervisor who just joined a scope's room gets its counters at once:
   * when the room was sent counters less than an interval ago, those (the
   * room's latest, stamped with their own `at`, so the room's next message
   * still comes an interval after them); otherwise fresh ones, counted now.
   */
  sendTo(socket: IoSocket, scope: string): void {
    const last = this.lastSent.get(scope);
    if (last && Date.now() < this.nextAllowed(scope)) socket.emit('stats:changed', last);
    this.dirty.add(scope);
    this.schedule();
  }

  /** Sends every dirty scope that is due; one flush at a time, so a scope's messages never overtake each other. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      await this.flushDue();
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  /** One timer, for the earliest moment a dirty scope may be sent again. */
  private schedule(): void {
    if (!this.running || this.timer || this.flushing || this.dirty.size === 0) return;
    let due = Infinity;
    for (const scope of this.dirty) due = Math.min(due, this.nextAllowed(scope));
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.flush();
      },
      Math.max(0, due - Date.now()),
    );
  }

  private nextAllowed(scope: string): number {
    const last = this.sentAt.get(scope);
    return last === undefined ? 0 : last + this.intervalMs;
  }

  private async flushDue(): Promise<void> {
    for (const scope of [...this.dirty]) {
      // Not yet: it stays dirty for the next timer.
      if (Date.now() < this.nextAllowed(scope)) continue;
      this.dirty.delete(scope);
      const room = rooms.stats(scope);
      // Each process counts only for the supervisors connected to it; nobody watching, no query.
      if (!this.io.of('/').adapter.rooms.get(room)?.size) continue;
      try {
        const j = await this.ctx.db.knex('jurisdictions').where({ code: scope }).first('path');
        if (!j) continue;
        const counts = await this.snapshot(scope, j.path);
        // Stamped when sent; Date.now() is past nextAllowed already (checked above), the max only guards a clock step back.
        const at = Math.max(Date.now(), this.nextAllowed(scope));
        this.sentAt.set(scope, at);
        const message = { ...counts, at: new Date(at).toISOString() };
        this.lastSent.set(scope, message);
        this.io.local.to(room).emit('stats:changed', message);
      } catch (err) {
        this.ctx.log.error({ err, scope }, 'stats flush failed');
      }
    }
  }

  async snapshot(scope: string, path: string): Promise<StatsChanged> {
    const today = chinaDate(this.ctx.now());
    // One scan of the open cases for the lights and overdue (promiseLight.ts).
    const tally = await tallyOpenUnder(this.ctx.db.knex, path, today);
    const { accepted, decided, ...o } = await overviewUnder(this.ctx.db.knex, path, today, undefined, tally);
    const overdue = tally.filter((t) => t.overdue).reduce((a, t) => a + t.n, 0);
    return {
      scope,
      ...o,
      // Overdue: past the promised date (承诺办结日期), as on the dashboard.
      counters: { filed: o.total, accepted, decided, overdue },
      at: new Date().toISOString(),
    };
  }
}
