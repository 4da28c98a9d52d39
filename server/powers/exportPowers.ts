import ExcelJS from 'exceljs';
import { entriesOfVersion } from '../../db/repositories/powers/entries';
import type { PowerVersionRow } from '../../db/repositories/powers/versions';
import type { AppContext } from '../context';
import { POWER_COLUMNS } from '../../workflows/powerImportProblems';
import { POWER_TYPES } from '../../workflows/powerTypes';
import { entryCode } from '../presenters/powers';

function rowsOf(entries: Awaited<ReturnType<typeof entriesOfVersion>>): string[][] {
  return entries.map((e) => [entryCode(e), e.name, POWER_TYPES[e.type - 1]!, e.bodyName, e.listLevel, e.scope ?? '', e.basis ?? '']);
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A version's entries as the import reads them back: CSV (UTF-8 with BOM, for Excel) or .xlsx. */
export async function exportPowers(ctx: AppContext, v: PowerVersionRow, format: 'csv' | 'xlsx'): Promise<{ body: Buffer; type: string; filename: string }> {
  const rows = rowsOf(await entriesOfVersion(ctx.db.knex, v.listId, v.seq));
  const header = POWER_COLUMNS.map((c) => c.zh);
  const filename = `powers-${v.listCode}-v${v.seq}.${format}`;
  if (format === 'csv') {
    const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
    return { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]), type: 'text/csv; charset=utf-8', filename };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('权力清单');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return { body: Buffer.from(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
}
