import { LEVELS, levelRank, type Level } from '../../workflows/levels';
import type { ItemType, ItemVersion, Material, RouteStep } from '../../workflows/route';
import { fitStepLimits, statutoryCeiling } from '../../workflows/timeLimits';
import { applicantTypesFor } from './applicantTypes';
import { ITEM_KINDS, type DecideLevel, type ItemKind } from './catalogueKinds';
import { catalogueWordsFor } from './catalogueWords';

/**
 * The approval catalogue: 1,003 items, all handled online, 254 of them
 * approvable through five-level linked approval (DESIGN.md, "The numbers").
 * Built deterministically from the kind vocabulary: no randomness, the same
 * array (deep-equal) on every call.
 */
export const CATALOGUE_SIZE = 1003;
export const LINKED_COUNT = 254;

/** How many items of each kind decide at each level. */
export const TARGETS: Record<'linked' | 'plain', Record<DecideLevel, number>> = {
  linked: { county: 179, city: 60, province: 15 },
  plain: { county: 380, city: 270, province: 99 },
};

/** Working-day ceilings of the route steps (行政许可法); a seeded item's steps share its promise out (fitStepLimits). */
export const STEP_LIMIT_DAYS: Record<RouteStep['kind'], number> = {
  accept: 5,
  review: 20,
  decide: 20,
  issue: 10,
  deliver: 10,
};

const TYPE_ABBR: Record<ItemType, string> = {
  行政许可: 'XK',
  行政确认: 'QR',
  行政给付: 'JF',
  行政裁决: 'CJ',
  公共服务: 'GG',
  其他行政权力: 'QT',
};

/** Prefix of every item code: the Wenzhou catalogue, e.g. '330300-XK-0001'. */
export const CODE_PREFIX = '330300';

/**
 * accept at `accept` → review at every level strictly between → decide →
 * issue (at the deciding level) → deliver back at the accepting level.
 */
export function buildRoute(accept: Level, decide: Level, department: string): RouteStep[] {
  const steps: RouteStep[] = [{ kind: 'accept', level: accept, limitDays: STEP_LIMIT_DAYS.accept }];
  for (let r = levelRank(accept) - 1; r > levelRank(decide); r--) {
    steps.push({ kind: 'review', level: LEVELS[r]!, department, limitDays: STEP_LIMIT_DAYS.review });
  }
  steps.push({ kind: 'decide', level: decide, department, limitDays: STEP_LIMIT_DAYS.decide });
  steps.push({ kind: 'issue', level: decide, department, limitDays: STEP_LIMIT_DAYS.issue });
  steps.push({ kind: 'deliver', level: accept, limitDays: STEP_LIMIT_DAYS.deliver });
  return steps;
}

interface Combo {
  kindIndex: number;
  order: number;
  kind: ItemKind;
  sub: string;
  variant: string;
}

/** 32-bit FNV-1a: a stable per-name hash that drives every "varied" field. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function itemName(c: Combo): string {
  // A kind with a single variant needs no variant label.
  let variant = c.kind.variants.length > 1 ? c.variant : '';
  // '诊所备案（备案）' reads badly: the first-time variant of such kinds is '首次备案'.
  if (variant !== '' && c.kind.base.endsWith(variant)) variant = `首次${variant}`;
  const parts = [c.sub, variant].filter((p) => p !== '');
  return parts.length > 0 ? `${c.kind.base}（${parts.join('·')}）` : c.kind.base;
}

function combosOf(kind: ItemKind, kindIndex: number): Combo[] {
  const out: Combo[] = [];
  // Variant-major, so the first pick of every kind is a 新办-like variant.
  for (const variant of kind.variants) {
    for (const sub of kind.subs) out.push({ kindIndex, order: out.length, kind, sub, variant });
  }
  return out;
}

/** Takes item r of every list in turn (r = 0, 1, …) until n are taken. */
function roundRobin(lists: Combo[][], n: number, what: string): { taken: Combo[]; rest: Combo[][] } {
  const taken: Combo[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let r = 0; r < longest && taken.length < n; r++) {
    for (const list of lists) {
      if (taken.length === n) break;
      const c = list[r];
      if (c) taken.push(c);
    }
  }
  if (taken.length < n) throw new Error(`catalogue vocabulary too small for ${what}: ${taken.length} < ${n}`);
  const chosen = new Set(taken);
  return { taken, rest: lists.map((l) => l.filter((c) => !chosen.has(c))) };
}

const END = /注销|停发|停用|终止|退出|撤销|暂停/;
const REISSUE = /补领|补办|补发|补证/;
const CHANGE = /变更|调整|迁移/;
const RENEW = /延续|延期|校验|年审|复审|换|签注|复核|恢复|增项|定期注册/;
const DOC = /(证|照|书|卡|表|证明|簿|标牌)$/;

function materialsFor(c: Combo, h: number): Material[] {
  const k = c.kind;
  const must = (name: string): Material => ({ name, required: true, deferrable: false });
  const spec = (names: string[]): Material[] =>
    names.map((name, i) => ({ name, required: true, deferrable: ((h >>> (i * 2 + 7)) & 3) === 0 }));
  const original = DOC.test(k.result) ? `原${k.result}` : '原审批（确认）文书';
  const head = [must(`${k.base}申请表`), must('申请人身份证明')];
  let list: Material[];
  if (END.test(c.variant)) list = [...head, must(original)];
  else if (REISSUE.test(c.variant)) list = [...head, must('遗失（损毁）情况说明'), ...spec(k.materials.slice(0, 1))];
  else if (CHANGE.test(c.variant)) list = [...head, must('变更事项证明材料'), must(original), ...spec(k.materials.slice(0, 2))];
  else if (RENEW.test(c.variant)) list = [...head, must(original), ...spec(k.materials.slice(0, 3))];
  else {
    list = [...head, ...spec(k.materials.slice(0, 5))];
    if (h & 1) list.push({ name: '授权委托书及受托人身份证明', required: false, deferrable: false });
  }
  const seen = new Set<string>();
  return list.filter((m) => !seen.has(m.name) && seen.add(m.name));
}

function toItem(c: Combo, linked: boolean, code: string): ItemVersion {
  const k = c.kind;
  const name = itemName(c);
  const h = fnv1a(name);
  const acceptLevels: Level[] = linked ? [...k.accept] : [k.level];
  const lowest = acceptLevels.reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a));
  // Limits that nest (workflows/timeLimits.ts): a 行政许可 has the law's whole ceiling (20 per lower
  // review, 20 to decide, 10 to issue and deliver); the promise is shorter but gives every step
  // after acceptance at least a day; the steps' internal limits share the promise out.
  const full = buildRoute(lowest, k.level, k.dept);
  const ceiling = statutoryCeiling(full);
  const steps = full.length - 1;
  const statutoryDays = k.type === '行政许可' ? ceiling : Math.min(ceiling, Math.max(steps, [5, 10, 15, 20][h % 4]!));
  const promisedDays = Math.min(statutoryDays, Math.max(steps, [3, 5, 7, 10, 12, 15][(h >>> 3) % 6]!));
  const ending = END.test(c.variant);
  return {
    code,
    version: 1,
    name,
    type: k.type,
    department: k.dept,
    decideLevel: k.level,
    acceptLevels,
    statutoryDays,
    promisedDays,
    materials: materialsFor(c, h),
    feeYuan: ending ? 0 : k.feeYuan,
    online: true,
    visits: ((h >>> 5) & 3) === 0 ? 1 : 0,
    intermediaries: ending ? [] : [...k.intermediaries],
    result: k.result,
    linked,
    route: fitStepLimits(full, promisedDays)!,
    applicantTypes: applicantTypesFor(name),
    ...catalogueWordsFor({ name, type: k.type, department: k.dept, result: k.result }),
  };
}

/** The full catalogue, in vocabulary order (department by department). */
export function buildCatalogue(): ItemVersion[] {
  const picked = new Map<Combo, boolean>(); // combo → linked
  for (const level of ['county', 'city', 'province'] as const) {
    const linkedLists: Combo[][] = [];
    const plainLists: Combo[][] = [];
    ITEM_KINDS.forEach((kind, i) => {
      if (kind.level !== level) return;
      (kind.linked ? linkedLists : plainLists).push(combosOf(kind, i));
    });
    const linked = roundRobin(linkedLists, TARGETS.linked[level], `linked/${level}`);
    for (const c of linked.taken) picked.set(c, true);
    // Combinations of linked kinds left over are handled at the deciding level only.
    const plain = roundRobin([...plainLists, ...linked.rest], TARGETS.plain[level], `plain/${level}`);
    for (const c of plain.taken) picked.set(c, false);
  }
  const ordered = [...picked.entries()].sort(([a], [b]) => a.kindIndex - b.kindIndex || a.order - b.order);
  const seq = new Map<string, number>();
  return ordered.map(([c, linked]) => {
    const abbr = TYPE_ABBR[c.kind.type];
    const n = (seq.get(abbr) ?? 0) + 1;
    seq.set(abbr, n);
    return toItem(c, linked, `${CODE_PREFIX}-${abbr}-${String(n).padStart(4, '0')}`);
  });
}
