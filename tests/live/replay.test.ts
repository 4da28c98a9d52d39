import type { Knex } from 'knex';
import type { CaseUpdated } from '../../workflows/socketContract';
import { Api, buildCase } from '../helpers/api';
import { closeAll, connect, Inbox, startLiveServer, subscribe, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * case:subscribe {sinceSeq} replays from the case event table whatever the
 * client has not seen, then continues live: in order, without gaps, without
 * duplicates — also across a dropped connection and while transitions commit.
 */

/** The first five actions of DEMO.cityItemCode's route (seq 2..6 of the case). */
const ACTIONS: [user: string, action: Record<string, unknown>][] = [
  ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全，予以受理' }],
  ['clerk.town', { type: 'FORWARD', opinion: '初审同意，报区局' }],
  ['reviewer.county', { type: 'FORWARD', opinion: '现场核查合格，报市局' }],
  ['reviewer.city', { type: 'APPROVE', opinion: '符合条件，准予许可' }],
  ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP33030020240002' }],
];
const TYPES = ['SUBMIT', 'ACCEPT', 'FORWARD', 'FORWARD', 'APPROVE', 'ISSUE'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const seqs = (events: CaseUpdated[]) => events.map((e) => e.seq);

/**
 * Fault injection: holds back the case fan-out's reads of the case event table
 * until `release()`, so that live events certainly come in while a socket is
 * being caught up. 'result': the read runs at once and its (then stale) result
 * is handed over late; 'query': the read itself runs late, after the live events.
 * `read` resolves once the read has returned ('result') or been asked for ('query').
 */
function holdHistoryReads(srv: TestServer, mode: 'result' | 'query') {
  const fanout = srv.running.gateway.fanout as unknown as { knex: Knex };
  const real = fanout.knex;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reached!: () => void;
  const read = new Promise<void>((r) => (reached = r));
  fanout.knex = ((table: string) => {
    const qb = real(table);
    const then = qb.then.bind(qb);
    qb.then = ((onOk: (v: unknown) => unknown, onErr: (e: unknown) => unknown) => {
      const rows =
        mode === 'result'
          ? then((v: unknown) => {
              reached();
              return gate.then(() => v);
            })
          : (reached(), gate.then(() => then((v: unknown) => v)));
      return rows.then(onOk, onErr);
    }) as typeof qb.then;
    return qb;
  }) as unknown as Knex;
  return {
    read,
    release,
    restore: () => {
      fanout.knex = real;
    },
  };
}

describe('replay on subscription and after a dropped connection', () => {
  let srv: TestServer;
  let api: Api;
  const sockets: ClientSocket[] = [];
  const open = async (filed: { caseNo: string; queryCode: string }) => {
    const s = await connect(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode });
    sockets.push(s);
    return new Inbox(s);
  };
  const act = async (caseNo: string, i: number) => {
    const [user, action] = ACTIONS[i]!;
    const res = await api.act(user, caseNo, action);
    expect({ caseNo, user, type: action.type, status: res.status }).toEqual({ caseNo, user, type: action.type, status: 200 });
  };
  const lastSeqOf = async (filed: { caseNo: string; queryCode: string }) => {
    const res = await api.request('GET', `/api/cases/${filed.caseNo}`, { headers: { 'x-query-code': filed.queryCode } });
    expect(res.status).toBe(200);
    return res.body.lastSeq as number;
  };

  beforeAll(async () => {
    srv = await startLiveServer('replay');
    api = new Api(srv.url);
    for (const user of new Set(ACTIONS.map(([u]) => u))) await api.token(user);
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  it('replays everything with sinceSeq 0, flagged replay, then sends the live ones unflagged', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    for (const i of [0, 1, 2]) await act(no, i);

    const inbox = await open(filed);
    expect(await subscribe(inbox.socket, { caseNo: no, sinceSeq: 0 })).toEqual({ ok: true, caseNo: no, lastSeq: 4, replayed: 4 });
    // The replay is complete by the time the acknowledgement arrives.
    expect(inbox.updatesOf(no).map((e) => [e.seq, e.type, e.replay])).toEqual([
      [1, 'SUBMIT', true],
      [2, 'ACCEPT', true],
      [3, 'FORWARD', true],
      [4, 'FORWARD', true],
    ]);

    await act(no, 3);
    await act(no, 4);
    await inbox.untilSeq(no, 6);
    expect(inbox.updatesOf(no).map((e) => [e.seq, e.type, e.replay ?? false])).toEqual([
      [1, 'SUBMIT', true],
      [2, 'ACCEPT', true],
      [3, 'FORWARD', true],
      [4, 'FORWARD', true],
      [5, 'APPROVE', false],
      [6, 'ISSUE', false],
    ]);
  });

  it('gives a new socket subscribing with sinceSeq = the last seq seen exactly the events missed while disconnected, then the live ones', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    const first = await open(filed);
    expect(await subscribe(first.socket, { caseNo: no, sinceSeq: 0 })).toMatchObject({ ok: true, lastSeq: 1 });
    await act(no, 0);
    await first.untilSeq(no, 2);
    const lastSeen = Math.max(...seqs(first.updatesOf(no)));
    expect(lastSeen).toBe(2);

    first.socket.disconnect();
    // Two clerks act while nobody listens.
    await act(no, 1);
    await act(no, 2);

    const second = await open(filed);
    expect(await subscribe(second.socket, { caseNo: no, sinceSeq: lastSeen })).toEqual({ ok: true, caseNo: no, lastSeq: 4, replayed: 2 });
    expect(second.updatesOf(no).map((e) => [e.seq, e.type, e.replay])).toEqual([
      [3, 'FORWARD', true],
      [4, 'FORWARD', true],
    ]);

    await act(no, 3);
    await second.untilSeq(no, 5);
    // Another live one: anything doubled would arrive before it.
    await act(no, 4);
    await second.untilSeq(no, 6);

    expect(second.updatesOf(no).map((e) => [e.seq, e.type, e.replay ?? false])).toEqual([
      [3, 'FORWARD', true],
      [4, 'FORWARD', true],
      [5, 'APPROVE', false],
      [6, 'ISSUE', false],
    ]);
    // The dropped socket got nothing after it went; together the two saw every event once.
    expect(seqs(first.updatesOf(no))).toEqual([1, 2]);
    expect([...seqs(first.updatesOf(no)), ...seqs(second.updatesOf(no))]).toEqual(range(1, 6));
    expect(await lastSeqOf(filed)).toBe(6);
  });

  it('yields a gap-free, duplicate-free sequence ending at the case lastSeq when subscribing while transitions are being committed', async () => {
    // Eight cases, three sockets on each. On every case five actions are fired one after
    // the other without the test waiting for them; socket j subscribes (sinceSeq 0) just
    // after action j + 2 has been sent, so its replay runs while that commit (and the
    // commits of the other cases) are in flight and the live events come in mid-replay.
    const cases = await Promise.all(range(1, 8).map(() => api.file(buildCase())));
    const inboxes = await Promise.all(cases.map((c) => Promise.all([open(c), open(c), open(c)])));
    const acks: Promise<unknown>[] = [];
    const firing = cases.map((c, n) =>
      (async () => {
        for (let i = 0; i < ACTIONS.length; i++) {
          const sent = act(c.caseNo, i);
          if (i >= 2) acks.push(subscribe(inboxes[n]![i - 2]!.socket, { caseNo: c.caseNo, sinceSeq: 0 }));
          await sent;
        }
      })(),
    );
    await Promise.all(firing);
    const answers = await Promise.all(acks);
    expect(answers).toHaveLength(24);
    for (const a of answers) expect(a).toMatchObject({ ok: true });

    for (const [n, c] of cases.entries()) {
      const last = await lastSeqOf(c);
      expect(last).toBe(6);
      for (const [j, inbox] of inboxes[n]!.entries()) {
        await inbox.untilSeq(c.caseNo, last);
        const got = inbox.updatesOf(c.caseNo);
        expect({ n, j, seqs: seqs(got) }).toEqual({ n, j, seqs: range(1, last) });
        expect(got.map((e) => e.type)).toEqual(TYPES);
        // Each event carries the case as that transition left it.
        expect(got.map((e) => e.version)).toEqual(range(1, last));
        // Nothing of the other cases on this socket.
        expect(inbox.caseUpdates.length).toBe(last);
      }
    }
  });

  it('sends a live event that commits while the replay is being read right after the replay (history read before the commit)', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    const observer = await open(filed);
    expect(await subscribe(observer.socket, { caseNo: no, sinceSeq: 0 })).toMatchObject({ ok: true });
    await act(no, 0);
    await observer.untilSeq(no, 2);

    const subject = await open(filed);
    const hold = holdHistoryReads(srv, 'result');
    let ack: Promise<unknown>;
    try {
      ack = subscribe(subject.socket, { caseNo: no, sinceSeq: 0 });
      await hold.read; // the replay has read seq 1..2 and is held
      await act(no, 1); // seq 3 commits and is published meanwhile
      await observer.untilSeq(no, 3);
      expect(subject.updatesOf(no)).toEqual([]);
      hold.release();
      expect(await ack).toEqual({ ok: true, caseNo: no, lastSeq: 2, replayed: 2 });
    } finally {
      hold.release();
      hold.restore();
    }
    // By the acknowledgement the live event that came in mid-replay has been sent too.
    expect(subject.updatesOf(no).map((e) => [e.seq, e.replay ?? false])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    await act(no, 2);
    await subject.untilSeq(no, 4);
    expect(seqs(subject.updatesOf(no))).toEqual([1, 2, 3, 4]);
  });

  it('does not send twice a live event that the replay also read (history read after the commit)', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    const observer = await open(filed);
    expect(await subscribe(observer.socket, { caseNo: no, sinceSeq: 0 })).toMatchObject({ ok: true });
    await act(no, 0);
    await observer.untilSeq(no, 2);

    const subject = await open(filed);
    const hold = holdHistoryReads(srv, 'query');
    let ack: Promise<unknown>;
    try {
      ack = subscribe(subject.socket, { caseNo: no, sinceSeq: 0 });
      await hold.read; // the replay is about to read, and waits
      await act(no, 1); // seq 3 commits and is published to the waiting subscription
      await observer.untilSeq(no, 3);
      hold.release(); // now the read sees seq 1..3
      expect(await ack).toEqual({ ok: true, caseNo: no, lastSeq: 2, replayed: 3 });
    } finally {
      hold.release();
      hold.restore();
    }
    await act(no, 2);
    await subject.untilSeq(no, 4);
    expect(subject.updatesOf(no).map((e) => [e.seq, e.replay ?? false])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });

  it('restarts from what the client says it has when the same socket subscribes again', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    await act(no, 0);
    await act(no, 1);
    const inbox = await open(filed);
    expect(await subscribe(inbox.socket, { caseNo: no, sinceSeq: 3 })).toEqual({ ok: true, caseNo: no, lastSeq: 3, replayed: 0 });
    expect(await subscribe(inbox.socket, { caseNo: no, sinceSeq: 1 })).toEqual({ ok: true, caseNo: no, lastSeq: 3, replayed: 2 });
    await act(no, 2);
    await inbox.untilSeq(no, 4);
    expect(inbox.updatesOf(no).map((e) => [e.seq, e.replay ?? false])).toEqual([
      [2, true],
      [3, true],
      [4, false],
    ]);
  });
});
