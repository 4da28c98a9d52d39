import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '../../workflows/importProblems';

/** One data row of an import file: its line (spreadsheet row) and its cells by column name. */
export interface FileRow {
  line: number;
  record: Record<string, string>;
}

/** The rows of the file, or the problems that stop it being read at all. */
export type ReadFile = { ok: true; header: string[]; rows: FileRow[] } | { ok: false; problems: ImportProblem[] };

/** An .xlsx workbook is a zip archive: it starts with a local file header. */
const isZip = (bytes: Uint8Array) => bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The text of a CSV file. A charset named by the sender wins; otherwise valid
 * UTF-8 (with or without a byte-order mark) is UTF-8 and anything else is
 * GB18030, the superset of GBK that Excel on a Chinese Windows saves.
 */
export function decodeCsv(bytes: Uint8Array, charset?: string): string {
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: detect as if none had been given.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(text: string): ReadFile {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    const e = err as { code?: string; lines?: number; record?: unknown[]; message: string };
    const line = e.lines ?? 0;
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
      const header = parse(text, { to_line: 1, bom: true })[0] as string[] | undefined;
      return { ok: false, problems: [{ line, field: '(file)', code: 'ROW_FIELD_COUNT', params: { found: e.record?.length ?? 0, expected: header?.length ?? 0 } }] };
    }
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return { ok: false, problems: [{ line, field: '(file)', code: 'QUOTE_NOT_CLOSED', params: {} }] };
    return { ok: false, problems: [{ line, field: '(file)', code: 'FILE_UNREADABLE', params: { detail: e.code ?? e.message } }] };
  }
  const header = parse(text, { to_line: 1, bom: true, trim: true })[0] as string[] | undefined;
  return { ok: true, header: header ?? [], rows: parsed.map((p) => ({ line: p.info.lines, record: p.record })) };
}

/** The first worksheet: row 1 names the columns; a row's line is its spreadsheet row number. */
async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ line: 0, field: '(file)', code: 'XLSX_UNREADABLE', params: {} }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ line: 0, field: '(file)', code: 'XLSX_UNREADABLE', params: {} }] };
  const cells = (row: ExcelJS.Row): string[] => {
    const out: string[] = [];
    // cell.text is what Excel shows: numbers, booleans, dates and rich text as plain strings.
    row.eachCell({ includeEmpty: true }, (cell, col) => (out[col - 1] = (cell.text ?? '').trim()));
    return Array.from(out, (v) => v ?? '');
  };
  const header = cells(sheet.getRow(1));
  const rows: FileRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = cells(row);
    if (values.every((v) => v === '')) return;
    rows.push({ line: n, record: Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])) });
  });
  return { ok: true, header, rows };
}

/** Reads a CSV (any of the encodings above) or an .xlsx workbook, told apart by their first bytes. */
export function readCatalogueFile(bytes: Uint8Array, charset?: string): Promise<ReadFile> {
  return isZip(bytes) ? readXlsx(bytes) : Promise.resolve(readCsv(decodeCsv(bytes, charset)));
}
