/**
 * What a document says about itself in its PDF Info dictionary: the standard entries (Title, Author,
 * Subject, Keywords) and one custom entry per metadata key, e.g. /LicenceId, so a verifier with only the
 * file (`npm run verify-licence`) can read the licence code back. Text is written as UTF-16 strings, so
 * Chinese values survive.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** The Info key the licence identifier (GB/T 36904) is kept under. */
export const LICENCE_ID_KEY = 'LicenceId';

/** Info keys whose values are dates or names, not text: a metadata key may not take them over. */
const NOT_TEXT = new Set(['CreationDate', 'ModDate', 'Trapped']);
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  /** The document's date, YYYY-MM-DD: written as its creation date (China time) so a render is reproducible. */
  date: string;
  metadata: Record<string, string>;
}

export function writeDocumentInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setCreator('wenzhou-approval');
  doc.setProducer('wenzhou-approval (pdf-lib)');
  doc.setLanguage('zh-CN');
  const when = new Date(`${info.date}T00:00:00+08:00`);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const values = Object.entries(info.metadata);
  doc.setKeywords(values.map(([k, v]) => `${k}=${v}`));
  const dict = infoDict(doc);
  for (const [key, value] of values) {
    if (!KEY.test(key) || NOT_TEXT.has(key)) throw new Error(`metadata key ${JSON.stringify(key)}: letters, digits, _ . - (starting with a letter), not ${[...NOT_TEXT].join('/')}`);
    dict.set(PDFName.of(key), PDFHexString.fromText(value));
  }
}

function infoDict(doc: PDFDocument): PDFDict {
  return doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
}

/** Every text entry of a PDF's Info dictionary, keys without the slash. */
export async function readDocumentInfo(pdf: Uint8Array): Promise<Record<string, string>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out: Record<string, string> = {};
  if (!doc.context.trailerInfo.Info) return out;
  for (const [key, value] of infoDict(doc).entries()) {
    if (value instanceof PDFHexString || value instanceof PDFString) out[key.decodeText()] = value.decodeText();
  }
  return out;
}
