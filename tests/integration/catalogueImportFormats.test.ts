import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CSV_COLUMNS } from '../../server/commands/importItems';
import { Api } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * The catalogue import reads what an administrator's Excel saves: CSV in GB18030/GBK (Excel on a Chinese
 * Windows), CSV in UTF-8 with or without a byte-order mark, and .xlsx workbooks. Each problem is reported
 * once, by line and field, as { line, field, code, params, message } with the message in the caller's
 * language (Accept-Language; Chinese by default, and from the command line).
 */

const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid row whose step limits fit its promise (and the promise its statute). */
function goodRow(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    code, name: `小餐饮经营登记（编码测试）${RUN}`, type: '行政许可', department: 'market', decide_level: 'county',
    accept_levels: 'village|town', statutory_days: '20', promised_days: '8', fee_yuan: '0', online: '是', visits: '1',
    materials: '登记申请表!;申请人身份证明!;健康证明!~', intermediaries: '', result: '小餐饮经营登记证',
    route: 'accept@village/5;review@town:market/2;decide@county:market/3;issue@county:market/1;deliver@village/1',
    ...overrides,
  };
}

const csv = (rows: Record<string, string>[]) => [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '').join(','))].join('\r\n') + '\r\n';
const gbk = (text: string) => iconv.encode(text, 'gbk');

async function workbook(rows: (string | number | boolean | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事项');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('catalogue import of GBK and UTF-8 CSV and .xlsx, problems in the caller language', () => {
  let srv: TestServer;
  const api = new Api('');
  beforeAll(async () => {
    srv = await startTestServer();
    api.baseUrl = srv.url;
  });
  afterAll(() => srv?.close());

  async function upload(body: Uint8Array, type: string, lang?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${await api.token('admin')}`, 'content-type': type };
    if (lang) headers['accept-language'] = lang;
    const res = await fetch(`${api.baseUrl}/api/items/import`, { method: 'POST', headers, body: Buffer.from(body) as unknown as BodyInit });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('imports a CSV saved in GBK (no byte-order mark), and the Chinese reads right', async () => {
    const bytes = gbk(csv([goodRow(`T-${RUN}-GBK`)]));
    expect([...gbk('中文')]).toEqual([0xd6, 0xd0, 0xce, 0xc4]); // real GBK bytes, not UTF-8
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const res = await upload(bytes, 'text/csv');
    expect(res).toEqual({ status: 200, body: { imported: 1 } });
    const item = (await api.request('GET', `/api/items/T-${RUN}-GBK`)).body;
    expect(item).toMatchObject({ name: `小餐饮经营登记（编码测试）${RUN}`, type: '行政许可', online: true, result: '小餐饮经营登记证' });
    expect(item.materials.map((m: any) => m.name)).toEqual(['登记申请表', '申请人身份证明', '健康证明']);
  });

  it('imports UTF-8 with and without a byte-order mark, and honours a charset the sender names', async () => {
    const text = csv([goodRow(`T-${RUN}-BOM`)]);
    expect(await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'text/csv')).toEqual({ status: 200, body: { imported: 1 } });
    expect((await api.request('GET', `/api/items/T-${RUN}-BOM`)).body.name).toBe(`小餐饮经营登记（编码测试）${RUN}`);
    expect(await upload(Buffer.from(csv([goodRow(`T-${RUN}-U8`)])), 'text/csv')).toEqual({ status: 200, body: { imported: 1 } });
    expect(await upload(gbk(csv([goodRow(`T-${RUN}-CS`)])), 'text/csv; charset=gbk')).toEqual({ status: 200, body: { imported: 1 } });
    expect((await api.request('GET', `/api/items/T-${RUN}-CS`)).body.name).toBe(`小餐饮经营登记（编码测试）${RUN}`);
  });

  it('reports each problem of a GBK file once, by line and field, in English or Chinese as asked', async () => {
    const bytes = gbk(csv([
      goodRow(`T-${RUN}-OK`), // line 2
      goodRow(`T-${RUN}-BAD`, { type: '许可', department: 'nosuchdept', visits: '很多' }), // line 3
      goodRow(`T-${RUN}-STEPS`, { route: 'accept@village;approve@town;approve@county;issue@county:market;deliver@village' }), // line 4: two bad steps, one problem
      goodRow(`T-${RUN}-OK`), // line 5: the code of line 2 again
    ]));
    const en = await upload(bytes, 'text/csv', 'en-US,en;q=0.9');
    expect(en.status).toBe(422);
    expect(en.body.error.code).toBe('IMPORT_FAILED');
    const problems: any[] = en.body.error.details.problems;
    expect(problems).toEqual([
      { line: 3, field: 'type', code: 'BAD_TYPE', params: { allowed: expect.stringContaining('行政许可') }, message: expect.stringMatching(/^the item type must be one of: 行政许可/) },
      { line: 3, field: 'visits', code: 'BAD_INTEGER', params: { min: 0, max: 5 }, message: 'must be a whole number from 0 to 5' },
      { line: 4, field: 'route', code: 'BAD_STEP', params: { step: 'approve@town' }, message: 'the step "approve@town" is not like review@county:market/20' },
      { line: 5, field: 'code', code: 'DUPLICATE_CODE', params: { firstLine: 2 }, message: 'duplicate of line 2' },
    ]);
    expect(en.body.error.message).toBe('Nothing imported: 4 problem(s), first on line 3');

    const zh = await upload(bytes, 'text/csv'); // no Accept-Language: Chinese
    expect(zh.body.error.message).toBe('未导入任何事项：共 4 个问题，首个在第 3 行');
    expect(zh.body.error.details.problems.map((p: any) => p.message)).toEqual([
      expect.stringMatching(/^事项类型应为：行政许可/), '应为 0–5 之间的整数', '环节“approve@town”格式不对，应如 review@county:market/20', '与第 2 行编码重复',
    ]);
    // The department is checked once the row reads: alone, it is named.
    const dept = await upload(gbk(csv([goodRow(`T-${RUN}-D`, { department: 'nosuchdept' })])), 'text/csv', 'zh-CN');
    expect(dept.body.error.details.problems).toEqual([expect.objectContaining({ line: 2, field: 'department', code: 'UNKNOWN_DEPARTMENT', message: '没有部门 nosuchdept' })]);
    for (const c of ['OK', 'BAD', 'STEPS', 'D']) expect((await api.request('GET', `/api/items/T-${RUN}-${c}`)).status).toBe(404);
  });

  it('imports an .xlsx workbook (numbers and booleans as Excel keeps them), rows numbered as the sheet shows them', async () => {
    const good = goodRow(`T-${RUN}-XL`);
    const values = CSV_COLUMNS.map((c) => (['statutory_days', 'promised_days', 'fee_yuan', 'visits'].includes(c) ? Number(good[c]) : c === 'online' ? true : good[c]!));
    const res = await upload(await workbook([[...CSV_COLUMNS], values]), XLSX);
    expect(res).toEqual({ status: 200, body: { imported: 1 } });
    expect((await api.request('GET', `/api/items/T-${RUN}-XL`)).body).toMatchObject({ name: good.name, statutoryDays: 20, promisedDays: 8, online: true, visits: 1 });

    const bad = CSV_COLUMNS.map((c) => (c === 'code' ? `T-${RUN}-XB` : c === 'decide_level' ? '县级' : good[c]!));
    const withGap = await upload(await workbook([[...CSV_COLUMNS], bad, [], CSV_COLUMNS.map((c) => (c === 'code' ? `T-${RUN}-XC` : c === 'promised_days' ? 30 : good[c]!))]), XLSX, 'en');
    expect(withGap.status).toBe(422);
    expect(withGap.body.error.details.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'decide_level', code: 'BAD_LEVEL', params: { value: '县级' } }),
      expect.objectContaining({ line: 4, field: 'promised_days', code: 'PROMISE_EXCEEDS_STATUTE', message: 'the promised limit (30 working days) exceeds the statutory one (20)' }),
    ]);
  });

  it('names a missing column and an unreadable workbook in the caller language', async () => {
    const noRoute = await upload(await workbook([CSV_COLUMNS.filter((c) => c !== 'route')]), XLSX, 'en');
    expect(noRoute.body.error.details.problems).toEqual([{ line: 1, field: '(header)', code: 'MISSING_COLUMNS', params: { columns: 'route' }, message: 'Missing columns: route' }]);
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]);
    const res = await upload(broken, XLSX);
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([expect.objectContaining({ field: '(file)', code: 'XLSX_UNREADABLE', message: '无法读取该 Excel 文件（需要 .xlsx 格式）' })]);
  });

  it('npm run import:items reads a GBK file and prints its problems in Chinese by line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-gbk-'));
    const file = path.join(dir, 'items.csv');
    fs.writeFileSync(file, gbk(csv([goodRow(`T-${RUN}-CLI`, { visits: '九' })])));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import-items', file], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: srv.ctx.config.DATABASE_URL, LOG_LEVEL: 'silent', JWT_SECRET: 'test-secret-0123456789', SEARCH_HASH_KEY: 'test-search-key-0123456789', SEED_ON_START: 'false' },
    });
    const failed = await run.then(() => null, (e: { code: number; stderr: string }) => e);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('第 2 行 visits：应为 0–5 之间的整数');
    expect(failed?.stderr).toContain('未导入任何事项：共 1 个问题，首个在第 2 行');
  }, 60_000);
});
