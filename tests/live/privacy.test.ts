import { Api, buildCase, DEMO, fakeIdNumber } from '../helpers/api';
import { closeAll, connect, Inbox, startLiveServer, subscribe, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Over sockets: a case a user may not see answers `case:subscribe` exactly as
 * a number never given out (CASE_NOT_FOUND, same message), and no socket
 * message ever carries the applicant's ID number, phone or postal address.
 */

const NO_SUCH_CASE = '20000101-999999';
const PHONE = '13712345678';
const ADDRESS = '浙江省温州市鹿城区五马街道解放街 88 号';
const NEW_ADDRESS = '浙江省温州市瓯海区新桥街道高翔路 9 号';

describe('sockets: no case numbers and no personal data for those who may not have them', () => {
  let srv: TestServer;
  let api: Api;
  const sockets: ClientSocket[] = [];
  const open = async (auth: Parameters<typeof connect>[1]) => {
    const s = await connect(srv.url, auth);
    sockets.push(s);
    return s;
  };
  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    expect({ user, type: action.type, status: res.status }).toEqual({ user, type: action.type, status: 200 });
  };

  beforeAll(async () => {
    srv = await startLiveServer('privacy');
    api = new Api(srv.url);
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  /** For each user, a case it may see, filed by [user or anonymous, body overrides], and who accepts it. */
  const MARKERS: [string, string | undefined, Record<string, unknown>, string][] = [
    ['clerk.othertown', undefined, { centreCode: DEMO.otherTownCode }, 'clerk.othertown'],
    ['reviewer.health.county', undefined, { itemCode: DEMO.otherItemCode }, 'clerk.village'],
    ['reviewer.province', undefined, { itemCode: DEMO.provinceItemCode, centreCode: DEMO.townCode }, 'clerk.town'],
    ['applicant', 'applicant', {}, 'clerk.village'],
  ];

  it.each(MARKERS)(
    '%s: subscribing to a case it may not see answers as for a missing number, and it is sent nothing of the case',
    async (user, filer, markerBody, markerClerk) => {
      const filed = await api.file(buildCase());
      const inbox = new Inbox(await open({ token: await api.token(user) }));
      const ack = await subscribe(inbox.socket, { caseNo: filed.caseNo, sinceSeq: 0 });
      expect(ack).toEqual(await subscribe(inbox.socket, { caseNo: NO_SUCH_CASE, sinceSeq: 0 }));
      expect(ack).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
      // A query code of another case does not open it either, and answers the same.
      const marker = await api.file(buildCase(markerBody), filer);
      expect(await subscribe(inbox.socket, { caseNo: filed.caseNo, queryCode: marker.queryCode, sinceSeq: 0 })).toEqual(ack);
      // A case this user may see: its events reach the socket, in publish order.
      expect(await subscribe(inbox.socket, { caseNo: marker.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true });
      // The hidden case moves, then the marker: once the marker's move is here, anything of the hidden case would be too.
      await act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
      await act(markerClerk, marker.caseNo, { type: 'ACCEPT' });
      await inbox.untilSeq(marker.caseNo, 2);
      expect(JSON.stringify(inbox.all())).not.toContain(filed.caseNo);
    },
  );

  it('no socket message carries the ID number, phone or postal address, whoever receives it', async () => {
    const idNumber = fakeIdNumber();
    const filed = await api.file(buildCase({ applicant: { name: '孙小美', idNumber, phone: PHONE }, delivery: { mode: 'post', address: ADDRESS } }));
    const no: string = filed.caseNo;
    const watchers = {
      applicant: new Inbox(await open({ caseNo: no, queryCode: filed.queryCode })),
      village: new Inbox(await open({ token: await api.token('clerk.village') })),
      town: new Inbox(await open({ token: await api.token('clerk.town') })),
      county: new Inbox(await open({ token: await api.token('reviewer.county') })),
      city: new Inbox(await open({ token: await api.token('reviewer.city') })),
      supervisor: new Inbox(await open({ token: await api.token('supervisor.city') })),
    };
    for (const inbox of Object.values(watchers)) expect(await subscribe(inbox.socket, { caseNo: no, sinceSeq: 0 })).toMatchObject({ ok: true });
    const chose = await api.request('POST', `/api/cases/${no}/actions`, { body: { type: 'CHOOSE_DELIVERY', mode: 'post', address: NEW_ADDRESS }, headers: { 'x-query-code': filed.queryCode } });
    expect(chose.status).toBe(200);
    await act('clerk.village', no, { type: 'ACCEPT' });
    await act('clerk.town', no, { type: 'FORWARD', opinion: '同意' });
    await act('reviewer.county', no, { type: 'FORWARD', opinion: '同意' });
    await act('reviewer.city', no, { type: 'APPROVE', opinion: '准予许可' });
    await act('reviewer.city', no, { type: 'ISSUE', licenceNo: 'YP-PRIV-0001' });
    await act('clerk.village', no, { type: 'DELIVER', mode: 'post', trackingNo: '5555555555555', address: NEW_ADDRESS });
    // Seq 1 filing, 2 choice, 3–8 the desks.
    await Promise.all(Object.values(watchers).map((i) => i.untilSeq(no, 8)));
    await watchers.village.until('the case arriving back at the village desk', (i) => i.queueOf(no).some((q) => q.change === 'arrived' && q.seq === 7));
    for (const [who, inbox] of Object.entries(watchers)) {
      expect({ who, seqs: inbox.updatesOf(no).map((e) => e.seq) }).toEqual({ who, seqs: [1, 2, 3, 4, 5, 6, 7, 8] });
      const pushed = JSON.stringify(inbox.all());
      for (const secret of [idNumber, idNumber.slice(6, 14), PHONE, PHONE.slice(3), '解放街', '高翔路', '孙小美']) {
        expect({ who, leaked: pushed.includes(secret) ? secret : null }).toEqual({ who, leaked: null });
      }
    }
  });
});
