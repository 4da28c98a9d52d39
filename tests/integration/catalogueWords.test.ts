import { CSV_COLUMNS } from '../../server/commands/importItems';
import { buildCase, DEMO } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * The catalogue by everyday words: keywords and synonyms per item, found by
 * the search beside name and code; the 联动事项 filter; the guide's
 * conditions, legal basis, blank forms and the centres' address, hours and
 * phone; the administrator's edit of the words (a new item version).
 */
describe('the catalogue by everyday words', () => {
  const api = useTestServer();
  const search = async (query: string) => (await api.request('GET', `/api/items?${query}`)).body;

  it('finds 食品经营许可 by 开饭店 and 市场主体登记·设立 by 营业执照', async () => {
    const food = await search(`q=${encodeURIComponent('开饭店')}&pageSize=100`);
    expect(food.total).toBeGreaterThan(0);
    expect(food.items.some((i: any) => i.name.startsWith('食品经营许可'))).toBe(true);
    expect(food.items.every((i: any) => i.keywords.includes('开饭店'))).toBe(true);
    const licence = await search(`q=${encodeURIComponent('营业执照')}&pageSize=100`);
    expect(licence.items.some((i: any) => i.name.startsWith('市场主体登记') && i.name.includes('设立'))).toBe(true);
    // Still by name and by code.
    expect((await search(`q=${encodeURIComponent('食品经营许可')}`)).total).toBeGreaterThan(0);
    expect((await search(`q=${DEMO.cityItemCode}`)).items[0].code).toBe(DEMO.cityItemCode);
  });

  it('lists the items named by the words before those found by keywords only', async () => {
    const res = await search(`q=${encodeURIComponent('营业执照')}&pageSize=100`);
    const named = res.items.map((i: any) => i.name.includes('营业执照'));
    expect(named.indexOf(false) === -1 || named.slice(named.indexOf(false)).every((x: boolean) => !x)).toBe(true);
  });

  it('filters 联动事项 (linked items) and combines the filter with the words', async () => {
    const linked = await search('linked=true&pageSize=100');
    expect(linked.items.length).toBeGreaterThan(0);
    expect(linked.items.every((i: any) => i.linked)).toBe(true);
    const plain = await search('linked=false&pageSize=100');
    expect(plain.items.every((i: any) => !i.linked)).toBe(true);
    const both = await search(`q=${encodeURIComponent('开饭店')}&linked=true&pageSize=100`);
    expect(both.items.every((i: any) => i.linked && i.keywords.includes('开饭店'))).toBe(true);
    expect((await search(`q=${encodeURIComponent('没有这种事项的词')}`)).total).toBe(0);
  });

  it('gives the guide its conditions, legal basis and blank forms', async () => {
    const item = (await api.request('GET', `/api/items/${DEMO.countyItemCode}`)).body;
    expect(item.conditions.length).toBeGreaterThan(0);
    expect(item.legalBasis.join()).toContain('《中华人民共和国');
    expect(item.forms.length).toBeGreaterThan(0);
    expect(item.forms[0]).toMatch(/申请表$/);
  });

  it('gives every centre an address, opening hours and a phone', async () => {
    const res = await api.request('GET', `/api/centres?under=${DEMO.townCode}`);
    expect(res.body.centres.length).toBeGreaterThan(1);
    for (const c of res.body.centres) {
      expect(c.address).toContain('温州市');
      expect(c.hours).toMatch(/周一至周五/);
      expect(c.phone).toMatch(/^0577-8\d{7}$/);
    }
  });

  it('lets the administrator change the words: a new version, found at once; a running case keeps its version', async () => {
    const before = (await api.request('GET', `/api/items/${DEMO.countyItemCode}`)).body;
    const running = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    const word = `测试词${Math.random().toString(36).slice(2, 7)}`;
    const res = await api.as('admin', 'PUT', `/api/items/${DEMO.countyItemCode}/keywords`, { keywords: [...before.keywords, word, ` ${word} `] });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before.version + 1);
    expect(res.body.keywords.filter((k: string) => k === word)).toHaveLength(1);
    expect(res.body.conditions).toEqual(before.conditions);
    const found = await search(`q=${encodeURIComponent(word)}`);
    expect(found.items.map((i: any) => i.code)).toEqual([DEMO.countyItemCode]);
    expect(found.items[0].version).toBe(before.version + 1);
    const kept = await api.request('GET', `/api/cases/${running.caseNo}`, { headers: { 'x-query-code': running.queryCode } });
    expect(kept.body.itemVersion).toBe(before.version);
  });

  it('imports the words from an optional keywords column, and keeps them when a later file has none', async () => {
    const code = `TEST-KW-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const row: Record<string, string> = {
      code, name: '小餐饮经营登记（关键词导入）', type: '行政许可', department: 'market', decide_level: 'county', accept_levels: 'village|town',
      statutory_days: '20', promised_days: '8', fee_yuan: '0', online: 'true', visits: '1', materials: '登记申请表!;申请人身份证明!',
      intermediaries: '', result: '小餐饮经营登记证', route: 'accept@village/1;review@town:market/2;decide@county:market/3;issue@county:market/1;deliver@village/1',
    };
    const upload = async (cols: string[], values: Record<string, string>) =>
      api.request('POST', '/api/items/import', { raw: `${cols.join(',')}\n${cols.map((c) => values[c] ?? '').join(',')}\n`, headers: { 'content-type': 'text/csv' }, token: await api.token('admin') });
    const cols = [...CSV_COLUMNS];
    const first = await upload([...cols, 'keywords'], { ...row, keywords: '开面馆|早餐店 ' });
    expect(first.status).toBe(200);
    expect((await search(`q=${encodeURIComponent('开面馆')}`)).items.map((i: any) => i.code)).toEqual([code]);
    const second = await upload(cols, { ...row, promised_days: '7' });
    expect(second.status).toBe(200);
    const item = (await api.request('GET', `/api/items/${code}`)).body;
    expect(item).toMatchObject({ version: 2, promisedDays: 7, keywords: ['开面馆', '早餐店'] });
    const tooLong = await upload([...cols, 'keywords'], { ...row, keywords: '这是一整句话而不是一个词这是一整句话而不是一个词' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details.problems.some((p: any) => p.field === 'keywords')).toBe(true);
  });

  it('refuses the words to anyone but the administrator, and a bad list', async () => {
    const body = { keywords: ['开饭店'] };
    expect((await api.request('PUT', `/api/items/${DEMO.countyItemCode}/keywords`, { body })).status).toBe(401);
    for (const user of ['clerk.village', 'reviewer.county', 'supervisor.city', 'applicant']) {
      const res = await api.as(user, 'PUT', `/api/items/${DEMO.countyItemCode}/keywords`, body);
      expect({ user, status: res.status, code: res.body.error?.code }).toEqual({ user, status: 403, code: 'FORBIDDEN' });
    }
    const bad = await api.as('admin', 'PUT', `/api/items/${DEMO.countyItemCode}/keywords`, { keywords: ['开|饭店'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues[0].field).toMatch(/^keywords/);
    expect((await api.as('admin', 'PUT', '/api/items/NO-SUCH-ITEM/keywords', body)).status).toBe(404);
  });
});
