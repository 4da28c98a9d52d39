import { z } from 'zod';
import * as P from './powerSchemas';
import type { Operation } from './openapi';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const version = z.object({ id: z.string() });
const CONFLICT = 'INVALID_TRANSITION (a published version takes nothing; publishing needs an adjustment) or VERSION_CONFLICT';

/** Power and responsibility lists (权力清单 / 责任清单, issue 14; docs/powers.md). */
export const POWER_OPERATIONS: Operation[] = [
  { operationId: 'listPowers', method: 'get', path: '/api/powers', summary: 'Public: entries of the published power lists (each list’s newest published version, or `version`: a draft answers 404 but to an administrator), paginated with `total`; `departments` counts the implementing bodies holding them (44 for `level=city`) and `departmentCounts` lists them', access: 'public', request: { query: P.PowersQuery }, ok: [200, '{ total, page, pageSize, departments, departmentCounts, powers }'], errors: [404], more: { 404: 'POWER_VERSION_NOT_FOUND' } },
  { operationId: 'listPowerVersions', method: 'get', path: '/api/powers/versions', summary: 'Public: every published version of the lists (an administrator sees drafts too) with reviewed / published / cut counted from the entries, paginated with `total`; `totals` sums each list’s newest published version by level (city 12,723 → 4,168; counties 86,531 → 43,197)', access: 'public', request: { query: P.VersionsQuery }, ok: [200, '{ total, page, pageSize, totals, versions }'] },
  { operationId: 'comparePowerVersions', method: 'get', path: '/api/powers/versions/compare', summary: 'Public: two versions of one list compared (a draft only for an administrator): entries cut, merged away, moved to another level, added and merged into, and the change records (reason, basis, the entries reached) paginated with `total`', access: 'public', request: { query: P.CompareQuery }, ok: [200, '{ from, to, summary, total, changes }'], errors: [404], more: { 404: 'POWER_VERSION_NOT_FOUND', 422: 'POWER_VERSIONS_NOT_COMPARABLE: different lists, or `from` not older than `to`' } },
  { operationId: 'exportPowers', method: 'get', path: '/api/powers/export', summary: 'Administrators: a version’s entries as CSV (UTF-8 with BOM) or .xlsx, in the columns the import reads', access: 'staff', request: { query: P.ExportQuery }, ok: [200, 'the file'], errors: [403], more: { 404: 'POWER_VERSION_NOT_FOUND' } },
  { operationId: 'getPower', method: 'get', path: '/api/powers/{code}', summary: 'Public: one entry (any published version; an entry only a draft holds answers 404, a cut only a draft made is not told, but to an administrator) with its process, supervision and remedy channels, responsibility list (责任事项, 追责情形, 追责对象), the catalogue items implementing it, the versions holding it and the changes that started or ended it', access: 'public', request: { params: z.object({ code: P.PowerCodeParam }) }, ok: [200, 'the entry'], more: { 404: 'POWER_NOT_FOUND' } },
  { operationId: 'openPowerDraft', method: 'post', path: '/api/powers/versions', summary: 'Administrators: open a draft version of a list (the next number, based on its newest published version)', access: 'staff', request: { body: json(P.OpenDraftBody) }, ok: [201, '{ version }'], errors: [403, 422], more: { 404: 'POWER_LIST_NOT_FOUND', 409: 'POWER_DRAFT_OPEN: the list has a draft already' } },
  {
    operationId: 'adjustPowerDraft',
    method: 'post',
    path: '/api/powers/versions/{id}/adjustments',
    summary: 'Administrators: one adjustment of a draft with its reason and basis: add entries, cut, merge (sources and the merged entry) or move to another level; a recorded change (power_changes) and an event of the version',
    access: 'staff',
    request: { params: version, body: json(P.AdjustBody) },
    ok: [200, '{ version, event }'],
    errors: [403, 422],
    more: { 404: 'POWER_VERSION_NOT_FOUND', 409: CONFLICT, 422: 'VALIDATION_FAILED, POWER_ENTRY_NOT_IN_VERSION (details.codes), POWER_IMPLEMENTED_BY_ITEMS (details.items) or POWER_BODY_UNKNOWN' },
  },
  { operationId: 'publishPowerDraft', method: 'post', path: '/api/powers/versions/{id}/publish', summary: 'Administrators: publish a draft; the public lists read it from then on', access: 'staff', request: { params: version, body: json(P.PublishBody) }, ok: [200, '{ version }'], errors: [403, 422], more: { 404: 'POWER_VERSION_NOT_FOUND', 409: CONFLICT } },
  {
    operationId: 'importPowers',
    method: 'post',
    path: '/api/powers/versions/{id}/import',
    summary: 'Administrators: import a CSV (UTF-8 or GB18030) or .xlsx into a draft, all or nothing, with `reason` and `basis` in the query: rows without a code are added (one add change), rows with a code in the draft stay; the role is checked before the body is read',
    access: 'staff',
    request: { params: version, query: P.ImportQuery, body: { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } } },
    ok: [200, '{ imported, unchanged, version }'],
    errors: [403, 413, 415],
    more: { 404: 'POWER_VERSION_NOT_FOUND', 409: CONFLICT, 422: 'POWER_IMPORT_FAILED: details.problems lists each problem once as { line, field, code, params, message } in the Accept-Language' },
  },
];
