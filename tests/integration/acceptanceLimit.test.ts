import { Api, buildCase, DEMO } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * 行政许可法 Art. 32: missing materials must be listed within 5 working days
 * of arrival, else the file counts as accepted on arrival. Counted by hand:
 * filed Mon 2024-09-23, working days after it are 09-24 (1), 09-25 (2),
 * 09-26 (3), 09-27 (4), Sun 09-29 (5, make-up day) — the notice period ends
 * on 2024-09-29; 09-30 is the 6th working day, then National Day is off.
 */
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`);

describe('the 5-day limit to ask for missing materials', () => {
  let srv: TestServer;
  let api: Api;
  let now = chinaMorning('2024-09-23');
  beforeAll(async () => {
    srv = await startTestServer({ now: () => now });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  it('still lets the clerk ask on the last day of the period (a make-up Sunday)', async () => {
    now = chinaMorning('2024-09-23');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    expect(filed.clock.deadline).toBe('2024-09-29');
    now = chinaMorning('2024-09-29');
    const res = await api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['场地平面图'] });
    expect(res.status).toBe(200);
    expect(res.body.case.state).toBe('awaitingMaterials');
  });

  it('refuses a materials request after the period with MATERIALS_NOTICE_EXPIRED and changes nothing', async () => {
    now = chinaMorning('2024-09-23');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    now = chinaMorning('2024-09-30');
    const res = await api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['场地平面图'] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MATERIALS_NOTICE_EXPIRED');
    const after = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
    expect(after.body).toMatchObject({ state: 'acceptanceReview', version: 1, lastSeq: 1 });
  });

  it('counts a late acceptance as accepted on arrival: the next phase started on the filing day', async () => {
    now = chinaMorning('2024-09-23');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    now = chinaMorning('2024-09-30');
    const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    expect(res.status).toBe(200);
    // Town review, the item's step limit of 2 working days from 09-23: 09-24 (1), 09-25 (2) → due Wed
    // 2024-09-25, already 6 days used (09-24..27, 09-29, 09-30). The promise of 10 from 09-23 too:
    // 09-24..27 (4), 09-29 (5), 09-30 (6), 10-08..11 (10) → Fri 2024-10-11.
    expect(res.body.case.clock).toMatchObject({ phase: 'review', usedDays: 6, limitDays: 2, deadline: '2024-09-25' });
    expect(res.body.case.promise).toMatchObject({ status: 'running', limitDays: 10, usedDays: 6, dueOn: '2024-10-11' });
  });

  it('counts an acceptance in time from the day of acceptance', async () => {
    now = chinaMorning('2024-09-23');
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    now = chinaMorning('2024-09-25');
    const res = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    expect(res.body.case.clock).toMatchObject({ phase: 'review', usedDays: 0, limitDays: 2 });
    // From 09-25: 09-26 (1), 09-27 (2) for the town's review; the promise of 10:
    // 09-26, 09-27, 09-29, 09-30 (4), 10-08..12 (9), 10-14 (10).
    expect(res.body.case.clock.deadline).toBe('2024-09-27');
    expect(res.body.case.promise).toMatchObject({ status: 'running', usedDays: 0, dueOn: '2024-10-14' });
  });
});
