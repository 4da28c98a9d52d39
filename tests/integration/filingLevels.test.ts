import { buildCase, DEMO, fakeUscc } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * A case can be filed at a service centre of every level the catalogue
 * allows, and runs from acceptance to delivery: centre steps (accept,
 * deliver, and every village or town step) are worked by the filing
 * centre's clerk, department steps by that department's reviewer. Before,
 * a case filed at a county, city or province centre could never be
 * accepted (ACCEPT by clerk.county → 409, `actions` empty for everyone).
 * At every step: the right desk is offered the action and queues the case;
 * every other desk is offered nothing, does not queue it, and is refused.
 */

/** Every staff desk that could be mistaken for another. */
const STAFF = [
  'clerk.village',
  'clerk.town',
  'clerk.county',
  'clerk.city',
  'clerk.province',
  'clerk.othertown',
  'reviewer.county',
  'reviewer.city',
  'reviewer.province',
  'reviewer.health.county',
  'reviewer.health.city',
  'reviewer.health.province',
  'supervisor.city',
];

type Step = [user: string, action: Record<string, unknown>, stateAfter: string];

const pickup: Record<string, unknown> = { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' };

/** [filing level, centre, item (all of the market department), its steps after filing] */
const LEVELS: [string, string, string, Step[]][] = [
  [
    'village',
    DEMO.villageCode,
    DEMO.cityItemCode, // village → town → county → city decides
    [
      ['clerk.village', { type: 'ACCEPT' }, 'review'],
      ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }, 'review'],
      ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }, 'decision'],
      ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }, 'approved'],
      ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP-V-0001' }, 'issued'],
      ['clerk.village', pickup, 'completed'],
    ],
  ],
  [
    'town',
    DEMO.townCode,
    DEMO.provinceItemCode, // town → county → city → province decides
    [
      ['clerk.town', { type: 'ACCEPT' }, 'review'],
      ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }, 'review'],
      ['reviewer.city', { type: 'FORWARD', opinion: '审查同意' }, 'decision'],
      ['reviewer.province', { type: 'APPROVE', opinion: '准予注册' }, 'approved'],
      ['reviewer.province', { type: 'ISSUE', licenceNo: 'ZY-T-0001' }, 'issued'],
      ['clerk.town', pickup, 'completed'],
    ],
  ],
  [
    'county',
    DEMO.countyCode,
    '330300-XK-0007', // 食品经营许可（食品销售·延续）: accepted and decided at the county
    [
      ['clerk.county', { type: 'ACCEPT' }, 'decision'],
      ['reviewer.county', { type: 'APPROVE', opinion: '准予延续' }, 'approved'],
      ['reviewer.county', { type: 'ISSUE', licenceNo: 'JY-C-0001' }, 'issued'],
      ['clerk.county', pickup, 'completed'],
    ],
  ],
  [
    'city',
    DEMO.cityCode,
    '330300-XK-0060', // 食品生产许可（粮食加工品·变更）: accepted and decided at the city
    [
      ['clerk.city', { type: 'ACCEPT' }, 'decision'],
      ['reviewer.city', { type: 'APPROVE', opinion: '准予变更' }, 'approved'],
      ['reviewer.city', { type: 'ISSUE', licenceNo: 'SC-M-0001' }, 'issued'],
      ['clerk.city', pickup, 'completed'],
    ],
  ],
  [
    'province',
    DEMO.provinceCode,
    '330300-XK-0142', // 特殊食品生产许可（保健食品·新办）: accepted and decided at the province
    [
      ['clerk.province', { type: 'ACCEPT' }, 'decision'],
      ['reviewer.province', { type: 'APPROVE', opinion: '准予许可' }, 'approved'],
      ['reviewer.province', { type: 'ISSUE', licenceNo: 'TS-P-0001' }, 'issued'],
      ['clerk.province', pickup, 'completed'],
    ],
  ],
];

describe('filing at every level the catalogue allows, through to delivery', () => {
  const api = useTestServer();

  const inQueue = async (user: string, caseNo: string): Promise<boolean> => {
    const res = await api.as(user, 'GET', '/api/queue?limit=200');
    if (res.status === 403) return false; // not a desk at all (supervisor)
    expect({ user, status: res.status }).toEqual({ user, status: 200 });
    return res.body.cases.some((c: { caseNo: string }) => c.caseNo === caseNo);
  };
  const versionOf = async (caseNo: string): Promise<number> => (await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`)).body.version;

  it.each(LEVELS)('filed at a %s centre: each desk in turn, and no other, is offered its step and may take it', async (_level, centre, itemCode, steps) => {
    // 特殊食品生产许可 is filed by a company only (items say which applicant types they take).
    const company = { type: 'organisation', name: '温州瓯江保健食品有限公司', uscc: fakeUscc(), legalRepresentative: '陈立', phone: '057788123456' };
    const filed = await api.file(buildCase({ itemCode, centreCode: centre, ...(itemCode === '330300-XK-0142' ? { applicant: company } : {}) }));
    expect(filed.state).toBe('acceptanceReview');
    expect(filed.step).toMatchObject({ kind: 'accept', jurisdictionCode: centre });
    for (const [user, action, stateAfter] of steps) {
      const what = `${user} ${String(action.type)}`;
      // The right desk: offered the action, and the case is in its queue.
      const mine = await api.as(user, 'GET', `/api/cases/${filed.caseNo}`);
      expect({ what, status: mine.status, offered: mine.body.actions?.includes(action.type) }).toEqual({ what, status: 200, offered: true });
      expect({ what, queued: await inQueue(user, filed.caseNo) }).toEqual({ what, queued: true });
      // Every other desk: offered nothing, not queued, refused without a change.
      const version = await versionOf(filed.caseNo);
      for (const other of STAFF.filter((u) => u !== user)) {
        const seen = await api.as(other, 'GET', `/api/cases/${filed.caseNo}`);
        // A supervisor is offered 督办 (URGE) on any open case it may see, never a desk's step.
        const expected = seen.status !== 200 ? 'hidden' : other.startsWith('supervisor.') ? ['URGE'] : [];
        expect({ what, other, actions: seen.status === 200 ? seen.body.actions : 'hidden' }).toEqual({ what, other, actions: expected });
        if (seen.status !== 200) expect({ what, other, status: seen.status }).toEqual({ what, other, status: 404 });
        expect({ what, other, queued: await inQueue(other, filed.caseNo) }).toEqual({ what, other, queued: false });
        const tried = await api.act(other, filed.caseNo, action);
        expect({ what, other, refused: [403, 404, 409].includes(tried.status) }).toEqual({ what, other, refused: true });
      }
      expect(await versionOf(filed.caseNo)).toBe(version);
      // The right desk takes it.
      const done = await api.act(user, filed.caseNo, action);
      expect({ what, status: done.status, error: done.body?.error }).toEqual({ what, status: 200, error: undefined });
      expect({ what, state: done.body.case.state }).toEqual({ what, state: stateAfter });
    }
    const last = await api.request('GET', `/api/cases/${filed.caseNo}`, { headers: { 'x-query-code': filed.queryCode } });
    expect([last.body.state, last.body.licenceNo, last.body.delivery.mode]).toEqual(['completed', steps.find(([, a]) => a.type === 'ISSUE')![1].licenceNo, 'pickup']);
    for (const user of STAFF) expect({ user, queued: await inQueue(user, filed.caseNo) }).toEqual({ user, queued: false });
  });

  it('a county clerk works the county centre’s steps only: not a county department’s decision on a case filed there', async () => {
    const filed = await api.file(buildCase({ itemCode: '330300-XK-0007', centreCode: DEMO.countyCode }));
    expect((await api.act('clerk.county', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const clerk = await api.as('clerk.county', 'GET', `/api/cases/${filed.caseNo}`);
    expect([clerk.status, clerk.body.actions, clerk.body.step.kind]).toEqual([200, [], 'decide']);
    const approve = await api.act('clerk.county', filed.caseNo, { type: 'APPROVE', opinion: '准予' });
    expect({ status: approve.status, code: approve.body.error.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    expect(await inQueue('clerk.county', filed.caseNo)).toBe(false);
    expect(await inQueue('reviewer.county', filed.caseNo)).toBe(true);
  });
});
