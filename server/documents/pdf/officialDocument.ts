/**
 * An official document (a licence, a decision, a notice) as a PDF, laid out after GB/T 9704: the title
 * centred in a larger bold face, the document number under it, the addressee flush left, paragraphs
 * indented two characters, an optional table of fields, and at the end the issuing body's name and the date
 * in Chinese numerals under its red seal, with an optional QR code and caption to the left. Pages are added
 * as the text needs them, numbered — n — when there is more than one. The font is in fonts.ts.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { chineseDate } from '../../../workflows/chineseDate';
import { embedDocumentFonts } from './fonts';
import { writeDocumentInfo } from './metadata';
import { A4, INK, MARGIN, PageFlow, TEXT_LEFT, TEXT_RIGHT, TEXT_WIDTH, type TextStyle } from './pageFlow';
import { drawQr } from './qr';
import { drawSeal, SEAL_DIAMETER } from './seal';

export interface OfficialDocumentModel {
  title: string;
  /** 文号, e.g. 温鹿市监许〔2026〕12号. */
  docNo: string;
  /** 主送: the addressee, flush left, followed by a full-width colon. */
  recipient?: string;
  paragraphs: string[];
  /** A two-column table of label and value. */
  fields?: Array<[string, string]>;
  issuer: { name: string; sealName: string };
  /** YYYY-MM-DD, written 二〇二六年十二月三日. */
  date: string;
  qr?: { text: string; caption: string };
  /** A line under every page, e.g. where to check the document. */
  footer?: string;
  /** Stored in the PDF Info dictionary (see metadata.ts); put the licence identifier under LicenceId. */
  metadata: Record<string, string>;
}

const MM = 72 / 25.4;
const QR_SIZE = 28 * MM;
const GREY = rgb(0.35, 0.35, 0.35);

export async function renderOfficialDocument(model: OfficialDocumentModel): Promise<Uint8Array> {
  const date = chineseDate(model.date); // refuses a malformed date before any work
  const doc = await PDFDocument.create();
  const fonts = await embedDocumentFonts(doc);
  const title: TextStyle = { font: fonts.bold, size: 22, leading: 30 };
  const body: TextStyle = { font: fonts.regular, size: 14, leading: 23 };
  const small: TextStyle = { font: fonts.regular, size: 9, leading: 13 };
  const flow = new PageFlow(doc);

  flow.text(title, model.title, { align: 'centre' });
  flow.gap(4);
  flow.text(body, model.docNo, { align: 'centre' });
  flow.gap(body.leading * 0.5);

  if (model.recipient) flow.text(body, /[：:]$/.test(model.recipient) ? model.recipient : `${model.recipient}：`);
  // Two ideographic spaces: the first-line indent of Chinese paragraphs.
  for (const p of model.paragraphs) flow.text(body, `\u3000\u3000${p.trim()}`);

  if (model.fields?.length) {
    flow.gap(body.leading * 0.4);
    drawFields(flow, { ...body, size: 12, leading: 18 }, model.fields);
  }

  drawClosing(flow, { body, small, sealFont: fonts.bold }, model, date);
  drawPageFooters(flow, small, model.footer);

  writeDocumentInfo(doc, { title: model.title, author: model.issuer.name, subject: model.docNo, date: model.date, metadata: model.metadata });
  // A classic cross-reference table (no object streams): the plainest file for any reader or checker.
  return doc.save({ useObjectStreams: false });
}

/** The fields as a ruled two-column table; a row too tall for the page's rest goes on in the next. */
function drawFields(flow: PageFlow, style: TextStyle, fields: Array<[string, string]>): void {
  const pad = 4;
  const widest = Math.max(...fields.map(([label]) => flow.widthOf(style, label)));
  const labelWidth = Math.min(widest + 2 * pad, TEXT_WIDTH * 0.32);
  const valueWidth = TEXT_WIDTH - labelWidth;
  const line = { thickness: 0.6, color: INK };
  for (const [label, value] of fields) {
    const labels = flow.wrap(style, label, labelWidth - 2 * pad);
    const values = flow.wrap(style, value || '—', valueWidth - 2 * pad);
    const rows = Math.max(labels.length, values.length);
    let from = 0;
    while (from < rows) {
      flow.ensure(style.leading + 2 * pad);
      const left = rows - from;
      const fitsHere = () => Math.max(1, Math.floor((flow.y - MARGIN.bottom - 2 * pad) / style.leading));
      // A row that would fit whole on a new page is not split.
      if (left > fitsHere() && left * style.leading + 2 * pad <= flow.blockHeight) flow.newPage();
      const count = Math.min(left, fitsHere());
      const height = count * style.leading + 2 * pad;
      const page = flow.page;
      const top = flow.y;
      const bottom = top - height;
      page.drawRectangle({ x: TEXT_LEFT, y: bottom, width: TEXT_WIDTH, height, borderColor: INK, borderWidth: line.thickness });
      page.drawLine({ start: { x: TEXT_LEFT + labelWidth, y: top }, end: { x: TEXT_LEFT + labelWidth, y: bottom }, ...line });
      for (let i = 0; i < count; i++) {
        const baseline = top - pad - i * style.leading - style.size - (style.leading - style.size) / 2 + 2;
        const l = labels[from + i];
        const v = values[from + i];
        if (l) page.drawText(l, { x: TEXT_LEFT + pad, y: baseline, size: style.size, font: style.font, color: INK });
        if (v) page.drawText(v, { x: TEXT_LEFT + labelWidth + pad, y: baseline, size: style.size, font: style.font, color: INK });
      }
      flow.y = bottom;
      from += count;
    }
  }
}

/**
 * The closing block, kept on one page: the issuer's name and the date right of centre with the seal pressed
 * over both (盖章居中下压署名和日期), and the QR code with its caption at the left.
 */
function drawClosing(flow: PageFlow, styles: { body: TextStyle; small: TextStyle; sealFont: TextStyle['font'] }, model: OfficialDocumentModel, date: string): void {
  const { body, small } = styles;
  const captionWidth = 50 * MM;
  const captionLines = model.qr ? flow.wrap(small, model.qr.caption, captionWidth) : [];
  const qrHeight = model.qr ? QR_SIZE + 6 + captionLines.length * small.leading : 0;
  const height = Math.max(SEAL_DIAMETER + 8, qrHeight);
  flow.gap(body.leading);
  const page = flow.ensure(height);
  const top = flow.y;

  // Name and date share a centre line, the date ending two characters from the right edge.
  const dateWidth = flow.widthOf(body, date);
  const nameWidth = flow.widthOf(body, model.issuer.name);
  const centre = Math.max(TEXT_RIGHT - 2 * body.size - Math.max(dateWidth, nameWidth) / 2, TEXT_LEFT + (model.qr ? captionWidth : 0) + SEAL_DIAMETER / 2);
  const middle = top - SEAL_DIAMETER / 2 - 4;
  const nameBaseline = middle + 4;
  const dateBaseline = middle - body.leading + 4;
  page.drawText(model.issuer.name, { x: centre - nameWidth / 2, y: nameBaseline, size: body.size, font: body.font, color: INK });
  page.drawText(date, { x: centre - dateWidth / 2, y: dateBaseline, size: body.size, font: body.font, color: INK });
  drawSeal(page, { name: model.issuer.name, sealName: model.issuer.sealName, cx: centre, cy: (nameBaseline + dateBaseline + body.size * 0.76) / 2, font: styles.sealFont });

  if (model.qr) {
    const qrBottom = top - QR_SIZE;
    drawQr(page, model.qr.text, TEXT_LEFT, qrBottom, QR_SIZE);
    captionLines.forEach((line, i) => {
      page.drawText(line, { x: TEXT_LEFT, y: qrBottom - 6 - small.size - i * small.leading, size: small.size, font: small.font, color: GREY });
    });
  }
  flow.y = top - height;
}

/** The footer line under every page, and page numbers (— 1 —) when there is more than one page. */
function drawPageFooters(flow: PageFlow, small: TextStyle, footer: string | undefined): void {
  const numbered = flow.pages.length > 1;
  const footerLines = footer ? flow.wrap(small, footer, TEXT_WIDTH) : [];
  flow.pages.forEach((page, i) => {
    if (numbered) {
      const label = `— ${i + 1} —`;
      const size = 12;
      const w = flow.widthOf({ font: small.font, size }, label);
      page.drawText(label, { x: (A4[0] - w) / 2, y: MARGIN.bottom - 7 * MM - size, size, font: small.font, color: INK });
    }
    footerLines.forEach((line, j) => {
      const w = flow.widthOf(small, line);
      page.drawText(line, { x: (A4[0] - w) / 2, y: 12 * MM + (footerLines.length - 1 - j) * small.leading, size: small.size, font: small.font, color: GREY });
    });
  });
}
