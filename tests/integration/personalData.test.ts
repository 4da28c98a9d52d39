import { buildCase, DEMO, fakeIdNumber } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * The applicant's ID number, phone and postal address in full only for the
 * desk working the case's current step; the applicant gets their own
 * address (their change-of-delivery form starts from it) with ID number and
 * phone masked; everybody else gets all three masked: case views, lists,
 * queues, histories. Before, county and city clerks saw full ID numbers and
 * phones of cases at department steps they could not act on, and their
 * queues listed that department work.
 */

const PHONE = '13912345678';
const ADDRESS = '浙江省温州市鹿城区五马街道解放街 88 号';
const NEW_ADDRESS = '浙江省温州市瓯海区新桥街道高翔路 9 号';

type Applicant = { name: string; idNumber: string; phone: string };

describe('personal data goes only to the desk at the current step', () => {
  const api = useTestServer();

  const fileWithAddress = async (overrides: Record<string, unknown> = {}) => {
    const applicant: Applicant = { name: '钱多多', idNumber: fakeIdNumber(), phone: PHONE };
    const filed = await api.file(buildCase({ applicant, delivery: { mode: 'post', address: ADDRESS }, ...overrides }));
    return { ...filed, applicant } as { caseNo: string; queryCode: string; applicant: Applicant };
  };
  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    expect({ user, status: res.status, error: res.body?.error }).toEqual({ user, status: 200, error: undefined });
  };

  /** What a case view holds of the applicant: 'full' (all three in clear), 'applicant' (address only) or 'masked'. */
  function exposure(view: { applicant: Applicant; delivery: { address: string | null } }, a: Applicant, address: string): string {
    const id = view.applicant.idNumber === a.idNumber;
    const phone = view.applicant.phone === PHONE;
    const addr = view.delivery.address === address;
    if (!id) expect(view.applicant.idNumber).toBe(`${a.idNumber.slice(0, 3)}${'*'.repeat(11)}${a.idNumber.slice(-4)}`);
    if (!phone) expect(view.applicant.phone).toBe('139****5678');
    if (!addr) expect(view.delivery.address).toBe('浙江省温州市****');
    // Nothing of the masked parts leaks anywhere else in the view either.
    const text = JSON.stringify(view);
    if (!id) expect(text).not.toContain(a.idNumber.slice(3, 14));
    if (!addr) expect(text).not.toContain('解放街');
    if (id && phone && addr) return 'full';
    if (!id && !phone && addr) return 'applicant';
    if (!id && !phone && !addr) return 'masked';
    return `mixed id=${id} phone=${phone} address=${addr}`;
  }

  const viewAs = async (user: string, caseNo: string) => {
    const res = await api.as(user, 'GET', `/api/cases/${caseNo}`);
    expect({ user, status: res.status }).toEqual({ user, status: 200 });
    return res.body;
  };

  it('a case at the county market review: full for reviewer.county only; masked for the county and city clerks, the accepting village, the town, the city reviewer and the supervisor', async () => {
    const f = await fileWithAddress();
    await act('clerk.village', f.caseNo, { type: 'ACCEPT' });
    await act('clerk.town', f.caseNo, { type: 'FORWARD', opinion: '同意' });
    const expected: Record<string, string> = {
      'reviewer.county': 'full',
      'clerk.county': 'masked',
      'clerk.city': 'masked',
      'clerk.village': 'masked',
      'clerk.town': 'masked',
      'reviewer.city': 'masked',
      'supervisor.city': 'masked',
      'supervisor.county': 'masked',
      admin: 'masked',
    };
    const got: Record<string, string> = {};
    for (const user of Object.keys(expected)) got[user] = exposure(await viewAs(user, f.caseNo), f.applicant, ADDRESS);
    expect(got).toEqual(expected);
    const mine = await api.request('GET', `/api/cases/${f.caseNo}`, { headers: { 'x-query-code': f.queryCode } });
    expect(exposure(mine.body, f.applicant, ADDRESS)).toBe('applicant');
  });

  it('follows the case: each desk sees it in full while the case waits at it, and masked once it has moved on', async () => {
    const f = await fileWithAddress();
    const who = async () => {
      const out: Record<string, string> = {};
      for (const user of ['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city']) out[user] = exposure(await viewAs(user, f.caseNo), f.applicant, ADDRESS);
      return out;
    };
    const only = (user: string | null) => Object.fromEntries(['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city'].map((u) => [u, u === user ? 'full' : 'masked']));
    expect(await who()).toEqual(only('clerk.village'));
    await act('clerk.village', f.caseNo, { type: 'ACCEPT' });
    expect(await who()).toEqual(only('clerk.town'));
    await act('clerk.town', f.caseNo, { type: 'FORWARD', opinion: '同意' });
    expect(await who()).toEqual(only('reviewer.county'));
    await act('reviewer.county', f.caseNo, { type: 'FORWARD', opinion: '同意' });
    expect(await who()).toEqual(only('reviewer.city'));
    await act('reviewer.city', f.caseNo, { type: 'APPROVE', opinion: '准予许可' });
    await act('reviewer.city', f.caseNo, { type: 'ISSUE', licenceNo: 'YP-PD-0001' });
    expect(await who()).toEqual(only('clerk.village'));
    await act('clerk.village', f.caseNo, { type: 'DELIVER', mode: 'post', trackingNo: '0000000000001' });
    expect(await who()).toEqual(only('clerk.village'));
    // Closed: nobody handles it any more.
    const res = await api.request('POST', `/api/cases/${f.caseNo}/actions`, { body: { type: 'COMPLETE' }, headers: { 'x-query-code': f.queryCode } });
    expect(res.status).toBe(200);
    expect(await who()).toEqual(only(null));
  });

  it('masks a postal address in the history (CHOOSE_DELIVERY, DELIVER) for all but the current desk and the applicant', async () => {
    const f = await fileWithAddress();
    const headers = { 'x-query-code': f.queryCode };
    const chose = await api.request('POST', `/api/cases/${f.caseNo}/actions`, { body: { type: 'CHOOSE_DELIVERY', mode: 'post', address: NEW_ADDRESS }, headers });
    expect(chose.status).toBe(200);
    // The applicant's own answer and history carry the address they gave.
    expect(chose.body.event.payload.address).toBe(NEW_ADDRESS);
    expect(chose.body.case.delivery.address).toBe(NEW_ADDRESS);
    const own = await api.request('GET', `/api/cases/${f.caseNo}/events`, { headers });
    expect(own.body.events.find((e: { type: string }) => e.type === 'CHOOSE_DELIVERY').payload.address).toBe(NEW_ADDRESS);
    const addressIn = async (user: string) => {
      const res = await api.as(user, 'GET', `/api/cases/${f.caseNo}/events`);
      expect(res.status).toBe(200);
      return res.body.events.find((e: { type: string }) => e.type === 'CHOOSE_DELIVERY').payload.address;
    };
    expect(await addressIn('clerk.village')).toBe(NEW_ADDRESS);
    for (const user of ['clerk.town', 'clerk.county', 'supervisor.city']) {
      expect({ user, address: await addressIn(user) }).toEqual({ user, address: '浙江省温州市****' });
      const events = await api.as(user, 'GET', `/api/cases/${f.caseNo}/events`);
      expect(JSON.stringify(events.body)).not.toContain('高翔路');
    }
  });

  it('lists (GET /api/cases) mask every case but those waiting at the caller’s own desk', async () => {
    const atVillage = await fileWithAddress();
    const atCounty = await fileWithAddress();
    await act('clerk.village', atCounty.caseNo, { type: 'ACCEPT' });
    await act('clerk.town', atCounty.caseNo, { type: 'FORWARD', opinion: '同意' });
    const listed = async (user: string, f: { caseNo: string; applicant: Applicant }) => {
      const res = await api.as(user, 'GET', `/api/cases?q=${f.caseNo}`);
      expect(res.status).toBe(200);
      const row = res.body.cases.find((c: { caseNo: string }) => c.caseNo === f.caseNo);
      expect(row).toBeDefined();
      return exposure(row, f.applicant, ADDRESS);
    };
    expect(await listed('clerk.village', atVillage)).toBe('full');
    expect(await listed('clerk.village', atCounty)).toBe('masked');
    expect(await listed('clerk.county', atCounty)).toBe('masked');
    expect(await listed('clerk.county', atVillage)).toBe('masked');
    expect(await listed('supervisor.city', atCounty)).toBe('masked');
  });

  describe('queues list only the caller’s own desk', () => {
    const queue = async (user: string) => {
      const res = await api.as(user, 'GET', '/api/queue?limit=200');
      expect(res.status).toBe(200);
      return res.body.cases as { caseNo: string; step: { kind: string; level: string; jurisdictionCode: string; department: string | null }; applicant: Applicant; delivery: { address: string | null } }[];
    };

    it('a county clerk queues the county centre’s acceptance and delivery, not the county departments’ work', async () => {
      const atAccept = await fileWithAddress({ itemCode: '330300-XK-0007', centreCode: DEMO.countyCode });
      const atDecide = await fileWithAddress({ itemCode: '330300-XK-0007', centreCode: DEMO.countyCode });
      await act('clerk.county', atDecide.caseNo, { type: 'ACCEPT' });
      // A village case at the county market review: department work at the county too.
      const linked = await fileWithAddress();
      await act('clerk.village', linked.caseNo, { type: 'ACCEPT' });
      await act('clerk.town', linked.caseNo, { type: 'FORWARD', opinion: '同意' });

      const clerk = await queue('clerk.county');
      const clerkNos = clerk.map((c) => c.caseNo);
      expect(clerkNos).toContain(atAccept.caseNo);
      expect(clerkNos).not.toContain(atDecide.caseNo);
      expect(clerkNos).not.toContain(linked.caseNo);
      // Nothing in it is a department's step.
      expect(clerk.filter((c) => c.step.kind !== 'accept' && c.step.kind !== 'deliver')).toEqual([]);
      const reviewer = (await queue('reviewer.county')).map((c) => c.caseNo);
      expect(reviewer).toContain(atDecide.caseNo);
      expect(reviewer).toContain(linked.caseNo);
      expect(reviewer).not.toContain(atAccept.caseNo);
    });

    it('a city clerk does not queue the city market department’s decision', async () => {
      const f = await fileWithAddress();
      for (const [user, action] of [
        ['clerk.village', { type: 'ACCEPT' }],
        ['clerk.town', { type: 'FORWARD', opinion: '同意' }],
        ['reviewer.county', { type: 'FORWARD', opinion: '同意' }],
      ] as [string, Record<string, unknown>][]) await act(user, f.caseNo, action);
      expect((await queue('clerk.city')).map((c) => c.caseNo)).not.toContain(f.caseNo);
      expect((await queue('reviewer.city')).map((c) => c.caseNo)).toContain(f.caseNo);
    });

    it('every case in a queue waits at the caller’s desk, and is shown in full there', async () => {
      const f = await fileWithAddress({ itemCode: '330300-XK-0060', centreCode: DEMO.cityCode });
      for (const user of ['clerk.village', 'clerk.town', 'clerk.county', 'clerk.city', 'reviewer.county', 'reviewer.city']) {
        const rows = await queue(user);
        const me = (await api.as(user, 'GET', '/api/auth/me')).body.user as { jurisdictionCode: string };
        expect(me.jurisdictionCode).toMatch(/^\d{12}$/);
        for (const c of rows) {
          const centre = c.step.kind === 'accept' || c.step.kind === 'deliver' || c.step.level === 'village' || c.step.level === 'town';
          expect({ user, caseNo: c.caseNo, desk: centre ? 'centre' : c.step.department }).toEqual({
            user,
            caseNo: c.caseNo,
            desk: user.startsWith('clerk.') ? 'centre' : DEMO.department,
          });
          expect(c.step.jurisdictionCode).toBe(me.jurisdictionCode);
        }
        const mine = rows.find((c) => c.caseNo === f.caseNo);
        if (mine) expect(exposure(mine, f.applicant, ADDRESS)).toBe('full');
      }
      expect((await queue('clerk.city')).map((c) => c.caseNo)).toContain(f.caseNo);
    });
  });
});
