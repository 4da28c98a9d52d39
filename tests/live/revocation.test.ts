import { DEMO } from '../../db/seed/users';
import type { AuthRevoked } from '../../workflows/socketContract';
import { rooms } from '../../workflows/socketContract';
import { Api, buildCase } from '../helpers/api';
import { closeAll, connect, connected, Inbox, openSocket, refused, startLiveServer, subscribe, WAIT_MS, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * A token stands for the account as it was when issued. A password reset,
 * deactivation, a move to another jurisdiction or another role revokes it:
 * REST answers 401, the user's open sockets are told and disconnected (so
 * they stop receiving case:updated, queue:changed and stats:changed), a
 * reconnect with the old token is refused, and a new token gets only what the
 * new role and placement allow. Each test works on accounts of its own.
 */

const PASSWORD = 'first-pass-123';

/** What a socket heard before the server cut it, and why it was cut. */
function cutOff(socket: ClientSocket): Promise<{ revoked: AuthRevoked[]; reason: string }> {
  const revoked: AuthRevoked[] = [];
  socket.on('auth:revoked', (e) => revoked.push(e));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket was not disconnected within ${WAIT_MS} ms`)), WAIT_MS);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve({ revoked, reason });
    });
  });
}

const REVOKED = { revoked: [{ code: 'TOKEN_REVOKED', message: expect.any(String) }], reason: 'io server disconnect' };

describe('revoking tokens when a user changes', () => {
  let srv: TestServer;
  let api: Api;
  /** A second village centre of the demo town that accepts linked items. */
  let otherVillage: string;
  const sockets: ClientSocket[] = [];
  const track = (s: ClientSocket) => {
    sockets.push(s);
    return s;
  };
  let n = 0;

  beforeAll(async () => {
    srv = await startLiveServer('revocation');
    api = new Api(srv.url);
    const row = await srv.ctx.db
      .knex('jurisdictions as j')
      .join('service_centres as c', 'c.code', 'j.code')
      .where({ 'j.parent_code': DEMO.townCode, 'j.level': 'village', 'c.accepts_linked': true })
      .whereNot('j.code', DEMO.villageCode)
      .first('j.code');
    otherVillage = row.code;
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  const login = async (username: string, password = PASSWORD) => api.request('POST', '/api/auth/login', { body: { username, password } });

  /** A new account made by the administrator, logged in. */
  async function account(role: string, jurisdictionCode: string, department?: string) {
    const username = `revoke.${++n}`;
    const made = await api.as('admin', 'POST', '/api/users', { username, displayName: `测试${n}`, password: PASSWORD, role, jurisdictionCode, department });
    expect(made.status).toBe(201);
    const res = await login(username);
    expect(res.status).toBe(200);
    return { id: made.body.id as number, username, token: res.body.token as string };
  }

  const patch = async (id: number, body: Record<string, unknown>) => {
    const res = await api.as('admin', 'PATCH', `/api/users/${id}`, body);
    expect(res.status).toBe(200);
  };

  /** A socket with its inbox listening before the handshake, so what is sent on connect is heard too. */
  async function listening(token: string): Promise<Inbox> {
    const socket = track(openSocket(srv.url, { token }));
    const inbox = new Inbox(socket);
    await connected(socket);
    return inbox;
  }

  const me = (token: string) => api.request('GET', '/api/auth/me', { token });

  async function expectRefused(token: string) {
    const res = await me(token);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    const again = track(openSocket(srv.url, { token }));
    expect((await refused(again)).data).toEqual({ code: 'INVALID_TOKEN', message: expect.any(String) });
  }

  it('a password reset: the old token gets 401 and its socket is cut; the new password logs in', async () => {
    const clerk = await account('clerk', DEMO.villageCode);
    expect((await me(clerk.token)).status).toBe(200);
    const socket = track(await connect(srv.url, { token: clerk.token }));
    const cut = cutOff(socket);

    await patch(clerk.id, { password: 'second-pass-456' });
    expect(await cut).toEqual(REVOKED);
    await expectRefused(clerk.token);
    expect((await login(clerk.username)).status).toBe(401);
    const fresh = await login(clerk.username, 'second-pass-456');
    expect(fresh.status).toBe(200);
    expect((await me(fresh.body.token)).status).toBe(200);
  });

  it('deactivation: the socket stops receiving case:updated and queue:changed, and the old token is refused', async () => {
    const clerk = await account('clerk', DEMO.villageCode);
    // The control: the demo village clerk on the same desk, subscribed to the same case.
    const control = new Inbox(track(await connect(srv.url, { token: await api.token('clerk.village') })));
    const inbox = new Inbox(track(await connect(srv.url, { token: clerk.token })));
    const first = await api.file(buildCase());
    await inbox.until('the first case to arrive at the desk', (i) => i.queueOf(first.caseNo).length > 0);
    for (const i of [inbox, control]) expect(await subscribe(i.socket, { caseNo: first.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true, replayed: 1 });
    const heard = inbox.all().length;
    const cut = cutOff(inbox.socket);

    await patch(clerk.id, { active: false });
    expect(await cut).toEqual(REVOKED);

    // The desk and the case keep moving; the control hears it, the cut socket does not.
    expect((await api.act('clerk.village', first.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const second = await api.file(buildCase());
    await control.untilSeq(first.caseNo, 2);
    await control.until('the second case to arrive', (i) => i.queueOf(second.caseNo).some((q) => q.change === 'arrived'));
    expect(inbox.all()).toHaveLength(heard);
    expect(inbox.socket.connected).toBe(false);

    await expectRefused(clerk.token);
    expect((await login(clerk.username)).status).toBe(401);
  });

  it('a move to another village: the socket is cut, the old token refused, a new token hears only the new desk', async () => {
    const clerk = await account('clerk', DEMO.villageCode);
    const control = new Inbox(track(await connect(srv.url, { token: await api.token('clerk.village') })));
    const socket = track(await connect(srv.url, { token: clerk.token }));
    const cut = cutOff(socket);

    await patch(clerk.id, { jurisdictionCode: otherVillage });
    expect(await cut).toEqual(REVOKED);
    await expectRefused(clerk.token);

    const moved = new Inbox(track(await connect(srv.url, { token: (await login(clerk.username)).body.token })));
    const atOld = await api.file(buildCase());
    const atNew = await api.file(buildCase({ centreCode: otherVillage }));
    await control.until('the case filed at the old village to arrive', (i) => i.queueOf(atOld.caseNo).length > 0);
    await moved.until('the case filed at the new village to arrive', (i) => i.queueOf(atNew.caseNo).length > 0);
    expect(moved.queue.map((q) => q.desk)).toEqual([rooms.desk(otherVillage, null)]);
    // The old desk's case is not the moved clerk's to see any more.
    expect(await subscribe(moved.socket, { caseNo: atOld.caseNo, sinceSeq: 0 })).toMatchObject({ ok: false });
  });

  it('another role: a supervisor made a clerk stops receiving stats:changed; the new token gets the clerk desk only', async () => {
    const supervisor = await account('supervisor', DEMO.countyCode);
    // The control: another supervisor of the same county.
    const control = await listening((await account('supervisor', DEMO.countyCode)).token);
    const inbox = await listening(supervisor.token);
    await inbox.until('the counters sent on connect', (i) => i.stats.length > 0);
    await control.until('the counters sent on connect', (i) => i.stats.length > 0);
    const heard = inbox.all().length;
    const cut = cutOff(inbox.socket);

    await patch(supervisor.id, { role: 'clerk', jurisdictionCode: otherVillage });
    expect(await cut).toEqual(REVOKED);
    await expectRefused(supervisor.token);

    const asClerk = await listening((await login(supervisor.username)).body.token);
    const before = control.stats.length;
    const filed = await api.file(buildCase({ centreCode: otherVillage }));
    await control.until('the county counters to move', (i) => i.stats.length > before);
    await asClerk.until('the case to arrive at the new desk', (i) => i.queueOf(filed.caseNo).length > 0);
    expect(asClerk.stats).toEqual([]);
    expect(inbox.all()).toHaveLength(heard);
  });

  it('a new display name revokes nothing: the token still works and the socket stays', async () => {
    const clerk = await account('clerk', DEMO.villageCode);
    const inbox = new Inbox(track(await connect(srv.url, { token: clerk.token })));
    await patch(clerk.id, { displayName: '改了名字' });
    expect((await me(clerk.token)).body.user).toMatchObject({ id: clerk.id, displayName: '改了名字' });
    const filed = await api.file(buildCase());
    await inbox.until('the case to arrive on the same socket', (i) => i.queueOf(filed.caseNo).length > 0);
    expect(inbox.socket.connected).toBe(true);
  });
});
