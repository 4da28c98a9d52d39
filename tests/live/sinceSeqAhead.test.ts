import { Api, buildCase } from '../helpers/api';
import { closeAll, connect, Inbox, startLiveServer, subscribe, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * A client that says it has seen events the case does not have (its history
 * is another database's, e.g. after a restore) is refused with
 * SINCE_SEQ_AHEAD instead of being acknowledged and then silently sent
 * nothing until the case catches up with its number. What docs/live.md tells
 * the client to do, start again from 0, gives it the whole history once.
 */
describe('case:subscribe with a sinceSeq past the case’s last event', () => {
  let srv: TestServer;
  let api: Api;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    srv = await startLiveServer('since_ahead');
    api = new Api(srv.url);
  });
  afterAll(async () => {
    closeAll(sockets);
    await srv.close();
  });

  async function applicant(caseNo: string, queryCode: string): Promise<Inbox> {
    const socket = await connect(srv.url, { caseNo, queryCode });
    sockets.push(socket);
    return new Inbox(socket);
  }

  it('is refused with SINCE_SEQ_AHEAD, ends an earlier subscription, and a resubscription from 0 replays everything once', async () => {
    const filed = await api.file(buildCase());
    const no = filed.caseNo;
    expect((await api.act('clerk.village', no, { type: 'ACCEPT' })).status).toBe(200);
    const inbox = await applicant(no, filed.queryCode);
    const watcher = await applicant(no, filed.queryCode);
    expect(await subscribe(watcher.socket, { caseNo: no, sinceSeq: 2 })).toEqual({ ok: true, caseNo: no, lastSeq: 2, replayed: 0 });

    // Subscribed properly first, then claiming seq 9 of a case at seq 2.
    expect(await subscribe(inbox.socket, { caseNo: no, sinceSeq: 2 })).toMatchObject({ ok: true, lastSeq: 2 });
    const ack = await subscribe(inbox.socket, { caseNo: no, sinceSeq: 9 });
    expect(ack).toEqual({ ok: false, error: { code: 'SINCE_SEQ_AHEAD', message: expect.stringContaining('sinceSeq 0') } });
    expect(ack.ok === false && ack.error.message).toContain('#2');

    // A transition while the client is not subscribed: the watcher hears it.
    expect((await api.act('clerk.town', no, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
    await watcher.untilSeq(no, 3);

    // As docs/live.md says: drop what it holds, subscribe from 0. Everything comes once, in order, as replay.
    expect(await subscribe(inbox.socket, { caseNo: no, sinceSeq: 0 })).toEqual({ ok: true, caseNo: no, lastSeq: 3, replayed: 3 });
    await inbox.untilSeq(no, 3);
    expect(inbox.updatesOf(no).map((e) => [e.seq, e.replay])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);

    // And it stays live from there.
    expect((await api.act('reviewer.county', no, { type: 'FORWARD', opinion: '审查同意' })).status).toBe(200);
    await inbox.untilSeq(no, 4);
    expect(inbox.updatesOf(no).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('still acknowledges sinceSeq equal to the last seq (nothing to replay) and below it', async () => {
    const filed = await api.file(buildCase());
    const inbox = await applicant(filed.caseNo, filed.queryCode);
    expect(await subscribe(inbox.socket, { caseNo: filed.caseNo, sinceSeq: 1 })).toEqual({ ok: true, caseNo: filed.caseNo, lastSeq: 1, replayed: 0 });
    expect(await subscribe(inbox.socket, { caseNo: filed.caseNo, sinceSeq: 2 })).toMatchObject({ ok: false, error: { code: 'SINCE_SEQ_AHEAD' } });
  });
});
