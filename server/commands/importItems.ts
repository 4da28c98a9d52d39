import { dbTime } from '../../db/connection';
import { insertItemVersions } from '../../db/repositories/items';
import { importMessage, renderProblem, type ImportLang, type ImportProblem } from '../../workflows/importProblems';
import { levelRank, type Level } from '../../workflows/levels';
import { STATUTORY, validateRoute, type ItemVersion, type RouteStep, type StepKind } from '../../workflows/route';
import { checkItemTimeLimits, fitStepLimits } from '../../workflows/timeLimits';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { readCatalogueFile } from './catalogueFile';
import { CSV_COLUMNS, readCatalogueRow } from './catalogueRow';
import { keywordProblems, keywordsOfRow } from './catalogueKeywords';

export { CSV_COLUMNS } from './catalogueRow';
export type { RenderedImportProblem as ImportProblem } from '../../workflows/importProblems';

const DEFAULT_LIMIT: Record<StepKind, number> = {
  accept: STATUTORY.materialsNoticeDays,
  review: STATUTORY.lowerReviewDays,
  decide: STATUTORY.decisionDays,
  issue: STATUTORY.issueAndDeliverDays,
  deliver: STATUTORY.issueAndDeliverDays,
};

/** validateRoute's sentences, as codes of the message table. */
const ROUTE_CODES: Record<string, string> = {
  'route must start with an accept step': 'ROUTE_START',
  'route needs exactly one accept step': 'ROUTE_ONE_ACCEPT',
  'route needs exactly one decide step': 'ROUTE_ONE_DECIDE',
  'route needs exactly one issue step': 'ROUTE_ONE_ISSUE',
  'route must end with a deliver step': 'ROUTE_END',
  'only review steps may stand between accept and decide': 'ROUTE_REVIEWS_ONLY',
  'the issue step must follow the decide step': 'ROUTE_ISSUE_AFTER_DECIDE',
};

function toStep(s: string): RouteStep {
  const m = /^(\w+)@(\w+)(?::([a-z_]+))?(?:\/(\d+))?$/.exec(s)!;
  const kind = m[1] as StepKind;
  return { kind, level: m[2] as Level, ...(m[3] ? { department: m[3] } : {}), limitDays: m[4] ? Number(m[4]) : DEFAULT_LIMIT[kind] };
}

/**
 * The route with its internal limits (环节时限): as written when the row gives
 * any after acceptance (`/N`; a step without one takes its statutory default),
 * and then checked against the promise; otherwise the promise is shared out
 * among the steps as the seeded catalogue's is (workflows/timeLimits.ts fitStepLimits).
 */
function stepsWithinPromise(texts: string[], promisedDays: number): RouteStep[] {
  const route = texts.map(toStep);
  if (route.some((s, i) => s.kind !== 'accept' && /\/\d+$/.test(texts[i]!))) return route;
  // Too short a promise for a day per step: one day each, which the check then reports as too long.
  return fitStepLimits(route, promisedDays) ?? route.map((s) => (s.kind === 'accept' ? s : { ...s, limitDays: 1 }));
}

export interface ImportItemsProps {
  /** The file as sent: CSV (UTF-8, or GB18030/GBK as Excel on a Chinese Windows saves it) or an .xlsx workbook. */
  data: Uint8Array | string;
  /** The charset the sender named (Content-Type), if any; otherwise it is detected. */
  charset?: string;
  /** The language of the problems' messages. */
  lang: ImportLang;
}

/** Refuses the whole file: every problem once, by line and field, in the caller's language. */
function refuse(problems: ImportProblem[], lang: ImportLang): AppError {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = JSON.stringify([p.line, p.field, p.code, p.params]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  // A file that cannot be read at all says why in the message itself.
  const whole = unique.length === 1 && unique[0]!.field.startsWith('(');
  const message = whole ? importMessage(unique[0]!.code, unique[0]!.params, lang) : importMessage('SUMMARY', { n: unique.length, line: unique[0]!.line }, lang);
  return new AppError('IMPORT_FAILED', 422, message, { problems: unique.map((p) => renderProblem(p, lang)) });
}

/**
 * Imports catalogue items: every row is checked first, and either all rows
 * become new current versions or, on any problem, none do.
 */
export async function importItems(ctx: AppContext, props: ImportItemsProps): Promise<{ imported: number }> {
  const bytes = typeof props.data === 'string' ? new TextEncoder().encode(props.data) : props.data;
  const file = await readCatalogueFile(bytes, typeof props.data === 'string' ? 'utf-8' : props.charset);
  if (!file.ok) throw refuse(file.problems, props.lang);
  const missing = CSV_COLUMNS.filter((c) => !file.header.includes(c));
  if (missing.length) throw refuse([{ line: 1, field: '(header)', code: 'MISSING_COLUMNS', params: { columns: missing.join(', ') } }], props.lang);
  if (file.rows.length === 0) throw refuse([{ line: 1, field: '(header)', code: 'NO_ROWS', params: {} }], props.lang);

  const departments = new Set((await ctx.db.knex('departments').pluck('code')) as string[]);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const items: ItemVersion[] = [];
  for (const { record, line } of file.rows) {
    const { row: v, problems: own } = readCatalogueRow(record);
    for (const p of own) problems.push({ line, ...p });
    if (own.length) continue;
    const report = (field: string, code: string, params: Record<string, string | number> = {}) => problems.push({ line, field, code, params });
    const route = stepsWithinPromise(v.steps, v.promisedDays);
    if (seen.has(v.code)) report('code', 'DUPLICATE_CODE', { firstLine: seen.get(v.code)! });
    else seen.set(v.code, line);
    if (!departments.has(v.department)) report('department', 'UNKNOWN_DEPARTMENT', { department: v.department });
    for (const s of route) if (s.department && !departments.has(s.department)) report('route', 'UNKNOWN_DEPARTMENT', { department: s.department });
    for (const p of validateRoute(route)) report('route', ROUTE_CODES[p] ?? 'ROUTE_INVALID', ROUTE_CODES[p] ? {} : { detail: p });
    if (route.find((s) => s.kind === 'decide')?.level !== v.decideLevel) report('route', 'DECIDE_NOT_AT_LEVEL', { level: v.decideLevel });
    // Steps inside the promise, the promise inside the statute, the statute inside the law (workflows/timeLimits.ts).
    for (const p of checkItemTimeLimits({ statutoryDays: v.statutoryDays, promisedDays: v.promisedDays, route })) report(p.field, p.code, p.params);
    const lowest = [...v.acceptLevels].sort((a, b) => levelRank(b) - levelRank(a))[0]!;
    if (route[0]?.level !== lowest) report('route', 'ACCEPT_NOT_LOWEST', { level: lowest });
    for (const l of v.acceptLevels) if (levelRank(l) < levelRank(v.decideLevel)) report('accept_levels', 'ACCEPT_ABOVE_DECIDE', { level: l, decideLevel: v.decideLevel });
    // A case climbs: accept, then each review and the decision at the same level or higher.
    const decideAt = route.findIndex((s) => s.kind === 'decide');
    for (let i = 1; i <= decideAt; i++) {
      if (levelRank(route[i]!.level) > levelRank(route[i - 1]!.level)) report('route', 'STEP_GOES_DOWN', { step: i + 1, text: v.steps[i]! });
    }
    items.push({
      code: v.code, version: 1, name: v.name, type: v.type, department: v.department, decideLevel: v.decideLevel,
      acceptLevels: v.acceptLevels, statutoryDays: v.statutoryDays, promisedDays: v.promisedDays, materials: v.materials,
      feeYuan: v.feeYuan, online: v.online, visits: v.visits, intermediaries: v.intermediaries, result: v.result,
      linked: levelRank(lowest) >= levelRank('town') && levelRank(v.decideLevel) <= levelRank('county'),
      route,
      ...keywordsOfRow(record),
    });
    for (const p of keywordProblems(record)) report(p.field, p.code, p.params);
  }
  if (problems.length) throw refuse(problems, props.lang);
  const imported = await ctx.db.knex.transaction((trx) => insertItemVersions(trx, items, dbTime(ctx.now())));
  return { imported };
}
