import { buildCatalogue } from '../../db/seed/catalogue';
import { DEMO } from '../../db/seed/users';
import { useTestServer } from '../helpers/testServer';
import { powersOf } from '../helpers/powersFactories';

/*
 * The public power and responsibility lists over real HTTP on the seeded
 * database: every figure of the seed report is counted from the rows by the
 * API (the city's 12,723 → 4,168 of 55 → 44 departments, 67.2 %; the counties'
 * 86,531 → 43,197), two versions compare with reasons, an entry carries its
 * responsibility list and the items implementing it, and the guide's item
 * shows its power.
 */
describe('power lists, public', () => {
  const api = useTestServer();
  const versions = async (query = '') => (await api.request('GET', `/api/powers/versions?pageSize=100${query}`)).body;

  it('answers the published city list: 4,168 powers of 44 departments', async () => {
    const city = await powersOf(api, 'level=city');
    expect([city.total, city.departments, city.departmentCounts.reduce((n, d) => n + d.count, 0)]).toEqual([4_168, 44, 4_168]);
  });

  it('counts each version’s reviewed, published and cut from the entries', async () => {
    const city = (await versions('&level=city')).versions;
    expect(city.map((v: any) => [v.seq, v.kind, v.entries, v.departments])).toEqual([[1, 'review', 12_723, 55], [2, 'list', 4_168, 44]]);
    expect([city[1].reviewed, city[1].published, city[1].cut, city[1].cutPercent]).toEqual([12_723, 4_168, 8_555, 67.2]);
  });

  it('counts the counties’ 2014 lists: 86,531 reviewed, 43,197 published', async () => {
    const all = await versions('&level=county');
    const published2014 = all.versions.filter((v: any) => v.seq === 2);
    expect([published2014.length, published2014.reduce((n: number, v: any) => n + v.reviewed, 0), published2014.reduce((n: number, v: any) => n + v.published, 0)]).toEqual([11, 86_531, 43_197]);
    const now = await powersOf(api, 'level=county');
    expect(now.total).toBe(all.totals.county.published);
  });

  it('compares the review with the published list: what was cut, merged and moved, with reasons', async () => {
    const [v1, v2] = (await versions('&level=city')).versions;
    const res = await api.request('GET', `/api/powers/versions/compare?from=${v1.id}&to=${v2.id}&pageSize=100`);
    expect(res.status).toBe(200);
    const s = res.body.summary;
    expect([s.fromEntries, s.toEntries, s.net, s.removed.total - s.added.total, s.cutPercent]).toEqual([12_723, 4_168, -8_555, 8_555, 67.2]);
    expect(new Set(res.body.changes.map((c: any) => c.kind))).toEqual(new Set(['cut', 'merge', 'move', 'add']));
    expect(res.body.changes.every((c: any) => c.reason && c.basis && c.ended + c.started > 0)).toBe(true);
  });

  it('refuses to compare versions of two lists', async () => {
    const all = (await versions()).versions;
    const [a, b] = [all.find((v: any) => v.list.level === 'city'), all.find((v: any) => v.list.level === 'county' && v.seq === 2)];
    const res = await api.request('GET', `/api/powers/versions/compare?from=${a.id}&to=${b.id}`);
    expect([res.status, res.body.error.code]).toEqual([422, 'POWER_VERSIONS_NOT_COMPARABLE']);
  });

  it('filters by type, department and words', async () => {
    const permits = await powersOf(api, 'level=city&type=行政许可', 100);
    expect(permits.powers.every((p) => p.type === '行政许可')).toBe(true);
    const dept = permits.departmentCounts[0]!;
    const one = await powersOf(api, `level=city&type=行政许可&department=${dept.id}`, 100);
    expect([one.total, one.powers.every((p) => p.department.name === dept.name)]).toEqual([dept.count, true]);
    const words = await powersOf(api, `level=city&q=${encodeURIComponent('道路运输')}`);
    expect(words.total > 0 && words.powers.every((p) => p.name.includes('道路运输'))).toBe(true);
  });

  it('reads one entry with its process, channels, responsibility list and the items implementing it', async () => {
    const item = (await api.request('GET', `/api/items/${DEMO.cityItemCode}`)).body;
    expect(item.power).toMatchObject({ type: item.type, level: 'city' });
    const res = await api.request('GET', `/api/powers/${item.power.code}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.code)).toContain(DEMO.cityItemCode);
    expect(res.body.responsibilities.length).toBeGreaterThan(0);
    expect(res.body.responsibilities.every((d: any) => d.matter && d.basis && d.accountability && d.targets)).toBe(true);
    expect([res.body.process[0], res.body.remedy.review, res.body.supervision.phone]).toEqual(['受理', '温州市人民政府', '0577-12345']);
  });

  it('shows a 公共服务 item as implementing no administrative power', async () => {
    const service = buildCatalogue().find((i) => i.type === '公共服务')!;
    const item = (await api.request('GET', `/api/items/${service.code}`)).body;
    expect([item.power, item.publicService]).toEqual([null, true]);
  });

  it('finds a cut entry by its code, with the change that cut it', async () => {
    const [v1, v2] = (await versions('&level=city')).versions;
    const cmp = (await api.request('GET', `/api/powers/versions/compare?from=${v1.id}&to=${v2.id}&kind=cut&pageSize=1`)).body;
    const code = cmp.changes[0].endedSample[0].code;
    const entry = (await api.request('GET', `/api/powers/${code}`)).body;
    expect([entry.validity.toSeq, entry.history.ended.kind, entry.history.ended.reason]).toEqual([2, 'cut', cmp.changes[0].reason]);
    expect((await powersOf(api, `level=city&q=${code}`)).total).toBe(0);
    expect((await powersOf(api, `version=${v1.id}&q=${code}`)).total).toBe(1);
  });

  it('answers 404 POWER_NOT_FOUND for a code nobody holds', async () => {
    const res = await api.request('GET', '/api/powers/330300-01-99999');
    expect([res.status, res.body.error.code]).toEqual([404, 'POWER_NOT_FOUND']);
  });
});
