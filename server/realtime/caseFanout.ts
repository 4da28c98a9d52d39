import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { listCaseEvents } from '../../db/repositories/caseEvents';
import type { CaseUpdated } from '../../workflows/socketContract';
import type { IoSocket } from './types';

interface Subscription {
  socket: IoSocket;
  caseId: number;
  /** The last seq this socket has been sent. */
  lastSeq: number;
  /** While history is being read, live events wait here. */
  catchingUp: boolean;
  pending: CaseUpdated[];
}

/**
 * Sends each subscribed socket of this process every event of its case
 * exactly once and in seq order. Live events can arrive out of order (two
 * publishers) or during a replay; anything not next in line is filled in
 * from the case event table, anything already sent is dropped.
 */
export class CaseFanout {
  private readonly subs = new Map<string, Map<string, Subscription>>();

  constructor(
    private readonly knex: Knex,
    private readonly log: Logger,
  ) {}

  /** Replays events after `sinceSeq`, then keeps the socket current. Returns how many were replayed. */
  async subscribe(socket: IoSocket, caseNo: string, caseId: number, sinceSeq: number): Promise<number> {
    let bySocket = this.subs.get(caseNo);
    if (!bySocket) this.subs.set(caseNo, (bySocket = new Map()));
    const existing = bySocket.get(socket.id);
    const sub: Subscription = existing ?? { socket, caseId, lastSeq: sinceSeq, catchingUp: false, pending: [] };
    // A re-subscription restarts from what the client says it has.
    sub.lastSeq = sinceSeq;
    bySocket.set(socket.id, sub);
    return this.catchUp(caseNo, sub, true);
  }

  unsubscribe(socketId: string, caseNo?: string): void {
    for (const [no, bySocket] of this.subs) {
      if (caseNo && no !== caseNo) continue;
      bySocket.delete(socketId);
      if (bySocket.size === 0) this.subs.delete(no);
    }
  }

  deliver(e: CaseUpdated): void {
    const bySocket = this.subs.get(e.caseNo);
    if (!bySocket) return;
    for (const sub of bySocket.values()) {
      if (sub.catchingUp) sub.pending.push(e);
      else if (e.seq === sub.lastSeq + 1) this.send(sub, e);
      else if (e.seq > sub.lastSeq + 1) void this.catchUp(e.caseNo, sub, false);
      // e.seq <= lastSeq: already sent (a replay or a second publisher); dropped.
    }
  }

  private send(sub: Subscription, e: CaseUpdated, replay = false): void {
    sub.socket.emit('case:updated', replay ? { ...e, replay: true } : e);
    sub.lastSeq = e.seq;
  }

  private async catchUp(caseNo: string, sub: Subscription, replay: boolean): Promise<number> {
    if (sub.catchingUp) return 0;
    sub.catchingUp = true;
    let sent = 0;
    try {
      for (;;) {
        const history = await listCaseEvents(this.knex, sub.caseId, sub.lastSeq);
        for (const ev of history) {
          if (ev.live && ev.seq === sub.lastSeq + 1) {
            this.send(sub, ev.live, replay);
            sent++;
          }
        }
        // Whatever arrived meanwhile: send it if next, else read history again.
        const pending = sub.pending.splice(0).sort((a, b) => a.seq - b.seq);
        let gap = false;
        for (const e of pending) {
          if (e.seq === sub.lastSeq + 1) this.send(sub, e);
          else if (e.seq > sub.lastSeq + 1) gap = true;
        }
        if (!gap) break;
      }
    } catch (err) {
      this.log.error({ err, caseNo }, 'catching a socket up failed');
    } finally {
      sub.catchingUp = false;
    }
    return sent;
  }
}
