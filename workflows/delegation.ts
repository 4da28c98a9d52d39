/**
 * Delegation to the pilot towns (赋权; SEED-SERVICES.md §6, issue 14): what a
 * deed is, which towns may receive one, and whether a deed is in force on a
 * date. Pure: the repository and the filing command ask these questions.
 */

export const DELEGATION_SCOPES = ['accept', 'review', 'decide'] as const;
export type DelegationScope = (typeof DELEGATION_SCOPES)[number];

export interface PilotTown {
  /** 12-digit area code of the town. */
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  /** The last day the town existed as a town (龙港镇 became 龙港市, a county-level city, in 2019). */
  until?: string;
}

/**
 * The six pilot towns of Wenzhou's 强镇扩权 reform. 龙港镇 (苍南县) is kept
 * under its last town code: its deeds are historical, and no deed may run
 * past the day the State Council approved 龙港市 (2019-08-16).
 */
export const PILOT_TOWNS: readonly PilotTown[] = [
  { code: '330327102000', name: '龙港镇', countyCode: '330327000000', countyName: '苍南县', until: '2019-08-15' },
  { code: '330326101000', name: '鳌江镇', countyCode: '330326000000', countyName: '平阳县' },
  { code: '330381101000', name: '塘下镇', countyCode: '330381000000', countyName: '瑞安市' },
  { code: '330382114000', name: '柳市镇', countyCode: '330382000000', countyName: '乐清市' },
  { code: '330328100000', name: '大峃镇', countyCode: '330328000000', countyName: '文成县' },
  { code: '330329100000', name: '罗阳镇', countyCode: '330329000000', countyName: '泰顺县' },
];

export function pilotTown(code: string): PilotTown | undefined {
  return PILOT_TOWNS.find((t) => t.code === code);
}

/** Where a deed stands on a date: not yet in force, in force, past its term, or revoked. */
export type DeedStanding = 'pending' | 'in_force' | 'expired' | 'revoked';
export const DEED_STANDINGS: readonly DeedStanding[] = ['pending', 'in_force', 'expired', 'revoked'];

export interface DeedTerm {
  validFrom: string;
  validTo: string;
  publishedOn: string;
  /** The day the revocation takes effect (the deed no longer covers cases filed from that day). */
  revokedOn: string | null;
}

/** ISO dates compare as strings. A deed covers a day from its start (once published) to its end, unless revoked by then. */
export function deedStanding(d: DeedTerm, today: string): DeedStanding {
  if (d.revokedOn !== null && d.revokedOn <= today) return 'revoked';
  if (today > d.validTo) return 'expired';
  if (today < d.validFrom || today < d.publishedOn) return 'pending';
  return 'in_force';
}

/** The problems of a new deed's term and town (empty when it may be issued). */
export function deedTermProblems(d: { townCode: string; validFrom: string; validTo: string; publishedOn: string }): string[] {
  const problems: string[] = [];
  const town = pilotTown(d.townCode);
  if (!town) problems.push('the town is not one of the six pilot towns');
  if (d.validTo < d.validFrom) problems.push('the term ends before it starts');
  if (d.publishedOn > d.validFrom) problems.push('a deed is published before its term starts');
  if (town?.until && d.validTo > town.until) problems.push(`${town.name} ceased to be a town after ${town.until}`);
  return problems;
}
