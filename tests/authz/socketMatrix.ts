import { rooms, type HandshakeAuth, type SocketError } from '../../workflows/socketContract';
import type { Api } from '../helpers/api';
import { closeAll, openSocket, WAIT_MS, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';
import { AREAS, type CaseHandle } from './fixtures';
import { isUser, judgeSocket, type Me } from './judge';
import { NA, NF, PRINCIPALS, ROOMS, SOCKET, type Principal } from './matrix';

interface Ctx {
  srv: TestServer;
  api: Api;
  me: Map<Principal, Me>;
  cases: { base: CaseHandle; other: CaseHandle };
}

type Answer = { ok: true } | { ok: false; code?: string };
type Scope = 'own' | 'other' | 'missing';

/** Events every Socket.IO socket has (socket.io listens to 'error' itself); they are not part of our contract. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'error', 'newListener', 'removeListener']);

/** The socket half of the matrix: the handshake, each client-to-server event, and the rooms a socket is put in. */
export function socketMatrix(get: () => Ctx): void {
  const opened: ClientSocket[] = [];
  /** Each principal's own connection (or the handshake's refusal), made once. */
  const own = new Map<Principal, Promise<{ socket?: ClientSocket; answer: Answer }>>();
  afterAll(() => closeAll(opened));

  function handshake(auth: HandshakeAuth | undefined): Promise<{ socket?: ClientSocket; answer: Answer }> {
    const socket = openSocket(get().srv.url, auth);
    opened.push(socket);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to the handshake within ${WAIT_MS} ms`)), WAIT_MS);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve({ socket, answer: { ok: true } });
      });
      socket.once('connect_error', (err: Error & { data?: SocketError }) => {
        clearTimeout(timer);
        resolve({ answer: { ok: false, code: err.data?.code } });
      });
    });
  }

  async function authOf(p: Principal, scope: Scope): Promise<HandshakeAuth | undefined> {
    const { api, cases } = get();
    if (p === 'anonymous') return undefined;
    const caseNo = { own: cases.base.caseNo, other: cases.other.caseNo, missing: AREAS.missingCaseNo }[scope];
    if (p === 'queryCode') return { caseNo, queryCode: cases.base.queryCode };
    return { token: await api.token(p) };
  }

  const connection = (p: Principal) => {
    if (!own.has(p)) own.set(p, authOf(p, 'own').then(handshake));
    return own.get(p)!;
  };

  /** What the principal's socket answers to one event: the ack, or the handshake's refusal if it never got in. */
  async function ask(p: Principal, event: 'case:subscribe' | 'case:unsubscribe', req: { caseNo: string; sinceSeq?: number }): Promise<Answer> {
    const { socket, answer } = await connection(p);
    if (!socket) return answer;
    const ack = (await socket.timeout(WAIT_MS).emitWithAck(event as 'case:subscribe', { sinceSeq: 0, ...req })) as { ok: boolean; error?: SocketError };
    return ack.ok ? { ok: true } : { ok: false, code: ack.error?.code };
  }

  it('has a row for every event the server listens to', async () => {
    const { socket } = await connection('clerk.village');
    await ask('clerk.village', 'case:unsubscribe', { caseNo: AREAS.missingCaseNo });
    const server = get().srv.running.gateway.io.of('/').sockets.get(socket!.id!);
    const listened = server!.eventNames().map(String).filter((e) => !RESERVED.has(e));
    expect(listened.sort()).toEqual(Object.keys(SOCKET).filter((k) => k !== 'handshake').sort());
  });

  it('handshake', async () => {
    const failures: string[] = [];
    await Promise.all(
      (['own', 'other', 'missing'] as const).flatMap((scope) =>
        PRINCIPALS.map(async (p, i) => {
          const expected = SOCKET.handshake[scope]![i]!;
          if (expected === NA) return;
          const { answer } = scope === 'own' ? await connection(p) : await handshake(await authOf(p, scope));
          const wrong = judgeSocket(expected, answer);
          if (wrong) failures.push(`${p} (${scope}): ${wrong}`);
        }),
      ),
    );
    expect(failures.sort()).toEqual([]);
  });

  it.each(['case:subscribe', 'case:unsubscribe'] as const)('%s', async (event) => {
    const row = SOCKET[event];
    const { cases } = get();
    const failures: string[] = [];
    await Promise.all(
      PRINCIPALS.map(async (p, i) => {
        const got: Partial<Record<Scope, Answer>> = {};
        // One socket, one question at a time, as a client asks them.
        for (const scope of ['own', 'other', 'missing'] as const) {
          const expected = row[scope]?.[i];
          if (!expected || expected === NA) continue;
          got[scope] = await ask(p, event, { caseNo: { own: cases.base.caseNo, other: cases.other.caseNo, missing: AREAS.missingCaseNo }[scope] });
          const wrong = judgeSocket(expected, got[scope]!);
          if (wrong) failures.push(`${p} (${scope}): ${wrong}`);
        }
        // A case outside one's jurisdiction answers exactly like a missing one.
        if (row.other?.[i] === NF && row.missing?.[i] === NF && JSON.stringify(got.other) !== JSON.stringify(got.missing)) {
          failures.push(`${p}: other ${JSON.stringify(got.other)} ≠ missing ${JSON.stringify(got.missing)}`);
        }
      }),
    );
    expect(failures.sort()).toEqual([]);
  });

  it('puts each socket only in the rooms of its desk, its counters and its user', async () => {
    const { me, srv } = get();
    const failures: string[] = [];
    for (const p of PRINCIPALS) {
      const { socket } = await connection(p);
      if (!socket) continue;
      // An acknowledged round trip: the connection handler has run and joined whatever it joins.
      await ask(p, 'case:unsubscribe', { caseNo: AREAS.missingCaseNo });
      const joined = [...(srv.running.gateway.io.of('/').sockets.get(socket.id!)?.rooms ?? [])].filter((r) => r !== socket.id).sort();
      const spec = ROOMS[p];
      const u = isUser(p) ? me.get(p)! : undefined;
      const expected = [
        ...(spec.desk && u ? [rooms.desk(u.jurisdictionCode, spec.desk === 'centre' ? null : u.department)] : []),
        ...(spec.stats && u ? [rooms.stats(u.jurisdictionCode)] : []),
        ...(spec.supervision && u ? [rooms.supervision(u.jurisdictionCode)] : []),
        ...(spec.user && u ? [rooms.user(u.id)] : []),
      ].sort();
      if (JSON.stringify(joined) !== JSON.stringify(expected)) failures.push(`${p}: in ${JSON.stringify(joined)}, expected ${JSON.stringify(expected)}`);
    }
    expect(failures).toEqual([]);
  });
}
