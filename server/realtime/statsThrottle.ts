import { overviewUnder } from '../../db/repositories/caseQueries';
import { chinaDate } from '../../workflows/calendar';
import { rooms, type StatsChanged } from '../../workflows/socketContract';
import type { AppContext } from '../context';
import type { IoServer, IoSocket } from './types';

/**
 * Live counters for supervisors: a transition marks every jurisdiction above
 * its centre dirty; at most once per interval, each dirty scope that someone
 * watches gets fresh counts from the database (exact, never drifting).
 */
export class StatsThrottle {
  private readonly dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private flushing = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly io: IoServer,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Marks the scopes on a centre's path (`330000000000/330300000000/…/`) dirty. */
  touch(centrePath: string): void {
    for (const code of centrePath.split('/')) if (code) this.dirty.add(code);
  }

  async flush(): Promise<void> {
    // One flush at a time, so a scope's messages never overtake each other.
    if (this.flushing) return;
    this.flushing = true;
    try {
      await this.flushDirty();
    } finally {
      this.flushing = false;
    }
  }

  private async flushDirty(): Promise<void> {
    const scopes = [...this.dirty];
    this.dirty.clear();
    for (const scope of scopes) {
      const room = rooms.stats(scope);
      // Each process counts only for the supervisors connected to it; nobody watching, no query.
      if (!this.io.of('/').adapter.rooms.get(room)?.size) continue;
      const j = await this.ctx.db.knex('jurisdictions').where({ code: scope }).first('path');
      if (!j) continue;
      try {
        this.io.local.to(room).emit('stats:changed', await this.snapshot(scope, j.path));
      } catch (err) {
        this.ctx.log.error({ err, scope }, 'stats flush failed');
      }
    }
  }

  /** The counters of one scope, to one socket (a supervisor who just connected). */
  async sendTo(socket: IoSocket, scope: string): Promise<void> {
    try {
      const j = await this.ctx.db.knex('jurisdictions').where({ code: scope }).first('path');
      if (j) socket.emit('stats:changed', await this.snapshot(scope, j.path));
    } catch (err) {
      this.ctx.log.error({ err, scope }, 'stats for a new socket failed');
    }
  }

  async snapshot(scope: string, path: string): Promise<StatsChanged> {
    const { accepted, decided, ...o } = await overviewUnder(this.ctx.db.knex, path, chinaDate(this.ctx.now()));
    return {
      scope,
      ...o,
      counters: { filed: o.total, accepted, decided, overdue: o.byLight.red ?? 0 },
      at: new Date().toISOString(),
    };
  }
}
