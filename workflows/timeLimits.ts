import { STATUTORY, type ItemVersion, type Route, type RouteStep } from './route';

export interface TimeLimitProblem {
  field: string;
  code: string;
  params: Record<string, number>;
}

type Checked = Pick<ItemVersion, 'statutoryDays' | 'promisedDays' | 'route'>;

/**
 * The statutory ceiling of an item's route (行政许可法 Art. 42–44): 20 working
 * days for each lower-level review, 20 to decide, 10 to issue and deliver.
 * The one extension of 10 (Art. 42) comes on top and is not part of it.
 */
export function statutoryCeiling(route: Route): number {
  const reviews = route.filter((s) => s.kind === 'review').length;
  return reviews * STATUTORY.lowerReviewDays + STATUTORY.decisionDays + STATUTORY.issueAndDeliverDays;
}

/** Working days of the steps after acceptance: the internal limits (环节时限) that must fit the promise. */
export function stepDaysAfterAcceptance(route: Route): number {
  return route.filter((s) => s.kind !== 'accept').reduce((sum, s) => sum + s.limitDays, 0);
}

/**
 * Whether an item's limits nest: the steps after acceptance inside the
 * promise, the promise inside the statute, the statute inside the law's
 * ceiling. Empty when coherent; each problem names the field to correct.
 */
export function checkItemTimeLimits(item: Checked): TimeLimitProblem[] {
  const problems: TimeLimitProblem[] = [];
  const stepDays = stepDaysAfterAcceptance(item.route);
  if (stepDays > item.promisedDays) {
    problems.push({ field: 'route', code: 'STEPS_EXCEED_PROMISE', params: { stepDays, promisedDays: item.promisedDays } });
  }
  if (item.promisedDays > item.statutoryDays) {
    problems.push({ field: 'promised_days', code: 'PROMISE_EXCEEDS_STATUTE', params: { promisedDays: item.promisedDays, statutoryDays: item.statutoryDays } });
  }
  const ceiling = statutoryCeiling(item.route);
  if (item.statutoryDays > ceiling) {
    problems.push({ field: 'statutory_days', code: 'STATUTE_EXCEEDS_CEILING', params: { statutoryDays: item.statutoryDays, ceilingDays: ceiling } });
  }
  return problems;
}

/**
 * Internal limits that fit a promise: issue and deliver get a tenth each,
 * every review a fifth, the decision the rest (each step at least 1 day).
 * Returns null when the promise is too short for one day per step.
 */
export function fitStepLimits(route: Route, promisedDays: number): RouteStep[] | null {
  const after = route.filter((s) => s.kind !== 'accept').length;
  if (promisedDays < after) return null;
  const share = (s: RouteStep) => Math.max(1, Math.floor(promisedDays * (s.kind === 'review' ? 0.2 : 0.1)));
  const fixed = route.map((s) => (s.kind === 'accept' || s.kind === 'decide' ? 0 : share(s)));
  let spare = promisedDays - fixed.reduce((a, b) => a + b, 0);
  // Too many reviews for their shares: take days back from the longest until the decision has 1.
  while (spare < 1) {
    const i = fixed.indexOf(Math.max(...fixed));
    fixed[i]! -= 1;
    spare += 1;
  }
  return route.map((s, i) => ({ ...s, limitDays: s.kind === 'accept' ? s.limitDays : s.kind === 'decide' ? spare : fixed[i]! }));
}

/** A problem in plain English, for logs and the importer's default text (clients translate by `code`). */
export function describeTimeLimitProblem(p: TimeLimitProblem): string {
  const q = p.params;
  if (p.code === 'STEPS_EXCEED_PROMISE') return `the steps after acceptance take ${q.stepDays} working days, more than promised_days ${q.promisedDays}`;
  if (p.code === 'PROMISE_EXCEEDS_STATUTE') return `promised_days ${q.promisedDays} must not exceed statutory_days ${q.statutoryDays}`;
  return `statutory_days ${q.statutoryDays} exceeds the legal ceiling of ${q.ceilingDays} working days for this route`;
}
