import fs from 'node:fs';
import path from 'node:path';
import { CSV_COLUMNS } from '../../server/commands/importItems';
import { Api, buildCase, DEMO } from '../helpers/api';
import { isMysql, useTestServer } from '../helpers/testServer';

/*
 * The public catalogue and jurisdiction tree, and the administrator's CSV
 * import. On MariaDB every test file shares one database, so catalogue counts
 * are taken over the seeded codes (all '330300-…'; items imported by tests use
 * other codes with a random per-run suffix), and exact totals of the whole
 * table are asserted only on the private SQLite copy.
 */

const SEED_PREFIX = '330300-';
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();

/** One CSV field, quoted when it must be. */
function field(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csv(rows: Record<string, string>[], columns: readonly string[] = CSV_COLUMNS): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c] ?? '')).join(','))].join('\n') + '\n';
}

/** A valid row: a linked market item, village → town → county. */
function goodRow(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    code,
    name: '小餐饮经营登记（测试导入）',
    type: '行政许可',
    department: 'market',
    decide_level: 'county',
    accept_levels: 'village|town',
    statutory_days: '20',
    promised_days: '8',
    fee_yuan: '0',
    online: 'true',
    visits: '1',
    materials: '登记申请表!;申请人身份证明!;健康证明!~;授权委托书',
    intermediaries: '',
    result: '小餐饮经营登记证',
    route: 'accept@village;review@town:market;decide@county:market;issue@county:market;deliver@village',
    ...overrides,
  };
}

/** The CSV row that would re-create an item as GET /api/items/:code shows it. */
function rowOf(item: any): Record<string, string> {
  return {
    code: item.code,
    name: item.name,
    type: item.type,
    department: item.department,
    decide_level: item.decideLevel,
    accept_levels: item.acceptLevels.join('|'),
    statutory_days: String(item.statutoryDays),
    promised_days: String(item.promisedDays),
    fee_yuan: String(item.feeYuan),
    online: String(item.online),
    visits: String(item.visits),
    materials: item.materials.map((m: any) => `${m.name}${m.required ? '!' : ''}${m.deferrable ? '~' : ''}`).join(';'),
    intermediaries: item.intermediaries.join(';'),
    result: item.result,
    route: item.route.map((s: any) => `${s.kind}@${s.level}${s.department ? `:${s.department}` : ''}/${s.limitDays}`).join(';'),
  };
}

async function importCsv(api: Api, body: string, user = 'admin') {
  // English messages (the default is Chinese: tests/integration/catalogueImportFormats.test.ts).
  return api.request('POST', '/api/items/import', { raw: body, headers: { 'content-type': 'text/csv', 'accept-language': 'en' }, token: await api.token(user) });
}

describe('catalogue and jurisdiction queries', () => {
  const api = useTestServer();

  it('holds the 1,003 seeded items, 254 of them linked', async () => {
    const seeded = await api.request('GET', `/api/items?q=${SEED_PREFIX}`);
    expect(seeded.status).toBe(200);
    expect(seeded.body).toMatchObject({ total: 1003, page: 1, pageSize: 20 });
    expect(seeded.body.items).toHaveLength(20);
    const linked = await api.request('GET', `/api/items?q=${SEED_PREFIX}&linked=true`);
    expect(linked.body.total).toBe(254);
    expect(linked.body.items.every((i: any) => i.linked === true)).toBe(true);
    const plain = await api.request('GET', `/api/items?q=${SEED_PREFIX}&linked=false`);
    expect(plain.body.total).toBe(1003 - 254);
    const all = await api.request('GET', '/api/items?linked=true');
    if (isMysql()) {
      expect(all.body.total).toBeGreaterThanOrEqual(254);
    } else {
      expect((await api.request('GET', '/api/items')).body.total).toBe(1003);
      expect(all.body.total).toBe(254);
    }
  });

  it('pages in code order without overlaps, and the last page is short', async () => {
    const p1 = await api.request('GET', `/api/items?q=${SEED_PREFIX}&page=1&pageSize=10`);
    const p2 = await api.request('GET', `/api/items?q=${SEED_PREFIX}&page=2&pageSize=10`);
    expect(p2.body).toMatchObject({ total: 1003, page: 2, pageSize: 10 });
    const codes = [...p1.body.items, ...p2.body.items].map((i: any) => i.code);
    expect(codes).toHaveLength(20);
    expect(new Set(codes).size).toBe(20);
    expect([...codes].sort()).toEqual(codes);
    expect(codes[0]).toBe('330300-GG-0001');
    const last = await api.request('GET', `/api/items?q=${SEED_PREFIX}&page=101&pageSize=10`);
    expect(last.body.items).toHaveLength(3);
    const beyond = await api.request('GET', `/api/items?q=${SEED_PREFIX}&page=102&pageSize=10`);
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ total: 1003, items: [] });
    expect((await api.request('GET', '/api/items?pageSize=101')).status).toBe(400);
    expect((await api.request('GET', '/api/items?page=0')).status).toBe(400);
  });

  it('searches names in Chinese', async () => {
    const res = await api.request('GET', `/api/items?q=${encodeURIComponent('食品')}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: any) => i.name.includes('食品'))).toBe(true);
    expect(res.body.items.map((i: any) => i.code)).toContain(DEMO.countyItemCode);
    // 60 seeded items carry 食品 in their name (e.g. 食品经营许可, 食品生产许可).
    expect(res.body.items.filter((i: any) => i.code.startsWith(SEED_PREFIX))).toHaveLength(60);
    if (!isMysql()) expect(res.body.total).toBe(60);
    const none = await api.request('GET', `/api/items?q=${encodeURIComponent('不存在的事项名称')}`);
    expect(none.body).toMatchObject({ total: 0, items: [] });
    // LIKE wildcards in the query are taken literally.
    expect((await api.request('GET', '/api/items?q=%25')).body.total).toBe(0);
  });

  it('filters by department, deciding level and accepting level', async () => {
    const health = await api.request('GET', `/api/items?q=${SEED_PREFIX}&department=health&pageSize=100`);
    expect(health.body.total).toBe(117);
    expect(health.body.items.every((i: any) => i.department === 'health')).toBe(true);
    expect((await api.request('GET', '/api/items?department=nosuchdept')).body.total).toBe(0);

    const city = await api.request('GET', `/api/items?q=${SEED_PREFIX}&level=city&linked=true`);
    expect(city.body.total).toBe(60);
    expect(city.body.items.every((i: any) => i.decideLevel === 'city' && i.linked)).toBe(true);

    // Every accepting-level filter result really includes that level, on every page.
    const village: any[] = [];
    for (let page = 1; ; page++) {
      const res = await api.request('GET', `/api/items?q=${SEED_PREFIX}&acceptLevel=village&pageSize=100&page=${page}`);
      village.push(...res.body.items);
      if (res.body.items.length < 100) {
        expect(res.body.total).toBe(village.length);
        break;
      }
    }
    expect(village.length).toBe(196);
    expect(village.every((i: any) => i.acceptLevels.includes('village'))).toBe(true);
    expect(village.map((i: any) => i.code)).toContain(DEMO.countyItemCode);
    expect(village.map((i: any) => i.code)).not.toContain(DEMO.provinceItemCode); // accepted from the town up
    const town = await api.request('GET', `/api/items?q=${SEED_PREFIX}&acceptLevel=town&pageSize=100`);
    expect(town.body.items.every((i: any) => i.acceptLevels.includes('town'))).toBe(true);
    expect((await api.request('GET', '/api/items?acceptLevel=hamlet')).status).toBe(400);
  });

  it('shows one item by code, and 404 for an unknown code', async () => {
    const item = await api.request('GET', `/api/items/${DEMO.cityItemCode}`);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ code: DEMO.cityItemCode, version: 1, decideLevel: 'city', linked: true, acceptLevels: ['village', 'town'] });
    expect(item.body.id).toBeUndefined();
    const unknown = await api.request('GET', '/api/items/330300-XK-9999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });

  it('lists the 12 real county-level units of Wenzhou, 76 towns and 161 village centres', async () => {
    const counties = await api.request('GET', '/api/jurisdictions?level=county');
    expect(counties.status).toBe(200);
    expect(counties.body.jurisdictions.map((j: any) => j.name).sort()).toEqual(
      ['鹿城区', '龙湾区', '瓯海区', '洞头区', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县', '瑞安市', '乐清市', '龙港市'].sort(),
    );
    expect(counties.body.jurisdictions.every((j: any) => j.level === 'county' && j.parentCode === DEMO.cityCode)).toBe(true);
    expect(counties.body.jurisdictions.find((j: any) => j.name === '鹿城区').code).toBe('330302000000');
    expect((await api.request('GET', '/api/jurisdictions?level=town')).body.jurisdictions).toHaveLength(76);
    expect((await api.request('GET', '/api/jurisdictions?level=village')).body.jurisdictions).toHaveLength(161);
    const top = await api.request('GET', '/api/jurisdictions?level=province');
    expect(top.body.jurisdictions).toEqual([expect.objectContaining({ code: DEMO.provinceCode, name: '浙江省', parentCode: null })]);
    expect((await api.request('GET', `/api/jurisdictions?parent=${DEMO.cityCode}`)).body.jurisdictions).toHaveLength(12);
    expect((await api.request('GET', '/api/jurisdictions?level=hamlet')).status).toBe(400);
    expect((await api.request('GET', '/api/jurisdictions?under=3303')).status).toBe(400);
  });

  it('returns only 鹿城区 and what lies under it for under=330302000000', async () => {
    const res = await api.request('GET', '/api/jurisdictions?under=330302000000');
    expect(res.status).toBe(200);
    const list: any[] = res.body.jurisdictions;
    expect(list[0]).toMatchObject({ code: '330302000000', name: '鹿城区', level: 'county' });
    expect(list.every((j) => j.code.startsWith('330302'))).toBe(true);
    expect(list.filter((j) => j.level === 'county')).toHaveLength(1);
    expect(list.some((j) => j.level === 'city' || j.level === 'province')).toBe(false);
    const codes = new Set(list.map((j) => j.code));
    expect(codes.has(DEMO.townCode) && codes.has(DEMO.villageCode)).toBe(true);
    expect(codes.has(DEMO.otherTownCode)).toBe(false);
    // Every node but the root hangs off a node of the subtree.
    expect(list.slice(1).every((j) => codes.has(j.parentCode))).toBe(true);
    // The same subtree, counted level by level through parent look-ups.
    const towns = (await api.request('GET', '/api/jurisdictions?parent=330302000000')).body.jurisdictions;
    let villages = 0;
    for (const t of towns) villages += (await api.request('GET', `/api/jurisdictions?parent=${t.code}`)).body.jurisdictions.length;
    expect(list).toHaveLength(1 + towns.length + villages);
    expect(list).toHaveLength(30);
    const lucheng = await api.request('GET', '/api/jurisdictions?under=330302000000&level=town');
    expect(lucheng.body.jurisdictions.map((j: any) => j.code).sort()).toEqual(towns.map((t: any) => t.code).sort());
    expect((await api.request('GET', '/api/jurisdictions?under=330399000000')).body.jurisdictions).toEqual([]);
  });
});

describe('CSV import of the catalogue', () => {
  const api = useTestServer();

  // A seeded linked item (城市低保·待遇调整: village → town → county, civil) that no other test files a case of.
  const EXISTING = '330300-JF-0009';

  it('imports a new item and a new version of an existing one; a running case keeps its version and route', async () => {
    const before = await api.request('GET', `/api/items/${EXISTING}`);
    expect(before.status).toBe(200);
    // Its seeded steps share its promise of 5: review 1, decide 2, issue 1, deliver 1.
    expect(before.body.promisedDays).toBe(5);
    expect(before.body.route.map((s: any) => s.limitDays)).toEqual([5, 1, 2, 1, 1]);
    // Filed BEFORE the import: it runs on the version it started with.
    const early = await api.file(buildCase({ itemCode: EXISTING }));
    expect(early.itemVersion).toBe(before.body.version);

    const newCode = `T-${RUN}-NEW`;
    const v2 = {
      ...rowOf(before.body),
      name: `${before.body.name}（修订）`,
      promised_days: '12',
      route: 'accept@village;review@town:civil/4;decide@county:civil/5;issue@county:civil/2;deliver@village/1',
    };
    const res = await importCsv(api, csv([goodRow(newCode), v2]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2 });

    const created = await api.request('GET', `/api/items/${newCode}`);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      code: newCode, version: 1, name: '小餐饮经营登记（测试导入）', type: '行政许可', department: 'market',
      decideLevel: 'county', acceptLevels: ['village', 'town'], statutoryDays: 20, promisedDays: 8, feeYuan: 0,
      online: true, visits: 1, intermediaries: [], result: '小餐饮经营登记证', linked: true,
    });
    expect(created.body.materials).toEqual([
      { name: '登记申请表', required: true, deferrable: false },
      { name: '申请人身份证明', required: true, deferrable: false },
      { name: '健康证明', required: true, deferrable: true },
      { name: '授权委托书', required: false, deferrable: false },
    ]);
    // A route without /days shares the promise of 8 out (workflows/timeLimits.ts fitStepLimits): review a fifth
    // (1), issue and deliver a tenth each (at least 1), the decision the rest (5); accepting keeps its 5.
    expect(created.body.route).toEqual([
      { kind: 'accept', level: 'village', limitDays: 5 },
      { kind: 'review', level: 'town', department: 'market', limitDays: 1 },
      { kind: 'decide', level: 'county', department: 'market', limitDays: 5 },
      { kind: 'issue', level: 'county', department: 'market', limitDays: 1 },
      { kind: 'deliver', level: 'village', limitDays: 1 },
    ]);

    const after = await api.request('GET', `/api/items/${EXISTING}`);
    expect(after.body).toMatchObject({ code: EXISTING, version: before.body.version + 1, name: `${before.body.name}（修订）`, promisedDays: 12 });
    if (!isMysql()) expect(after.body.version).toBe(2);
    expect(after.body.route[1]).toMatchObject({ kind: 'review', level: 'town', department: 'civil', limitDays: 4 });
    expect(after.body.materials).toEqual(before.body.materials);
    // Still one current row per code.
    expect((await api.request('GET', `/api/items?q=${EXISTING}`)).body.total).toBe(1);

    const running = await api.as('clerk.village', 'GET', `/api/cases/${early.caseNo}`);
    expect(running.body).toMatchObject({ itemCode: EXISTING, itemVersion: before.body.version, itemName: before.body.name });
    expect(running.body.route[1]).toMatchObject({ kind: 'review', level: 'town', limitDays: 1 });
    // ... and it keeps running on that route: accepted, the town gets its 1 day of version 1, the promise its 5.
    const acc = await api.act('clerk.village', early.caseNo, { type: 'ACCEPT' });
    expect(acc.status).toBe(200);
    expect(acc.body.case).toMatchObject({ itemVersion: before.body.version, step: { kind: 'review', level: 'town' }, clock: { phase: 'review', limitDays: 1 }, promise: { limitDays: 5 } });

    // A case filed AFTER the import takes the new version.
    const late = await api.file(buildCase({ itemCode: EXISTING }));
    expect(late.itemVersion).toBe(after.body.version);
    expect(late.route[1]).toMatchObject({ kind: 'review', level: 'town', limitDays: 4 });
    const lateAcc = await api.act('clerk.village', late.caseNo, { type: 'ACCEPT' });
    expect(lateAcc.body.case.clock).toMatchObject({ phase: 'review', limitDays: 4 });
    expect(lateAcc.body.case.promise).toMatchObject({ limitDays: 12 });
  });

  it('refuses steps that do not fit the promise, given or shared out, by line and field', async () => {
    const res = await importCsv(api, csv([
      // Given: 4 + 5 + 2 + 1 = 12 working days after acceptance, promised 10.
      goodRow(`T-${RUN}-LONG`, { promised_days: '10', route: 'accept@village;review@town:market/4;decide@county:market/5;issue@county:market/2;deliver@village/1' }), // line 2
      // Shared out: 3 days cannot give each of the 4 steps after acceptance a day.
      goodRow(`T-${RUN}-SHORT`, { promised_days: '3' }), // line 3
    ]));
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'route', code: 'STEPS_EXCEED_PROMISE', params: { stepDays: 12, promisedDays: 10 } }),
      expect.objectContaining({ line: 3, field: 'route', code: 'STEPS_EXCEED_PROMISE', params: { stepDays: 4, promisedDays: 3 } }),
    ]);
    for (const c of ['LONG', 'SHORT']) expect((await api.request('GET', `/api/items/T-${RUN}-${c}`)).status).toBe(404);
  });

  it('rejects a file with bad rows by line and field, and imports nothing of it', async () => {
    const good = `T-${RUN}-GOOD`;
    const before = await api.request('GET', `/api/items/${DEMO.otherItemCode}`);
    const body = csv([
      goodRow(good), // line 2
      goodRow(`T-${RUN}-DEPT`, { department: 'nosuchdept' }), // line 3
      goodRow(`T-${RUN}-ROUTE`, { route: 'accept@village;review@town:market;approve@county:market;issue@county:market;deliver@village' }), // line 4
    ]);
    const res = await importCsv(api, body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_FAILED');
    const problems: { line: number; field: string; message: string }[] = res.body.error.details.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'department', message: expect.stringContaining('nosuchdept') }),
        expect.objectContaining({ line: 4, field: 'route' }),
      ]),
    );
    expect(problems.every((p) => p.line === 3 || p.line === 4)).toBe(true);
    expect(res.body.error.message).toContain('line 3');

    for (const code of [good, `T-${RUN}-DEPT`, `T-${RUN}-ROUTE`]) {
      expect((await api.request('GET', `/api/items/${code}`)).status).toBe(404);
    }
    expect((await api.request('GET', `/api/items/${DEMO.otherItemCode}`)).body).toEqual(before.body);
  });

  it('rolls back a file whose good rows update existing items when a later row is bad', async () => {
    const before = await api.request('GET', `/api/items/${EXISTING}`);
    const body = csv([
      { ...rowOf(before.body), name: '不应生效的修订' }, // line 2: fine on its own
      goodRow(`T-${RUN}-BAD`, { promised_days: '30', statutory_days: '20' }), // line 3: promised > statutory
      goodRow(`T-${RUN}-BAD2`, { accept_levels: 'town', route: 'accept@village;decide@county:market;issue@county:market;deliver@village' }), // line 4
      goodRow(`T-${RUN}-BAD3`, { decide_level: 'city' }), // line 5: the route decides at county
    ]);
    const res = await importCsv(api, body);
    expect(res.status).toBe(422);
    const problems = res.body.error.details.problems as { line: number; field: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'promised_days' }),
        expect.objectContaining({ line: 4, field: 'route' }),
        expect.objectContaining({ line: 5, field: 'route' }),
      ]),
    );
    expect(problems.some((p) => p.line === 2)).toBe(false);
    expect((await api.request('GET', `/api/items/${EXISTING}`)).body).toEqual(before.body);
  });

  it('names duplicate codes, bad values and unreadable rows by line', async () => {
    const dup = `T-${RUN}-DUP`;
    const res = await importCsv(api, csv([goodRow(dup), goodRow(dup), goodRow(`T-${RUN}-V`, { visits: 'many', online: 'maybe', type: '许可' })]));
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'code', message: 'duplicate of line 2' }),
        expect.objectContaining({ line: 4, field: 'visits' }),
        expect.objectContaining({ line: 4, field: 'online' }),
        expect.objectContaining({ line: 4, field: 'type' }),
      ]),
    );
    expect((await api.request('GET', `/api/items/${dup}`)).status).toBe(404);

    const ragged = `${CSV_COLUMNS.join(',')}\n${csv([goodRow(`T-${RUN}-R`)]).split('\n')[1]}\nT-${RUN}-SHORT,只有两列\n`;
    const unreadable = await importCsv(api, ragged);
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.code).toBe('IMPORT_FAILED');
    expect(unreadable.body.error.details.problems[0]).toMatchObject({ line: 3 });
    expect((await api.request('GET', `/api/items/T-${RUN}-R`)).status).toBe(404);
  });

  it('rejects values the database cannot hold and routes that do not climb, on every database', async () => {
    const res = await importCsv(api, csv([
      goodRow(`T-${RUN}-FEE`, { fee_yuan: '1000000000000' }), // line 2: more than DECIMAL(10,2) holds
      goodRow(`T-${RUN}-ACC`, { accept_levels: `${'village|'.repeat(12)}town` }), // line 3: the same level over and over
      goodRow(`T-${RUN}-DOWN`, { decide_level: 'city', route: 'accept@village;review@county:market;review@town:market;decide@city:market;issue@city:market;deliver@village' }), // line 4
      goodRow(`T-${RUN}-LOW`, { decide_level: 'town', accept_levels: 'county', route: 'accept@county;decide@town:market;issue@town:market;deliver@county' }), // line 5
      goodRow(`T-${RUN}-HIGH`, { accept_levels: 'village|city' }), // line 6: a city centre cannot accept what the county decides
    ]));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_FAILED');
    expect(res.body.error.details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'fee_yuan' }),
        expect.objectContaining({ line: 3, field: 'accept_levels' }),
        expect.objectContaining({ line: 4, field: 'route' }),
        expect.objectContaining({ line: 5, field: 'route' }),
        expect.objectContaining({ line: 6, field: 'accept_levels' }),
      ]),
    );
    for (const code of ['FEE', 'ACC', 'DOWN', 'LOW', 'HIGH']) expect((await api.request('GET', `/api/items/T-${RUN}-${code}`)).status).toBe(404);
  });

  it('rejects a file with a missing column as a whole', async () => {
    const columns = CSV_COLUMNS.filter((c) => c !== 'route');
    const res = await importCsv(api, csv([goodRow(`T-${RUN}-NOROUTE`)], columns));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_FAILED');
    expect(res.body.error.message).toContain('route');
    expect(res.body.error.details.problems).toEqual([expect.objectContaining({ line: 1, field: '(header)' })]);
    expect((await api.request('GET', `/api/items/T-${RUN}-NOROUTE`)).status).toBe(404);
    const headerOnly = await importCsv(api, `${CSV_COLUMNS.join(',')}\n`);
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body.error.code).toBe('IMPORT_FAILED');
  });

  it('searches % and _ literally, on every database', async () => {
    const code = `T-${RUN}-PCT`;
    const name = `测试事项（含量50%_${RUN}）`;
    expect((await importCsv(api, csv([goodRow(code, { name })]))).status).toBe(200);
    const hit = await api.request('GET', `/api/items?q=${encodeURIComponent(`50%_${RUN}`)}`);
    expect(hit.body).toMatchObject({ total: 1, items: [expect.objectContaining({ code, name })] });
    // As LIKE wildcards, % and _ would match these too.
    for (const q of [`50%x${RUN}`, `5%_${RUN}`, `50_%${RUN}`]) {
      expect({ q, total: (await api.request('GET', `/api/items?q=${encodeURIComponent(q)}`)).body.total }).toEqual({ q, total: 0 });
    }
  });

  it('is for administrators only', async () => {
    const body = csv([goodRow(`T-${RUN}-AUTH`)]);
    for (const user of ['clerk.city', 'reviewer.city', 'supervisor.city']) {
      const res = await importCsv(api, body, user);
      expect({ user, status: res.status, code: res.body.error?.code }).toEqual({ user, status: 403, code: 'FORBIDDEN' });
    }
    const anonymous = await api.request('POST', '/api/items/import', { raw: body, headers: { 'content-type': 'text/csv' } });
    expect(anonymous.status).toBe(401);
    expect((await api.request('GET', `/api/items/T-${RUN}-AUTH`)).status).toBe(404);
  });
});

describe('the documented example file', () => {
  const api = useTestServer();

  it('docs/examples/items.csv imports as docs/catalogue-csv.md describes it', async () => {
    const file = fs.readFileSync(path.join(__dirname, '../../docs/examples/items.csv'), 'utf8');
    // The page shows the file as it is, and explains every column the importer wants.
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/catalogue-csv.md'), 'utf8');
    expect(/```csv\n([\s\S]*?)```/.exec(doc)?.[1]).toBe(file);
    for (const c of CSV_COLUMNS) expect(doc).toContain(`| \`${c}\` |`);

    const res = await importCsv(api, file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 4 });

    const food = (await api.request('GET', '/api/items/330302-XK-0101')).body;
    expect(food).toMatchObject({
      name: '小餐饮经营登记（新办）', type: '行政许可', department: 'market', decideLevel: 'county',
      acceptLevels: ['village', 'town'], statutoryDays: 20, promisedDays: 7, feeYuan: 0, online: true, visits: 1,
      intermediaries: [], result: '小餐饮经营登记证', linked: true,
    });
    expect(food.materials).toEqual([
      { name: '小餐饮经营登记申请表', required: true, deferrable: false },
      { name: '申请人身份证明', required: true, deferrable: false },
      { name: '经营场所使用证明', required: true, deferrable: true },
      { name: '从业人员健康证明', required: true, deferrable: true },
      { name: '授权委托书', required: false, deferrable: false },
    ]);
    // No /days: the promise of 7 shared out (review 1, decide 4, issue 1, deliver 1).
    expect(food.route.map((s: any) => s.limitDays)).toEqual([5, 1, 4, 1, 1]);

    const taxi = (await api.request('GET', '/api/items/330302-XK-0102')).body;
    expect(taxi).toMatchObject({ decideLevel: 'city', acceptLevels: ['town', 'county'], linked: true, feeYuan: 50, online: true });
    expect(taxi.route).toEqual([
      { kind: 'accept', level: 'town', limitDays: 5 },
      { kind: 'review', level: 'county', department: 'transport', limitDays: 5 },
      { kind: 'decide', level: 'city', department: 'transport', limitDays: 7 },
      { kind: 'issue', level: 'city', department: 'transport', limitDays: 2 },
      { kind: 'deliver', level: 'town', limitDays: 1 },
    ]);

    // Filed at a county centre, the county review falls away and the file goes straight to the city.
    const atCounty = await api.file(buildCase({ itemCode: '330302-XK-0102', centreCode: DEMO.countyCode }));
    expect(atCounty.route.map((s: any) => `${s.kind}@${s.level}`)).toEqual(['accept@county', 'decide@city', 'issue@city', 'deliver@county']);

    const building = (await api.request('GET', '/api/items/330302-XK-0103')).body;
    expect(building).toMatchObject({ acceptLevels: ['county'], decideLevel: 'county', linked: false, online: false, visits: 2 });
    expect(building.intermediaries).toEqual(['施工图审查机构', '测绘机构']);
    expect(building.route.map((s: any) => `${s.kind}@${s.level}`)).toEqual(['accept@county', 'decide@county', 'issue@county', 'deliver@county']);

    const welfare = (await api.request('GET', '/api/items/330302-JF-0104')).body;
    expect(welfare).toMatchObject({ type: '行政给付', department: 'civil', acceptLevels: ['village'], linked: true, feeYuan: 0 });

    // An imported linked item can be filed at the village and taken up the route at once.
    const filed = await api.file(buildCase({ itemCode: '330302-XK-0101' }));
    expect(filed).toMatchObject({ itemCode: '330302-XK-0101', state: 'acceptanceReview' });
    const acc = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    expect(acc.body.case.step).toMatchObject({ kind: 'review', level: 'town', department: 'market' });
  });
});
