import { publishBatch } from '../../db/repositories/outbox';
import { publishAggregateBatch, type AggregateLive } from '../../db/repositories/aggregateEvents';
import { withRetry } from '../commands/writeHelpers';
import { chinaDate } from '../../workflows/calendar';
import type { QueueChanged } from '../../workflows/socketContract';
import type { OutboxPayload } from '../commands/writeHelpers';
import type { AppContext } from '../context';
import type { IoServer } from './types';

/**
 * Turns committed, unpublished case events into Socket.IO messages (the event
 * table is the outbox). Woken at once by a commit in this process, and polling
 * for events that other processes (or a process that crashed between commit
 * and publish) left behind.
 */
export class OutboxPublisher {
  private running = false;
  private stopped = false;
  private draining: Promise<void> = Promise.resolve();
  private again = false;
  private timer?: NodeJS.Timeout;
  private coalescing?: NodeJS.Timeout;
  /**
   * A commit wakes the publisher after `coalesceMs`: commits that land
   * together are published in one claiming transaction (one more durable
   * commit per batch, not per transition) for a few milliseconds of latency.
   */
  private readonly onCommit = () => {
    if (this.coalesceMs <= 0) return this.kick();
    this.coalescing ??= setTimeout(() => {
      this.coalescing = undefined;
      this.kick();
    }, this.coalesceMs);
  };

  constructor(
    private readonly ctx: AppContext,
    private readonly io: IoServer,
    private readonly local: (p: OutboxPayload) => void,
    private readonly counted: (centrePaths: string[]) => void,
    private readonly crossProcess: boolean,
    private readonly coalesceMs = 0,
  ) {}

  start(pollMs: number): void {
    this.ctx.events.on('committed', this.onCommit);
    this.ctx.events.on('aggregateCommitted', this.onCommit);
    this.timer = setInterval(() => this.kick(), pollMs);
    this.kick();
  }

  /** Stops, and waits for a batch in progress (its rows commit as published, or stay for the next process). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.ctx.events.off('committed', this.onCommit);
    this.ctx.events.off('aggregateCommitted', this.onCommit);
    clearInterval(this.timer);
    clearTimeout(this.coalescing);
    await this.draining;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.draining = this.drain().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    const { knex, dialect } = this.ctx.db;
    try {
      for (;;) {
        // A deadlock between two publishers' counter updates is run again (nothing was sent yet).
        const paths = new Set<string>();
        const n = await withRetry(() =>
          publishBatch<OutboxPayload>(knex, dialect, { limit: 200, today: chinaDate(this.ctx.now()) }, (rows) => {
            for (const row of rows) {
              this.publish(row.payload);
              paths.add(row.payload.centrePath);
            }
          }),
        );
        // Counters are read from the read models, which hold these events only now that they committed.
        if (paths.size) {
          this.counted([...paths]);
          if (this.crossProcess) this.io.serverSideEmit('stats:dirty', [...paths]);
        }
        if (n < 200) break;
      }
      // Other aggregates' events (e-licences …): each names its rooms; the Redis adapter carries them to every process.
      while ((await withRetry(() => publishAggregateBatch(knex, dialect, 200, (rows) => rows.forEach((r) => this.emitTo(r))))) === 200);
    } catch (err) {
      this.ctx.log.error({ err }, 'publishing events failed; will retry');
    }
  }

  private emitTo(live: AggregateLive): void {
    if (live.rooms.length) (this.io.to(live.rooms) as unknown as { emit(event: string, message: object): void }).emit(live.event, live.message);
  }

  private publish(p: OutboxPayload): void {
    const e = p.live;
    // Case subscribers and supervisors' counters are served by each process for its own sockets.
    this.local(p);
    if (this.crossProcess) this.io.serverSideEmit('case:committed', p);
    const base = { caseNo: e.caseNo, state: e.state, light: e.light, deadline: e.deadline, seq: e.seq };
    const { from, to } = p.desks;
    if (from && from !== to) this.io.to(from).emit('queue:changed', { ...base, desk: from, change: 'left' } satisfies QueueChanged);
    if (to) this.io.to(to).emit('queue:changed', { ...base, desk: to, change: from === to ? 'updated' : 'arrived' } satisfies QueueChanged);
    if (p.urged) this.io.to(p.urged.rooms).emit('case:urged', p.urged.notice);
  }
}
