import { levelRank, type Level } from './levels';
import type { ApplicantType } from './parties';

/**
 * What a step of a route does. A route is ordered: one `accept`, zero or
 * more `review` steps climbing the levels, one `decide`, one `issue`, one
 * `deliver` (usually back at the accepting level).
 */
export type StepKind = 'accept' | 'review' | 'decide' | 'issue' | 'deliver';

export interface RouteStep {
  kind: StepKind;
  level: Level;
  /** Department code that handles the step; centre steps have none. */
  department?: string;
  /** Statutory working days for this step (review 20, decide 20, issue+deliver 10). */
  limitDays: number;
  /** Set on a step a delegation deed moved to a town: worked by the town's desk of the department, not its centre. */
  deedNo?: string;
}

export type Route = readonly RouteStep[];

export type ItemType =
  | '行政许可'
  | '行政确认'
  | '行政给付'
  | '行政裁决'
  | '公共服务'
  | '其他行政权力';

export interface Material {
  name: string;
  required: boolean;
  /** May be handed in after acceptance (容缺受理). */
  deferrable: boolean;
}

/** One version of a catalogue item, as a running case sees it. */
export interface ItemVersion {
  code: string;
  version: number;
  name: string;
  type: ItemType;
  department: string;
  decideLevel: Level;
  acceptLevels: Level[];
  statutoryDays: number;
  promisedDays: number;
  materials: Material[];
  feeYuan: number;
  online: boolean;
  visits: number;
  intermediaries: string[];
  result: string;
  linked: boolean;
  route: Route;
  /** Who may apply (自然人, 法人/其他组织); both when a catalogue source does not say. */
  applicantTypes?: ApplicantType[];
  /** Everyday words and synonyms the catalogue search matches (开饭店 → 食品经营许可); kept from the last version when a source omits them. */
  keywords?: string[];
  /** 受理条件 and 法律依据, as the guide shows them; kept from the last version when omitted. */
  conditions?: string[];
  legalBasis?: string[];
}

export const STATUTORY = {
  /** Working days to tell the applicant, once, everything that is missing. */
  materialsNoticeDays: 5,
  decisionDays: 20,
  extensionDays: 10,
  lowerReviewDays: 20,
  issueAndDeliverDays: 10,
} as const;

/**
 * Checks the shape rules every route must follow; returns the problems found
 * (empty when valid) so an importer can report them by line.
 */
export function validateRoute(route: Route): string[] {
  const problems: string[] = [];
  const kinds = route.map((s) => s.kind);
  const expect = (cond: boolean, msg: string) => {
    if (!cond) problems.push(msg);
  };
  expect(kinds[0] === 'accept', 'route must start with an accept step');
  expect(kinds.filter((k) => k === 'accept').length === 1, 'route needs exactly one accept step');
  expect(kinds.filter((k) => k === 'decide').length === 1, 'route needs exactly one decide step');
  expect(kinds.filter((k) => k === 'issue').length === 1, 'route needs exactly one issue step');
  expect(kinds[kinds.length - 1] === 'deliver', 'route must end with a deliver step');
  const d = kinds.indexOf('decide');
  expect(kinds.slice(1, d).every((k) => k === 'review'), 'only review steps may stand between accept and decide');
  expect(kinds[d + 1] === 'issue', 'the issue step must follow the decide step');
  return problems;
}

/**
 * The route a case actually takes when filed at a centre of `centreLevel`:
 * accept and deliver move to that centre, and review steps at or below it
 * fall away (a town centre does not send the file down to a village).
 */
export function routeForCentre(route: Route, centreLevel: Level): Route {
  const rank = levelRank(centreLevel);
  return route
    .filter((s) => s.kind !== 'review' || levelRank(s.level) < rank)
    .map((s) => (s.kind === 'accept' || s.kind === 'deliver' ? { ...s, level: centreLevel } : s));
}

/** What of a delegation deed (赋权委托书) the route needs: which steps of which county department move to the town. */
export interface DeedForRoute {
  deedNo: string;
  department: string;
  /** Subset of accept, review, decide; accept is a filing rule (the town centre may take the item), not a step move. */
  scope: readonly ('accept' | 'review' | 'decide')[];
}

/**
 * The route of a case filed in a town a county department delegated powers
 * to: the department's county steps inside the deed's scope move to the
 * town's desk of the same department, marked with the deed (the town acts in
 * the delegating body's name, 行政许可法 Art.24). The issue step follows the
 * decide step (the decider issues). Every other step stays where it was.
 */
export function delegatedRoute(route: Route, deed: DeedForRoute): Route {
  const moves = (s: RouteStep): boolean => {
    if (s.level !== 'county' || s.department !== deed.department) return false;
    if (s.kind === 'review') return deed.scope.includes('review');
    if (s.kind === 'decide' || s.kind === 'issue') return deed.scope.includes('decide');
    return false;
  };
  return route.map((s) => (moves(s) ? { ...s, level: 'town' as Level, deedNo: deed.deedNo } : s));
}
