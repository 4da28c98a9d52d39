import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { dbTime } from '../../db/connection';
import { insertItemVersions } from '../../db/repositories/items';
import { LEVELS, levelRank, type Level } from '../../workflows/levels';
import { STATUTORY, validateRoute, type ItemVersion, type RouteStep, type StepKind } from '../../workflows/route';
import type { AppContext } from '../context';
import { AppError } from '../errors';

/** The CSV columns, in order; documented in docs/catalogue-csv.md. */
export const CSV_COLUMNS = [
  'code', 'name', 'type', 'department', 'decide_level', 'accept_levels', 'statutory_days', 'promised_days',
  'fee_yuan', 'online', 'visits', 'materials', 'intermediaries', 'result', 'route',
] as const;

const DEFAULT_LIMIT: Record<StepKind, number> = {
  accept: STATUTORY.materialsNoticeDays,
  review: STATUTORY.lowerReviewDays,
  decide: STATUTORY.decisionDays,
  issue: STATUTORY.issueAndDeliverDays,
  deliver: STATUTORY.issueAndDeliverDays,
};

const list = (sep: string) => z.string().transform((s) => s.split(sep).map((x) => x.trim()).filter(Boolean));
const level = z.enum(LEVELS);
const Row = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{3,32}$/, 'letters, digits and dashes, 3–32'),
  name: z.string().trim().min(1).max(128),
  type: z.enum(['行政许可', '行政确认', '行政给付', '行政裁决', '公共服务', '其他行政权力']),
  department: z.string().trim().min(1),
  decide_level: level,
  accept_levels: list('|').pipe(z.array(level).min(1).refine((ls) => new Set(ls).size === ls.length, 'a level is listed twice')),
  statutory_days: z.coerce.number().int().min(1).max(365),
  promised_days: z.coerce.number().int().min(1).max(365),
  fee_yuan: z.coerce.number().min(0).max(99_999_999.99), // items.fee_yuan is DECIMAL(10,2)
  online: z.enum(['true', 'false', '1', '0', '是', '否']).transform((v) => ['true', '1', '是'].includes(v)),
  visits: z.coerce.number().int().min(0).max(5),
  materials: list(';').transform((ms) => ms.map((m) => ({ name: m.replace(/[!~]+$/, ''), required: /!/.test(m.slice(-2)), deferrable: /~/.test(m.slice(-2)) }))),
  intermediaries: list(';'),
  result: z.string().trim().max(64),
  route: list(';').pipe(z.array(z.string().regex(/^(accept|review|decide|issue|deliver)@(province|city|county|town|village)(:[a-z_]+)?(\/\d+)?$/, 'steps like review@county:market/20')).min(4)),
});

function toStep(s: string): RouteStep {
  const m = /^(\w+)@(\w+)(?::([a-z_]+))?(?:\/(\d+))?$/.exec(s)!;
  const kind = m[1] as StepKind;
  return { kind, level: m[2] as Level, ...(m[3] ? { department: m[3] } : {}), limitDays: m[4] ? Number(m[4]) : DEFAULT_LIMIT[kind] };
}

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Imports catalogue items from CSV: every row is checked first, and either
 * all rows become new current versions or, on any problem, none do.
 */
export async function importItems(ctx: AppContext, props: { csv: string }): Promise<{ imported: number }> {
  const problems: ImportProblem[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(props.csv, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new AppError('IMPORT_FAILED', 422, `The CSV cannot be read: ${(err as Error).message}`, { problems: [{ line, field: '(file)', message: (err as Error).message }] });
  }
  const header = records.length ? Object.keys(records[0]!.record) : [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0 || missing.length) {
    throw new AppError('IMPORT_FAILED', 422, records.length ? `Missing columns: ${missing.join(', ')}` : 'The CSV has no rows', { problems: [{ line: 1, field: '(header)', message: missing.length ? `missing: ${missing.join(', ')}` : 'no rows' }] });
  }
  const departments = new Set((await ctx.db.knex('departments').pluck('code')) as string[]);
  const seen = new Map<string, number>();
  const items: ItemVersion[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const r = Row.safeParse(record);
    if (!r.success) {
      for (const i of r.error.issues) problems.push({ line, field: String(i.path[0] ?? '(row)'), message: i.message });
      continue;
    }
    const v = r.data;
    const route = v.route.map(toStep);
    const report = (field: string, message: string) => problems.push({ line, field, message });
    if (seen.has(v.code)) report('code', `duplicate of line ${seen.get(v.code)}`);
    seen.set(v.code, line);
    if (!departments.has(v.department)) report('department', `unknown department ${v.department}`);
    for (const s of route) if (s.department && !departments.has(s.department)) report('route', `unknown department ${s.department}`);
    for (const p of validateRoute(route)) report('route', p);
    if (route.find((s) => s.kind === 'decide')?.level !== v.decide_level) report('route', 'the decide step must be at decide_level');
    if (v.promised_days > v.statutory_days) report('promised_days', 'must not exceed statutory_days');
    const lowest = [...v.accept_levels].sort((a, b) => levelRank(b) - levelRank(a))[0]!;
    if (route[0]?.level !== lowest) report('route', `the accept step must be at the lowest accept level (${lowest})`);
    for (const l of v.accept_levels) if (levelRank(l) < levelRank(v.decide_level)) report('accept_levels', `${l} is above decide_level ${v.decide_level}`);
    // A case climbs: accept, then each review and the decision at the same level or higher.
    const decideAt = route.findIndex((s) => s.kind === 'decide');
    for (let i = 1; i <= decideAt; i++) {
      if (levelRank(route[i]!.level) > levelRank(route[i - 1]!.level)) report('route', `step ${i + 1} (${v.route[i]}) is below the step before it`);
    }
    items.push({
      code: v.code, version: 1, name: v.name, type: v.type, department: v.department, decideLevel: v.decide_level,
      acceptLevels: v.accept_levels, statutoryDays: v.statutory_days, promisedDays: v.promised_days, materials: v.materials,
      feeYuan: v.fee_yuan, online: v.online, visits: v.visits, intermediaries: v.intermediaries, result: v.result,
      linked: levelRank(lowest) >= levelRank('town') && levelRank(v.decide_level) <= levelRank('county'),
      route,
    });
  }
  if (problems.length) {
    throw new AppError('IMPORT_FAILED', 422, `Nothing imported: ${problems.length} problem(s), first on line ${problems[0]!.line}`, { problems });
  }
  const imported = await ctx.db.knex.transaction((trx) => insertItemVersions(trx, items, dbTime(ctx.now())));
  return { imported };
}
