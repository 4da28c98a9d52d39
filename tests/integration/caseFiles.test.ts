import http from 'node:http';
import { Api, buildCase } from '../helpers/api';
import { exeBytes, jpegBytes, ofdBytes, pdfBytes, pngBytes, uploadFile, zipBombBytes } from '../helpers/files';
import { startTestServer, useTestServer, type TestServer } from '../helpers/testServer';

/*
 * Materials as files over real HTTP: checked by content, stored once by
 * SHA-256, seen by every desk on the route through short-lived links, each
 * opening logged; the accepting desk's marks make the 补正 notice.
 */
describe('material files', () => {
  const api = useTestServer({ env: { FILE_MAX_MB: '2' } });

  const fileAs = async () => (await api.file(buildCase())) as { caseNo: string; queryCode: string };
  const filesOf = async (caseNo: string, who: { user?: string; queryCode?: string }) => {
    const res = who.user ? await api.as(who.user, 'GET', `/api/cases/${caseNo}/files`) : await api.request('GET', `/api/cases/${caseNo}/files`, { headers: { 'x-query-code': who.queryCode! } });
    expect(res.status).toBe(200);
    return res.body as { version: number; materials: Array<{ name: string; verdict: string | null; reason: string | null; files: any[] }> };
  };
  const fetchUrl = (url: string) => fetch(`${api.baseUrl}${url}`);

  it('takes a PDF, a JPEG, a PNG and an OFD from the applicant and lists them by material', async () => {
    const c = await fileAs();
    for (const [material, bytes, name] of [
      ['申请书', pdfBytes(), '申请书.pdf'],
      ['营业执照', jpegBytes(), 'IMG_0001.JPG'],
      ['营业执照', pngBytes(), 'scan.png'],
      ['申请书', ofdBytes(), '申请书.ofd'],
    ] as const) {
      const res = await uploadFile(api, c.caseNo, { material, bytes, name }, { queryCode: c.queryCode });
      expect({ name, status: res.status }).toEqual({ name, status: 201 });
    }
    const list = await filesOf(c.caseNo, { queryCode: c.queryCode });
    const byMaterial = Object.fromEntries(list.materials.map((m) => [m.name, m.files.map((f) => [f.name, f.mediaType])]));
    expect(byMaterial['申请书']).toEqual([['申请书.pdf', 'application/pdf'], ['申请书.ofd', 'application/ofd']]);
    expect(byMaterial['营业执照']).toEqual([['IMG_0001.jpg', 'image/jpeg'], ['scan.png', 'image/png']]);
    // The history says a file arrived, and for which material, but never its name (names carry personal data).
    const events = await api.as('clerk.village', 'GET', `/api/cases/${c.caseNo}/events`);
    const attach = events.body.events.filter((e: any) => e.type === 'ATTACH_FILE');
    expect(attach.map((e: any) => e.payload.material)).toEqual(['申请书', '营业执照', '营业执照', '申请书']);
    expect(JSON.stringify(attach)).not.toContain('IMG_0001');
  });

  it.each([
    ['a renamed Windows program', exeBytes(), 'scan.pdf', 415, 'FILE_TYPE_NOT_ALLOWED'],
    ['a 0-byte PDF', Buffer.alloc(0), 'empty.pdf', 422, 'FILE_EMPTY'],
    ['a PDF cut short', pdfBytes().subarray(0, 60), 'cut.pdf', 422, 'FILE_DAMAGED'],
    ['a zip bomb named .ofd', zipBombBytes(), 'bomb.ofd', 422, 'ARCHIVE_TOO_LARGE'],
    ['a file over FILE_MAX_MB', Buffer.concat([pdfBytes(), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('%%EOF')]), 'big.pdf', 413, 'FILE_TOO_LARGE'],
  ])('refuses %s with a clear error and stores nothing', async (_what, bytes, name, status, code) => {
    const c = await fileAs();
    const before = await api.as('supervisor.city', 'GET', `/api/cases/${c.caseNo}`);
    const res = await uploadFile(api, c.caseNo, { material: '申请书', bytes, name }, { queryCode: c.queryCode });
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status, code });
    expect(res.body.error.message.length).toBeGreaterThan(20);
    if (code === 'FILE_TYPE_NOT_ALLOWED') expect(res.body.error.details.kind).toBe('exe');
    const after = await api.as('supervisor.city', 'GET', `/api/cases/${c.caseNo}`);
    expect(after.body.version).toBe(before.body.version);
    expect((await filesOf(c.caseNo, { queryCode: c.queryCode })).materials.flatMap((m) => m.files)).toEqual([]);
  });

  it('answers a 200 MB upload with 413 FILE_TOO_LARGE and stores nothing', async () => {
    const c = await fileAs();
    const boundary = 'bnd7MA4YWxkTrZu0gW';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="material"\r\n\r\n申请书\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    const total = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const { status, body } = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const url = new URL(`${api.baseUrl}/api/cases/${c.caseNo}/files`);
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + total), 'x-query-code': c.queryCode } });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sent }));
      });
      // The server may close the socket under a refused upload: the answer it gave is what counts.
      req.on('error', (e) => (answered ? undefined : reject(e)));
      req.write(head);
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe('FILE_TOO_LARGE');
    expect((await filesOf(c.caseNo, { queryCode: c.queryCode })).materials.flatMap((m) => m.files)).toEqual([]);
  });

  it('refuses a material the case does not have, naming the ones it has', async () => {
    const c = await fileAs();
    const res = await uploadFile(api, c.caseNo, { material: '房产证', bytes: pdfBytes(), name: 'x.pdf' }, { queryCode: c.queryCode });
    expect(res.status).toBe(422);
    expect(res.body.error.details.allowed).toEqual(expect.arrayContaining(['申请书', '营业执照']));
  });

  it('serves every desk on the route the same bytes, previewed inline or downloaded, and logs each opening', async () => {
    const c = await fileAs();
    const pdf = pdfBytes('唯一的申请书');
    expect((await uploadFile(api, c.caseNo, { material: '申请书', bytes: pdf, name: '申请书.pdf' }, { queryCode: c.queryCode })).status).toBe(201);
    expect((await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    for (const desk of ['clerk.town', 'reviewer.county', 'reviewer.city']) {
      const f = (await filesOf(c.caseNo, { user: desk })).materials.find((m) => m.name === '申请书')!.files[0];
      const inline = await fetchUrl(f.previewUrl);
      expect({ desk, status: inline.status, type: inline.headers.get('content-type'), disposition: inline.headers.get('content-disposition')?.split(';')[0] }).toEqual({ desk, status: 200, type: 'application/pdf', disposition: 'inline' });
      expect(Buffer.from(await inline.arrayBuffer()).equals(pdf)).toBe(true);
      const download = await fetchUrl(f.downloadUrl);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''%E7%94%B3%E8%AF%B7%E4%B9%A6\.pdf/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const views = await api.request('GET', `/api/cases/${c.caseNo}/file-views`, { headers: { 'x-query-code': c.queryCode } });
    expect(views.status).toBe(200);
    const seen = views.body.views.map((v: any) => `${v.viewer.role}@${v.viewer.level}:${v.disposition}`);
    expect(seen.sort()).toEqual(['clerk@town:attachment', 'clerk@town:inline', 'reviewer@city:attachment', 'reviewer@city:inline', 'reviewer@county:attachment', 'reviewer@county:inline']);
    expect(views.body.views[0].viewer.name).toBeTruthy();
  });

  it('refuses a link that was tampered with, made for another file, or whose viewer may no longer see the case', async () => {
    const c = await fileAs();
    await uploadFile(api, c.caseNo, { material: '申请书', bytes: pdfBytes(), name: 'a.pdf' }, { queryCode: c.queryCode });
    await uploadFile(api, c.caseNo, { material: '营业执照', bytes: jpegBytes(7), name: 'b.jpg' }, { queryCode: c.queryCode });
    const [a, b] = (await filesOf(c.caseNo, { queryCode: c.queryCode })).materials.flatMap((m) => m.files);
    const tokenA = new URL(a.downloadUrl, 'http://x').searchParams.get('t')!;
    const swapped = await fetchUrl(`/api/files/${b.id}/content?t=${tokenA}`);
    expect(swapped.status).toBe(410);
    const tampered = await fetchUrl(`/api/files/${a.id}/content?t=${tokenA.slice(0, -2)}xx`);
    expect(tampered.status).toBe(410);
    expect((await tampered.json()).error.code).toBe('FILE_LINK_EXPIRED');
    // A desk's link for a case it cannot see (a health reviewer is off this route) is no link at all.
    const other = await api.as('reviewer.health.county', 'GET', `/api/cases/${c.caseNo}/files`);
    expect(other.status).toBe(404);
  });

  it('builds the 补正 notice from the accepting desk’s 不合格 marks; a new file clears the mark', async () => {
    const c = await fileAs();
    await uploadFile(api, c.caseNo, { material: '营业执照', bytes: jpegBytes(3), name: 'licence.jpg' }, { queryCode: c.queryCode });
    const mark = (body: object, user = 'clerk.village') => api.as(user, 'POST', `/api/cases/${c.caseNo}/materials/marks`, body);
    expect((await mark({ material: '营业执照', verdict: 'bad' })).status).toBe(422); // a 不合格 needs its reason
    expect((await mark({ material: '营业执照', verdict: 'ok' }, 'clerk.town')).status).toBe(409); // on the route, not at the step
    expect((await mark({ material: '申请书', verdict: 'ok' })).status).toBe(200);
    const marked = await mark({ material: '营业执照', verdict: 'bad', reason: '第2页模糊，印章不清' });
    expect(marked.body.materials.find((m: any) => m.name === '营业执照')).toMatchObject({ verdict: 'bad', reason: '第2页模糊，印章不清' });
    const req = await api.act('clerk.village', c.caseNo, { type: 'REQUEST_MATERIALS', missing: [] });
    expect(req.status).toBe(200);
    expect(req.body.case.missingMaterials).toEqual(['营业执照：第2页模糊，印章不清']);
    // The applicant supplies the page; the desk looks at it again.
    expect((await uploadFile(api, c.caseNo, { material: '营业执照', bytes: jpegBytes(4), name: 'licence-2.jpg' }, { queryCode: c.queryCode })).status).toBe(201);
    const after = await filesOf(c.caseNo, { queryCode: c.queryCode });
    expect(after.materials.find((m) => m.name === '营业执照')).toMatchObject({ verdict: null, reason: null });
    expect(after.materials.find((m) => m.name === '申请书')).toMatchObject({ verdict: 'ok' });
    // Supplying by the notice's own line adds the material's name, once.
    const supplied = await api.request('POST', `/api/cases/${c.caseNo}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['营业执照：第2页模糊，印章不清'] }, headers: { 'x-query-code': c.queryCode } });
    expect(supplied.status).toBe(200);
    expect(supplied.body.case.materials.filter((m: string) => m.startsWith('营业执照'))).toEqual(['营业执照']);
  });

  it('refuses a REQUEST_MATERIALS that names nothing when nothing is marked 不合格', async () => {
    const c = await fileAs();
    const res = await api.act('clerk.village', c.caseNo, { type: 'REQUEST_MATERIALS', missing: [] });
    expect({ status: res.status, field: res.body.error.details.field }).toEqual({ status: 422, field: 'missing' });
  });

  it('lets an applicant account attach by reference what the platform already holds for it, and nobody else', async () => {
    const first = await api.file(buildCase(), 'applicant');
    const scan = jpegBytes(99);
    expect((await uploadFile(api, first.caseNo, { material: '营业执照', bytes: scan, name: '执照.jpg' }, { token: await api.token('applicant') })).status).toBe(201);
    const held = await api.as('applicant', 'GET', '/api/me/files');
    const f = held.body.files.find((x: any) => x.caseNo === first.caseNo && x.material === '营业执照');
    expect(f).toBeTruthy();
    const second = await api.file(buildCase(), 'applicant');
    const ref = await api.as('applicant', 'POST', `/api/cases/${second.caseNo}/files`, { material: '营业执照', fromFile: f.id });
    expect(ref.status).toBe(201);
    expect(ref.body.file).toMatchObject({ source: 'reference', referencedFrom: f.id, sha256: f.sha256 });
    const got = await fetchUrl(ref.body.file.downloadUrl);
    expect(Buffer.from(await got.arrayBuffer()).equals(scan)).toBe(true);
    // Without an account there is nothing to refer to; another applicant's case cannot borrow it.
    const anon = await fileAs();
    const byCode = await api.request('POST', `/api/cases/${anon.caseNo}/files`, { body: { material: '营业执照', fromFile: f.id }, headers: { 'x-query-code': anon.queryCode } });
    expect({ status: byCode.status, code: byCode.body.error.code }).toEqual({ status: 403, code: 'REFERENCE_NEEDS_ACCOUNT' });
    expect((await api.as('applicant', 'GET', '/api/me/files')).body.files.every((x: any) => x.caseNo !== anon.caseNo)).toBe(true);
  });

  it('refuses files once the case is past acceptance for the applicant, and says why', async () => {
    const c = await fileAs();
    expect((await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const res = await uploadFile(api, c.caseNo, { material: '申请书', bytes: pdfBytes(), name: 'late.pdf' }, { queryCode: c.queryCode });
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    // The desk at the current step may still add a scan (as AMEND adds material).
    const scan = await uploadFile(api, c.caseNo, { material: '申请书', bytes: pdfBytes('现场照片'), name: 'scan.pdf' }, { token: await api.token('clerk.town') });
    expect({ status: scan.status, body: scan.status === 201 ? null : scan.body }).toEqual({ status: 201, body: null });
  });
});

describe.each(['disk', 'database'] as const)('the %s file store', (driver) => {
  const api = new Api('');
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ env: { FILE_STORAGE: driver } });
    api.baseUrl = srv.url;
  });
  afterAll(() => srv?.close());

  it('stores one copy of the same bytes attached twice, and serves them back exact', async () => {
    expect(srv.ctx.blobs.driver).toBe(driver);
    const c = (await api.file(buildCase())) as { caseNo: string; queryCode: string };
    const bytes = pdfBytes(`${driver}-${process.pid}-${Date.now()}`);
    const a = await uploadFile(api, c.caseNo, { material: '申请书', bytes, name: 'a.pdf' }, { queryCode: c.queryCode });
    const b = await uploadFile(api, c.caseNo, { material: '营业执照', bytes, name: 'b.pdf' }, { queryCode: c.queryCode });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.file.sha256).toBe(b.body.file.sha256);
    expect(a.body.file.id).not.toBe(b.body.file.id);
    expect(await srv.ctx.blobs.has(a.body.file.sha256)).toBe(true);
    const rows = await srv.ctx.db.knex('file_blobs').where('sha256', a.body.file.sha256).count({ n: '*' }).first();
    expect(Number(rows?.n)).toBe(driver === 'database' ? 1 : 0);
    for (const f of [a.body.file, b.body.file]) {
      const got = await fetch(`${api.baseUrl}${f.downloadUrl}`);
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });
});
