import { io, type Socket } from 'socket.io-client';
import { privateMysqlDatabase } from './databases';
import type {
  CaseUpdated,
  ClientToServerEvents,
  HandshakeAuth,
  QueueChanged,
  ServerToClientEvents,
  SocketError,
  StatsChanged,
  SubscribeRequest,
} from '../../workflows/socketContract';
import { isMysql, startTestServer, type TestServer } from './testServer';

/** A client socket typed with the shared contract. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type SubscribeAck = { ok: true; caseNo: string; lastSeq: number; replayed: number } | { ok: false; error: SocketError };

/** How long any wait for the server may take before the test fails (generous: CI machines are slow). */
export const WAIT_MS = 10_000;

/**
 * A live-test server. On SQLite every test server has its own database file
 * anyway. On MariaDB the test files share one database, and every test
 * server's outbox publisher (and scheduler) would take rows that another
 * file's server committed, so its sockets would miss them: each live test
 * file gets a private database, created, migrated and seeded here and
 * dropped on close.
 */
export async function startLiveServer(tag: string, opts: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestServer> {
  if (!isMysql()) return startTestServer(opts);
  const db = await privateMysqlDatabase(process.env.DATABASE_URL!, `approval_live_${tag}_${process.pid}`);
  const srv = await startTestServer({ ...opts, env: { ...opts.env, DATABASE_URL: db.url } });
  return {
    ...srv,
    async close() {
      await srv.close();
      await db.drop();
    },
  };
}

/** A socket as the brief's clients make it: websocket only, no automatic reconnection. */
export function openSocket(url: string, auth?: HandshakeAuth): ClientSocket {
  return io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Resolves once the socket is connected; rejects with the server's refusal. */
export function connected(socket: ClientSocket, timeoutMs = WAIT_MS): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`socket did not connect within ${timeoutMs} ms`)), timeoutMs);
    const onConnect = () => done();
    const onError = (err: Error & { data?: SocketError }) => done(new Error(`connect_error ${err.data?.code ?? ''}: ${err.message}`));
    function done(err?: Error) {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
      if (err) reject(err);
      else resolve();
    }
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
  });
}

/** Resolves with the `connect_error` the server refuses the handshake with; rejects if the socket connects. */
export function refused(socket: ClientSocket, timeoutMs = WAIT_MS): Promise<Error & { data?: SocketError }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`no connect_error within ${timeoutMs} ms`))), timeoutMs);
    const onConnect = () => finish(() => reject(new Error('the socket was let in')));
    const onError = (err: Error & { data?: SocketError }) => finish(() => resolve(err));
    function finish(settle: () => void) {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
      settle();
    }
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
  });
}

/** Connects a socket with the given auth and waits until it is in. */
export async function connect(url: string, auth: HandshakeAuth): Promise<ClientSocket> {
  const s = openSocket(url, auth);
  await connected(s);
  return s;
}

export function subscribe(socket: ClientSocket, req: SubscribeRequest, timeoutMs = WAIT_MS): Promise<SubscribeAck> {
  return socket.timeout(timeoutMs).emitWithAck('case:subscribe', req) as Promise<SubscribeAck>;
}

type Waiter = { check: () => boolean; resolve: () => void };

/** Everything a socket was sent, in arrival order, with waits on it. */
export class Inbox {
  readonly caseUpdates: CaseUpdated[] = [];
  readonly queue: QueueChanged[] = [];
  readonly stats: StatsChanged[] = [];
  private waiters: Waiter[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.on('case:updated', (e) => this.push(this.caseUpdates, e));
    socket.on('queue:changed', (e) => this.push(this.queue, e));
    socket.on('stats:changed', (e) => this.push(this.stats, e));
  }

  /** Case updates for one case, in arrival order. */
  updatesOf(caseNo: string): CaseUpdated[] {
    return this.caseUpdates.filter((e) => e.caseNo === caseNo);
  }

  queueOf(caseNo: string): QueueChanged[] {
    return this.queue.filter((e) => e.caseNo === caseNo);
  }

  /** Everything received, for leak checks. */
  all(): unknown[] {
    return [...this.caseUpdates, ...this.queue, ...this.stats];
  }

  /**
   * Resolves as soon as `holds` is true of what has been received (checked
   * now and after every message); fails after `timeoutMs` with `what` and
   * what did arrive.
   */
  until(what: string, holds: (inbox: Inbox) => boolean, timeoutMs = WAIT_MS): Promise<void> {
    if (holds(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => holds(this),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received ${JSON.stringify(this.summary())}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits until the case's update with `seq` (and everything before it that is going to come) is here. */
  untilSeq(caseNo: string, seq: number, timeoutMs = WAIT_MS): Promise<void> {
    return this.until(`case:updated ${caseNo} seq ${seq}`, (i) => i.updatesOf(caseNo).some((e) => e.seq >= seq), timeoutMs);
  }

  private push<T>(list: T[], e: T): void {
    list.push(e);
    const ready = this.waiters.filter((w) => w.check());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private summary() {
    return {
      caseUpdates: this.caseUpdates.map((e) => `${e.caseNo}#${e.seq}:${e.type}${e.replay ? '(replay)' : ''}`),
      queue: this.queue.map((e) => `${e.desk} ${e.caseNo}#${e.seq} ${e.change}`),
      stats: this.stats.map((e) => `${e.scope} filed=${e.counters.filed}`),
    };
  }
}

/** Polls a condition on server state (e.g. a database row) until it holds; fails after `timeoutMs`. */
export async function waitUntil(what: string, holds: () => boolean | Promise<boolean>, timeoutMs = WAIT_MS, everyMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await holds()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Closes sockets a test opened (safe on ones already closed). */
export function closeAll(sockets: ClientSocket[]): void {
  for (const s of sockets.splice(0)) s.close();
}
