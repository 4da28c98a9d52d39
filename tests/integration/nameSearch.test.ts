import crypto from 'node:crypto';
import { nameCandidates } from '../../db/repositories/nameGrams';
import { Api, buildCase, fakeIdNumber, fakeUscc } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * Name search through the names' character pairs (db/repositories/nameGrams.ts)
 * finds exactly what a scan of every name finds: same cases, same total.
 */
const tag = crypto.randomBytes(3).toString('hex');

describe('name search by character pairs', () => {
  let srv: TestServer;
  let api: Api;
  const names = [`欧阳明华${tag}`, `明华科技${tag}`, `华明${tag}`, `Anna Lee${tag}`, `欧华${tag}`];

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    for (const name of names) await api.file(buildCase({ applicant: { name, idNumber: fakeIdNumber(), phone: '13812345678' } }));
    // A company: found by its legal representative's name too.
    await api.file(buildCase({ applicant: { type: 'organisation', name: `温州明华贸易${tag}有限公司`, uscc: fakeUscc(), legalRepresentative: `阳明${tag}`, phone: '13812345678' } }));
  });
  afterAll(() => srv.close());

  /** What a scan of every name finds (the reference), among this file's cases. */
  async function scanned(q: string): Promise<string[]> {
    const like = `%${q}%`;
    const rows = await srv.ctx.db.knex('cases')
      .where((w) => w.where('applicant_name', 'like', like).orWhere('applicant_legal_rep', 'like', like))
      .andWhere((w) => w.where('applicant_name', 'like', `%${tag}%`).orWhere('applicant_legal_rep', 'like', `%${tag}%`))
      .orderBy('id', 'desc')
      .select('case_no');
    return rows.map((r) => String(r.case_no));
  }

  it.each([
    ['明华', 3],
    ['阳明', 2],
    ['华明', 1],
    ['欧华', 1], // 欧阳明华 holds 欧 and 华 but not the pair: only 欧华 itself
    ['anna', 1], // letters match in either case, as the scan's LIKE does
    ['ANNA LEE', 1],
    ['a l', 1],
    ['阳', 2],
    ['明华科', 1],
    ['华明华', 0],
  ])('%s: the same cases as a scan of every name', async (q, expected) => {
    const res = await api.as('supervisor.city', 'GET', `/api/cases?q=${encodeURIComponent(q)}&pageSize=100`);
    expect(res.status).toBe(200);
    const found = (res.body.cases as { caseNo: string; applicant: { name: string } }[]).filter((c) => JSON.stringify(c).includes(tag)).map((c) => c.caseNo);
    const reference = await scanned(q);
    expect(found).toEqual(reference);
    expect(found).toHaveLength(expected);
  });

  it('gives up on a query whose pairs more cases share than the cap, so the scan serves it', async () => {
    expect(await nameCandidates(srv.ctx.db.knex, `明华${tag}`.slice(0, 2), 1)).toBeNull();
    expect(await nameCandidates(srv.ctx.db.knex, `欧阳明华${tag}`, 5)).toHaveLength(1);
  });
});
