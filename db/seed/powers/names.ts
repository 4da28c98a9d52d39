import type { PowerType } from '../../../workflows/powerTypes';

/**
 * Entry names in the style of Zhejiang's 2014 lists, built from a body's
 * subjects: `{s}` is a subject (治安管理, 道路运输 …). A body holds more
 * penalties than anything else, as the real lists do (SHARE).
 */
const TEMPLATES: Record<PowerType, string[]> = {
  行政许可: ['{s}许可', '{s}经营许可', '{s}资格认定', '{s}登记', '{s}变更审批', '{s}延续审批'],
  行政处罚: ['对违反{s}管理规定行为的处罚', '对未经许可从事{s}活动的处罚', '对{s}中弄虚作假行为的处罚', '对拒绝、阻碍{s}监督检查的处罚', '对{s}未按规定备案的处罚', '对{s}未按规定报告的处罚', '对{s}超范围经营的处罚', '对伪造、涂改{s}证件的处罚', '对{s}未履行安全责任的处罚', '对{s}中未建立台账的处罚', '对{s}违反技术规范的处罚', '对{s}拒不改正违法行为的处罚'],
  行政强制: ['查封、扣押与{s}有关的场所、物品', '{s}违法行为的代履行', '责令停止{s}违法行为并强制执行', '对{s}加处罚款'],
  行政征收: ['{s}相关费用的征收', '{s}保证金的收取'],
  行政给付: ['{s}补助的发放', '{s}专项资金的给付'],
  行政检查: ['对{s}的监督检查', '对{s}的专项检查', '对{s}的抽样检验', '对{s}的年度检查'],
  行政确认: ['{s}的确认', '{s}的备案', '{s}的认定'],
  行政奖励: ['对{s}工作中有突出贡献者的奖励', '对举报{s}违法行为的奖励'],
  行政裁决: ['{s}纠纷的裁决', '{s}权属争议的裁决'],
  其他行政权力: ['{s}的核准', '{s}的审核转报', '{s}的指定', '{s}的年审'],
};

/** Variants a real list splits one matter into (unit, individual, serious cases). */
const VARIANTS = ['', '（单位）', '（个人）', '（情节严重）', '（逾期不改）'];

/** Of every 100 entries of a body: how many of each type. */
export const SHARE: [PowerType, number][] = [
  ['行政处罚', 62],
  ['行政许可', 9],
  ['行政检查', 7],
  ['行政强制', 6],
  ['行政确认', 5],
  ['其他行政权力', 4],
  ['行政征收', 2],
  ['行政给付', 2],
  ['行政奖励', 2],
  ['行政裁决', 1],
];

/** The type of a body's n-th generated entry: cycling through SHARE so every body has the mix. */
export function typeAt(n: number): PowerType {
  let r = n % 100;
  for (const [t, k] of SHARE) {
    if (r < k) return t;
    r -= k;
  }
  return '行政处罚';
}

/** A generator of distinct names of one type for one body (its subjects × the templates × the variants). */
export function nameMaker(subjects: readonly string[]): (type: PowerType, avoid: Set<string>) => string {
  const next = new Map<PowerType, number>();
  return (type, avoid) => {
    const tpl = TEMPLATES[type];
    for (let i = next.get(type) ?? 0; ; i++) {
      const per = tpl.length * subjects.length;
      const variant = VARIANTS[Math.floor(i / per) % VARIANTS.length]!;
      const round = Math.floor(i / (per * VARIANTS.length));
      const base = tpl[i % tpl.length]!.replace('{s}', subjects[Math.floor(i / tpl.length) % subjects.length]!);
      const name = `${base}${variant}${round > 0 ? `（其${round + 1}）` : ''}`;
      if (!avoid.has(name)) {
        next.set(type, i + 1);
        avoid.add(name);
        return name;
      }
    }
  };
}
