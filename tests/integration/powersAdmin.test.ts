import ExcelJS from 'exceljs';
import { DEMO } from '../../db/seed/users';
import { useTestServer } from '../helpers/testServer';
import { newRow, openDraft, powersCsv, powersOf, powersXlsx, uploadPowers } from '../helpers/powersFactories';

/*
 * An administrator keeps a list over real HTTP: opens a draft of 泰顺县's
 * list, adjusts it (cut, merge, move, add) with reasons, imports a CSV (its
 * problems by line) and an .xlsx, exports it, publishes it, and the public
 * list and the comparison then read the new version, counted from the rows.
 */
const TAISHUN = '330329000000';

describe('power lists, the administrators’ tools', () => {
  // Its own database on MariaDB: the drafts it opens (the city's among them) would show in other files' version lists.
  const api = useTestServer({ privateDatabase: 'powers_admin' });
  let draft: { id: number; seq: number };
  let codes: string[];
  let dept: string;
  const adjust = (body: Record<string, unknown>, user = 'admin') => api.as(user, 'POST', `/api/powers/versions/${draft.id}/adjustments`, { reason: '测试调整', basis: '测试依据', ...body });
  const inDraft = async (code: string) => (await powersOf(api, `version=${draft.id}&q=${code}`, 20, 'admin')).total;

  beforeAll(async () => {
    const list = await powersOf(api, `jurisdiction=${TAISHUN}`, 8);
    codes = list.powers.map((p) => p.code);
    dept = list.powers[0]!.department.name;
    draft = await openDraft(api, TAISHUN, '2026年泰顺县权力清单调整');
  });

  it('lets only an administrator open a draft', async () => {
    const res = await api.as('supervisor.city', 'POST', '/api/powers/versions', { jurisdiction: TAISHUN, name: '越权' });
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses a second draft of the same list', async () => {
    const res = await api.as('admin', 'POST', '/api/powers/versions', { jurisdiction: TAISHUN, name: '第二个草稿' });
    expect([res.status, res.body.error.code, res.body.error.details.versionId]).toEqual([409, 'POWER_DRAFT_OPEN', draft.id]);
  });

  it('cuts an entry in the draft while the published list still holds it', async () => {
    expect((await adjust({ kind: 'cut', codes: [codes[0]] })).status).toBe(200);
    expect([await inDraft(codes[0]!), (await powersOf(api, `jurisdiction=${TAISHUN}&q=${codes[0]}`)).total]).toEqual([0, 1]);
  });

  it('refuses to cut an entry the draft no longer holds', async () => {
    const res = await adjust({ kind: 'cut', codes: [codes[0]] });
    expect([res.status, res.body.error.code, res.body.error.details.codes]).toEqual([422, 'POWER_ENTRY_NOT_IN_VERSION', [codes[0]]]);
  });

  it('merges two entries into one and moves one down to the towns', async () => {
    const merged = await adjust({ kind: 'merge', codes: [codes[1], codes[2]], entry: { name: '合并后的测试权力', type: '行政处罚', department: dept } });
    const moved = await adjust({ kind: 'move', codes: [codes[3]], toLevel: 'town' });
    expect([merged.status, moved.status, await inDraft(codes[1]!), await inDraft(codes[3]!)]).toEqual([200, 200, 0, 0]);
  });

  it('refuses an entry of a body the list does not have', async () => {
    const res = await adjust({ kind: 'add', entries: [{ name: '测试新增', type: '行政检查', department: '不存在的局' }] });
    expect([res.status, res.body.error.code]).toEqual([422, 'POWER_BODY_UNKNOWN']);
  });

  it('reports every problem of an import once, by line, and imports nothing', async () => {
    const before = (await powersOf(api, `version=${draft.id}`, 20, 'admin')).total;
    const bytes = powersCsv([newRow('测试甲', dept, '行政审批'), newRow('测试乙', '不存在的局'), newRow('测试丙', dept), newRow('测试丙', dept), ['', '', '行政检查', dept, '', '', '']]);
    const res = await uploadPowers(api, draft.id, bytes, 'text/csv');
    expect([res.status, res.body.error.code]).toEqual([422, 'POWER_IMPORT_FAILED']);
    expect(res.body.error.details.problems.map((p: any) => [p.line, p.field, p.code])).toEqual([[2, '类型', 'BAD_POWER_TYPE'], [3, '实施主体', 'UNKNOWN_BODY'], [5, '名称', 'DUPLICATE_NAME'], [6, '名称', 'REQUIRED']]);
    expect((await powersOf(api, `version=${draft.id}`, 20, 'admin')).total).toBe(before);
  });

  it('words the problems in English when asked', async () => {
    const res = await uploadPowers(api, draft.id, powersCsv([newRow('测试丁', '不存在的局')]), 'text/csv', 'en-US');
    expect(res.body.error.details.problems[0].message).toBe('this list has no implementing body "不存在的局"');
  });

  it('imports an .xlsx: rows without a code added, a row with a code left as it is', async () => {
    const bytes = await powersXlsx([newRow('测试导入一', dept), newRow('测试导入二', dept, '行政确认'), [codes[4]!, '', '', '', '', '', '']]);
    const res = await uploadPowers(api, draft.id, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([res.status, res.body.imported, res.body.unchanged]).toEqual([200, 2, 1]);
  });

  it('exports the draft as CSV and .xlsx with the rows it holds', async () => {
    const token = await api.token('admin');
    const csv = await fetch(`${api.baseUrl}/api/powers/export?version=${draft.id}&format=csv`, { headers: { authorization: `Bearer ${token}` } });
    const text = Buffer.from(await csv.arrayBuffer());
    const total = (await powersOf(api, `version=${draft.id}`, 20, 'admin')).total;
    expect([text[0], text.toString('utf8').trim().split('\r\n').length - 1, text.includes(Buffer.from('测试导入二'))]).toEqual([0xef, total, true]);
    const xlsx = await fetch(`${api.baseUrl}/api/powers/export?version=${draft.id}&format=xlsx`, { headers: { authorization: `Bearer ${token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets[0]!.rowCount - 1).toBe(total);
  });

  it('keeps the draft from the public until it is published: not listed, not readable, its additions not found, its cuts not told', async () => {
    const anonymous = (path: string) => api.request('GET', path);
    const listed = async (user?: string) => (user ? await api.as(user, 'GET', `/api/powers/versions?jurisdiction=${TAISHUN}`) : await anonymous(`/api/powers/versions?jurisdiction=${TAISHUN}`)).body.versions.map((v: { id: number }) => v.id);
    expect([(await listed()).includes(draft.id), (await listed('supervisor.city')).includes(draft.id), (await listed('admin')).includes(draft.id)]).toEqual([false, false, true]);
    const read = await anonymous(`/api/powers?version=${draft.id}`);
    expect([read.status, read.body.error.code]).toEqual([404, 'POWER_VERSION_NOT_FOUND']);
    const base = (await listed())[0];
    expect((await anonymous(`/api/powers/versions/compare?from=${base}&to=${draft.id}`)).status).toBe(404);
    const added = (await powersOf(api, `version=${draft.id}&q=${encodeURIComponent('测试导入一')}`, 20, 'admin')).powers[0]!.code;
    expect([(await anonymous(`/api/powers/${added}`)).status, (await api.as('admin', 'GET', `/api/powers/${added}`)).status]).toEqual([404, 200]);
    const cut = await anonymous(`/api/powers/${codes[0]}`);
    expect([cut.status, cut.body.history.ended, cut.body.validity.toSeq, cut.body.versions.some((v: { state: string }) => v.state === 'draft')]).toEqual([200, null, null, false]);
    expect((await api.as('admin', 'GET', `/api/powers/${codes[0]}`)).body.history.ended.kind).toBe('cut');
  });

  it('publishes the draft: the public list and the comparison read it, counted from the rows', async () => {
    const published = await api.as('admin', 'POST', `/api/powers/versions/${draft.id}/publish`, {});
    expect([published.status, published.body.version.state]).toEqual([200, 'published']);
    const now = await powersOf(api, `jurisdiction=${TAISHUN}`);
    expect(now.total).toBe(published.body.version.published);
    const base = (await api.request('GET', `/api/powers/versions?jurisdiction=${TAISHUN}`)).body.versions.find((v: any) => v.seq === draft.seq - 1);
    const cmp = (await api.request('GET', `/api/powers/versions/compare?from=${base.id}&to=${draft.id}`)).body;
    expect([cmp.summary.removed, cmp.summary.added, cmp.total]).toEqual([{ cut: 1, mergedAway: 2, moved: 1, total: 4 }, { added: 2, mergedInto: 1, total: 3 }, 4]);
    expect((await api.request('GET', `/api/powers/${codes[0]}`)).body.history.ended.kind).toBe('cut');
  });

  it('takes no adjustment once published', async () => {
    const res = await adjust({ kind: 'cut', codes: [codes[5]] });
    expect([res.status, res.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('refuses to cut a power a catalogue item implements', async () => {
    const city = await openDraft(api, '330300000000', '2026年市级权力清单调整');
    const item = (await api.request('GET', `/api/items/${DEMO.cityItemCode}`)).body;
    const res = await api.as('admin', 'POST', `/api/powers/versions/${city.id}/adjustments`, { kind: 'cut', codes: [item.power.code], reason: '测试', basis: '测试' });
    expect([res.status, res.body.error.code, res.body.error.details.items]).toEqual([422, 'POWER_IMPLEMENTED_BY_ITEMS', [DEMO.cityItemCode]]);
  });
});
