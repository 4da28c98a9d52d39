import type { Operation } from './openapi';
import { PublicityExportQuery, PublicityQuery } from './publicitySchemas';

const ENTRY =
  '{ id, holder { type, name, code, codeType, legalRepresentative } (a person’s name and ID number masked), decision { title, docNo, decidedOn }, category (许可类别), content (许可内容), item { code, name }, licence { name, id, licenceNo, validity { from, until }, status { code, zh, en }, verifyUrl } (null fields until the licence is issued; the status read now: a revoked or cancelled licence shows it), issuer { name, code, jurisdictionCode }, standing (valid | invalid: 当前状态), publishedOn }';

/** The public register of licensing decisions (双公示, 行政许可法 Art. 40; issue 11): docs/publicity.md. */
export const PUBLICITY_OPERATIONS: Operation[] = [
  {
    operationId: 'listPublicity',
    method: 'get',
    path: '/api/publicity',
    summary: 'The public register of licensing decisions (双公示): every grant of a 行政许可 item, published within 7 working days of the decision, newest decision first. No log-in. Bad parameters answer 400 BAD_REQUEST naming each in details.issues[].field',
    access: 'public',
    request: { query: PublicityQuery },
    ok: [200, `a page: { total, page, pageSize, entries: [${ENTRY}] }`],
  },
  {
    operationId: 'exportPublicity',
    method: 'get',
    path: '/api/publicity/export',
    summary: 'The register, with the same filters, as a file for the city’s credit platform: `format=csv` (UTF-8 with BOM, CRLF, a header row of the credit data standard’s Chinese field names) or `format=json` ({ format, version, generatedAt, filter, count, fields [{ key, name }], records keyed by the XK_ field codes }); oldest decision first; docs/publicity.md lists every field. No log-in',
    access: 'public',
    request: { query: PublicityExportQuery },
    ok: [200, 'text/csv or application/json, as an attachment; X-Total-Count says how many records'],
    errors: [429],
    more: { 422: 'EXPORT_TOO_LARGE: more than 20,000 entries match (details.total, details.max): narrow it with from and to' },
  },
];
