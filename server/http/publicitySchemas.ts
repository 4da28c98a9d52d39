import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { isRealIsoDate } from '../../workflows/isoDate';

extendZodWithOpenApi(z);

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-12-02', abort: true })
  .refine(isRealIsoDate, 'not a date that exists');
const words = (max: number) => z.string().trim().min(1, 'empty: leave the parameter out instead').max(max);

/** The register's filters, shared by the page and the export. */
const filters = {
  q: words(100).optional().openapi({ description: 'a 行政许可决定文书号 (in part), a legal person’s name (in part) or whole USCC, or a whole 许可编号. A natural person is found by the document or licence number only: names and ID numbers of persons are not searchable' }),
  item: words(100).optional().openapi({ description: 'an item code (whole), or part of an item’s name' }),
  jurisdiction: z.string().regex(/^\d{12}$/, 'a 12-digit area code').optional().openapi({ description: 'decided by a body of this area or one under it (330302000000: 鹿城区’s bodies)' }),
  issuer: words(100).optional().openapi({ description: 'the deciding body (许可机关): its whole USCC, or part of its name' }),
  from: date.optional().openapi({ description: 'decided on or after this date (YYYY-MM-DD, China time)' }),
  to: date.optional().openapi({ description: 'decided on or before this date (YYYY-MM-DD)' }),
};

const ordered = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const ORDER = { message: '`to` is before `from`', path: ['to'] };

export const PublicityQuery = z
  .object({
    ...filters,
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine(ordered, ORDER);

export const PublicityExportQuery = z
  .object({
    ...filters,
    format: z.enum(['csv', 'json']).default('csv').openapi({ description: 'csv (UTF-8 with BOM, a header row of the standard’s Chinese field names) or json (the field codes as keys)' }),
  })
  .strict()
  .refine(ordered, ORDER);

export type PublicityFilters = Pick<z.infer<typeof PublicityQuery>, keyof typeof filters>;
