import { LEVELS, type Level } from '../../workflows/levels';
import type { ItemType } from '../../workflows/route';
import type { ImportProblem } from '../../workflows/importProblems';

/** The columns every import file has (others are ignored), documented in docs/catalogue-csv.md. */
export const CSV_COLUMNS = [
  'code', 'name', 'type', 'department', 'decide_level', 'accept_levels', 'statutory_days', 'promised_days',
  'fee_yuan', 'online', 'visits', 'materials', 'intermediaries', 'result', 'route',
] as const;

export const ITEM_TYPES: readonly ItemType[] = ['行政许可', '行政确认', '行政给付', '行政裁决', '公共服务', '其他行政权力'];
const STEP = /^(accept|review|decide|issue|deliver)@(province|city|county|town|village)(:[a-z_]+)?(\/\d+)?$/;

/** One row's values, typed; what the importer checks across fields and rows. */
export interface CatalogueRow {
  code: string;
  name: string;
  type: ItemType;
  department: string;
  decideLevel: Level;
  acceptLevels: Level[];
  statutoryDays: number;
  promisedDays: number;
  feeYuan: number;
  online: boolean;
  visits: number;
  materials: { name: string; required: boolean; deferrable: boolean }[];
  intermediaries: string[];
  result: string;
  /** The step texts as written, e.g. 'review@county:market/20'. */
  steps: string[];
}

type Problem = Omit<ImportProblem, 'line'>;
const split = (s: string, sep: string) => s.split(sep).map((x) => x.trim()).filter(Boolean);
const isLevel = (s: string): s is Level => (LEVELS as readonly string[]).includes(s);

function integer(field: string, raw: string, min: number, max: number, out: Problem[]): number {
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < min || n > max) out.push({ field, code: raw === '' ? 'REQUIRED' : 'BAD_INTEGER', params: raw === '' ? {} : { min, max } });
  return n;
}

/**
 * Reads one row column by column; each column that is wrong gives exactly one
 * problem (the first thing wrong with it), so a fix is asked for once.
 */
export function readCatalogueRow(record: Record<string, string>): { row: CatalogueRow; problems: Problem[] } {
  const out: Problem[] = [];
  const v = (c: (typeof CSV_COLUMNS)[number]) => (record[c] ?? '').trim();
  const required = (field: string) => {
    if (v(field as (typeof CSV_COLUMNS)[number]) !== '') return true;
    out.push({ field, code: 'REQUIRED', params: {} });
    return false;
  };

  if (required('code') && !/^[A-Za-z0-9-]{3,32}$/.test(v('code'))) out.push({ field: 'code', code: 'BAD_CODE', params: {} });
  if (required('name') && v('name').length > 128) out.push({ field: 'name', code: 'TOO_LONG', params: { max: 128 } });
  if (required('type') && !(ITEM_TYPES as readonly string[]).includes(v('type'))) out.push({ field: 'type', code: 'BAD_TYPE', params: { allowed: ITEM_TYPES.join('、') } });
  required('department');
  if (required('decide_level') && !isLevel(v('decide_level'))) out.push({ field: 'decide_level', code: 'BAD_LEVEL', params: { value: v('decide_level') } });

  const acceptLevels = split(v('accept_levels'), '|');
  if (required('accept_levels')) {
    const bad = acceptLevels.find((l) => !isLevel(l));
    const twice = acceptLevels.find((l, i) => acceptLevels.indexOf(l) !== i);
    if (bad !== undefined) out.push({ field: 'accept_levels', code: 'BAD_LEVEL', params: { value: bad } });
    else if (twice !== undefined) out.push({ field: 'accept_levels', code: 'LEVEL_TWICE', params: { level: twice } });
  }

  const statutoryDays = integer('statutory_days', v('statutory_days'), 1, 365, out);
  const promisedDays = integer('promised_days', v('promised_days'), 1, 365, out);
  const fee = Number(v('fee_yuan'));
  // items.fee_yuan is DECIMAL(10,2).
  if (v('fee_yuan') === '' || !Number.isFinite(fee) || fee < 0 || fee > 99_999_999.99) {
    out.push({ field: 'fee_yuan', code: v('fee_yuan') === '' ? 'REQUIRED' : 'BAD_NUMBER', params: v('fee_yuan') === '' ? {} : { min: 0, max: 99_999_999.99 } });
  }
  const online = v('online').toLowerCase();
  if (required('online') && !['true', 'false', '1', '0', '是', '否'].includes(online)) out.push({ field: 'online', code: 'BAD_BOOLEAN', params: {} });
  const visits = integer('visits', v('visits'), 0, 5, out);
  if (v('result').length > 64) out.push({ field: 'result', code: 'TOO_LONG', params: { max: 64 } });

  const steps = split(v('route'), ';');
  if (required('route')) {
    const bad = steps.find((s) => !STEP.test(s));
    if (bad !== undefined) out.push({ field: 'route', code: 'BAD_STEP', params: { step: bad } });
    else if (steps.length < 4) out.push({ field: 'route', code: 'TOO_FEW_STEPS', params: { min: 4 } });
  }

  const row: CatalogueRow = {
    code: v('code'), name: v('name'), type: v('type') as ItemType, department: v('department'),
    decideLevel: v('decide_level') as Level, acceptLevels: acceptLevels as Level[], statutoryDays, promisedDays, feeYuan: fee,
    online: ['true', '1', '是'].includes(online), visits,
    materials: split(v('materials'), ';').map((m) => ({ name: m.replace(/[!~]+$/, ''), required: /!/.test(m.slice(-2)), deferrable: /~/.test(m.slice(-2)) })),
    intermediaries: split(v('intermediaries'), ';'),
    result: v('result'),
    steps,
  };
  return { row, problems: out };
}
