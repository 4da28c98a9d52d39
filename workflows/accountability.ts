/**
 * 问责: which responsibility matters (责任事项) of a power a supervisor looks at
 * when a case of an item implementing it went wrong. Pure: the caller reads
 * the case, its ratings and rectifications and the power's responsibility list.
 *
 * A trigger names the part of the power's exercise it concerns, as the
 * responsibility list names its matters ("受理责任：…", "审查责任：…"):
 * - a bad rating (差评, 1–2) at acceptance → 受理; a bad final rating → the
 *   act that ended the case: 不予受理 → 受理, 不予许可 → 决定, a grant →
 *   审查, 决定, 送达 (the whole exercise the applicant went through), a
 *   withdrawal → 受理, 审查;
 * - an overdue case (past its promised date, 承诺办结日期) → the step holding
 *   it (accept → 受理, review → 审查, decide/issue → 决定, deliver → 送达), or
 *   决定 once it has ended late;
 * - a rectification past its deadline → the answerable desk did not 整改 in
 *   time: a matter of the rating rules themselves (国办发〔2019〕51号), not of
 *   the power, so it names no matter of the list.
 */
export type TriggerKind = 'bad_rating' | 'overdue_case' | 'rectification_overdue';

export type Trigger =
  | { kind: 'bad_rating'; stage: 'accept' | 'final'; caseState: string }
  | { kind: 'overdue_case'; stepKind: string | null; ended: boolean }
  | { kind: 'rectification_overdue' };

const STEP_MATTER: Record<string, string[]> = { accept: ['受理'], review: ['审查'], decide: ['决定'], issue: ['决定'], deliver: ['送达'] };

/** The responsibility matters (their names without 责任) a trigger concerns, in the order they are exercised. */
export function mattersOf(t: Trigger): string[] {
  switch (t.kind) {
    case 'bad_rating':
      if (t.stage === 'accept') return ['受理'];
      if (t.caseState === 'refused') return ['受理'];
      if (t.caseState === 'denied') return ['决定'];
      if (t.caseState === 'withdrawn') return ['受理', '审查'];
      return ['审查', '决定', '送达'];
    case 'overdue_case':
      return t.ended || !t.stepKind ? ['决定'] : (STEP_MATTER[t.stepKind] ?? ['决定']);
    case 'rectification_overdue':
      return [];
  }
}

/** A matter's name: "受理责任：公示…" → "受理". */
export const matterName = (matter: string): string => matter.split('：')[0]!.replace(/责任$/, '');

/**
 * Marks each responsibility matter with the triggers that reach it. A trigger
 * whose matters the list does not name (a power type whose matters are
 * 审核/发放, say) is reported as unmatched: the supervisor then reads the
 * whole list rather than a guess.
 */
export function applyTriggers<D extends { matter: string }>(duties: readonly D[], triggers: readonly Trigger[]): { duties: (D & { reachedBy: TriggerKind[] })[]; unmatched: TriggerKind[] } {
  const reached = duties.map((d) => ({ ...d, reachedBy: [] as TriggerKind[] }));
  const unmatched: TriggerKind[] = [];
  for (const t of triggers) {
    const matters = mattersOf(t);
    let hit = false;
    for (const d of reached) {
      if (!matters.includes(matterName(d.matter))) continue;
      hit = true;
      if (!d.reachedBy.includes(t.kind)) d.reachedBy.push(t.kind);
    }
    if (!hit && matters.length > 0 && !unmatched.includes(t.kind)) unmatched.push(t.kind);
  }
  return { duties: reached, unmatched };
}
