import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { qrPath } from '../../server/documents/pdf/qr';
import { LICENCE_ID_KEY, readDocumentInfo, renderOfficialDocument, type OfficialDocumentModel } from '../../server/documents/pdf';

const LICENCE_ID = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';

const model: OfficialDocumentModel = {
  title: '准予行政许可决定书',
  docNo: '温鹿市监药许〔2026〕12号',
  recipient: '温州市安澜大药房有限公司',
  paragraphs: [
    '你单位于二〇二六年十一月二十日提出的药品零售企业许可申请，经审查，符合《中华人民共和国药品管理法》第五十二条规定的条件，决定准予许可。',
    `电子证照标识：${LICENCE_ID}。`,
    '如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。',
  ],
  fields: [
    ['许可事项', '药品零售企业许可'],
    ['持证主体', '温州市安澜大药房有限公司'],
    ['有效期', '2026年12月3日至2031年12月2日'],
  ],
  issuer: { name: '温州市鹿城区市场监督管理局', sealName: '行政许可专用章' },
  date: '2026-12-03',
  qr: { text: `https://example.invalid/v/${LICENCE_ID}`, caption: '扫描二维码核验电子证照' },
  footer: '本文书可离线核验签名',
  metadata: { [LICENCE_ID_KEY]: LICENCE_ID, CaseNo: '330300-XK-0013-20261120-0001' },
};

/** The decoded bytes of every stream the font descriptors point at as FontFile2 (TrueType) or FontFile3. */
function embeddedFontFiles(doc: PDFDocument): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    for (const key of ['FontFile2', 'FontFile3']) {
      const ref = obj.get(PDFName.of(key));
      if (ref) out.push(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode());
    }
  }
  return out;
}

/** Every character the text layer maps back to (the fonts' ToUnicode CMaps). */
function mappedText(doc: PDFDocument): string {
  let chars = '';
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || !obj.get(PDFName.of('ToUnicode'))) continue;
    const cmap = Buffer.from(decodePDFRawStream(doc.context.lookup(obj.get(PDFName.of('ToUnicode'))) as PDFRawStream).decode()).toString('latin1');
    for (const [, hex] of cmap.matchAll(/<[0-9a-fA-F]+>\s*<([0-9a-fA-F]+)>/g)) chars += Buffer.from(hex!, 'hex').swap16().toString('utf16le');
  }
  return chars;
}

describe('renderOfficialDocument', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderOfficialDocument(model);
  });

  it('renders one A4 page that pdf-lib loads back, well under 1 MB', async () => {
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize().width).toBeCloseTo(595.28, 1);
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  it('stores the title, issuer and metadata in the Info dictionary, readable back', async () => {
    const info = await readDocumentInfo(pdf);
    expect(info).toMatchObject({ Title: model.title, Author: model.issuer.name, Subject: model.docNo, LicenceId: LICENCE_ID, CaseNo: model.metadata.CaseNo });
    expect(info.Keywords).toContain(`LicenceId=${LICENCE_ID}`);
    expect(info.CreationDate).toBe('D:20261202160000Z'); // 2026-12-03 00:00 China time
  });

  it('embeds the font as a subset: a FontFile2 stream of kilobytes, every glyph of it readable', async () => {
    const doc = await PDFDocument.load(pdf);
    const files = embeddedFontFiles(doc);
    expect(files).toHaveLength(2); // regular and bold
    for (const bytes of files) {
      expect(bytes.length).toBeLessThan(300 * 1024); // the full font is 15 MB
      const font = fontkit.create(Buffer.from(bytes));
      expect(font.numGlyphs).toBeGreaterThan(10);
      // The fontkit fix of fonts.ts: without it, about half these glyphs point into the middle of others.
      for (let gid = 0; gid < font.numGlyphs; gid++) expect(() => font.getGlyph(gid).path).not.toThrow();
    }
  });

  it('maps every character drawn back to its text (the text layer copies and searches)', async () => {
    const mapped = new Set(mappedText(await PDFDocument.load(pdf)));
    const drawn = [model.title, model.docNo, ...model.paragraphs, '二〇二六年十二月三日', model.issuer.sealName].join('');
    expect([...drawn].filter((c) => !mapped.has(c))).toEqual([]);
  });

  it('renders the same model to the same bytes', async () => {
    expect(Buffer.from(await renderOfficialDocument(model)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('adds pages as the text needs them', async () => {
    const long = await renderOfficialDocument({ ...model, paragraphs: Array.from({ length: 200 }, (_, i) => `第${i + 1}段。${model.paragraphs[0]}`) });
    const doc = await PDFDocument.load(long);
    expect(doc.getPageCount()).toBeGreaterThan(10);
    expect(long.length).toBeLessThan(1024 * 1024);
  });

  it('renders without the optional parts, and refuses a malformed date or metadata key', async () => {
    const bare = await renderOfficialDocument({ title: '通知', docNo: '温审〔2026〕1号', paragraphs: ['特此通知。'], issuer: { name: '温州市行政审批局', sealName: '' }, date: '2026-01-05', metadata: {} });
    expect((await PDFDocument.load(bare)).getPageCount()).toBe(1);
    await expect(renderOfficialDocument({ ...model, date: '2026-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(renderOfficialDocument({ ...model, metadata: { 'Licence Id': 'x' } })).rejects.toThrow(/metadata key/);
    await expect(renderOfficialDocument({ ...model, metadata: { CreationDate: 'x' } })).rejects.toThrow(/metadata key/);
  });
});

describe('qrPath', () => {
  it('draws exactly the dark modules, row runs merged', () => {
    const { path, modules } = qrPath('1.2.156.3005.2.X');
    expect(modules).toBeGreaterThanOrEqual(21);
    const dark = new Set<string>();
    for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(w); i++) dark.add(`${Number(x) + i},${y}`);
    // Finder patterns: the three 7×7 corners have dark outer rings.
    for (const [cx, cy] of [[0, 0], [modules - 7, 0], [0, modules - 7]]) {
      for (let i = 0; i < 7; i++) {
        expect(dark.has(`${cx! + i},${cy}`)).toBe(true);
        expect(dark.has(`${cx},${cy! + i}`)).toBe(true);
      }
      expect(dark.has(`${cx! + 1},${cy! + 1}`)).toBe(false);
    }
  });
});
