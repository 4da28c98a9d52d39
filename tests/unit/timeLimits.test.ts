import { checkItemTimeLimits, fitStepLimits, statutoryCeiling } from '../../workflows/timeLimits';
import type { Route } from '../../workflows/route';
import { buildCatalogue } from '../../db/seed/catalogue';
import { LINKED_ROUTE } from '../helpers/routes';

/** Two reviews: ceiling 20 + 20 + 20 + 10 = 70. Steps after acceptance: 4 + 4 + 8 + 2 + 2 = 20. */
const ROUTE: Route = LINKED_ROUTE.map((s) => ({ ...s, limitDays: { accept: 5, review: 4, decide: 8, issue: 2, deliver: 2 }[s.kind] }));
const coherent = { statutoryDays: 70, promisedDays: 20, route: ROUTE };

describe('checkItemTimeLimits', () => {
  test('a coherent item has no problems', () => expect(checkItemTimeLimits(coherent)).toEqual([]));
  test('steps after acceptance longer than the promise', () => {
    expect(checkItemTimeLimits({ ...coherent, promisedDays: 19 })).toEqual([{ field: 'route', code: 'STEPS_EXCEED_PROMISE', params: { stepDays: 20, promisedDays: 19 } }]);
  });
  test('the acceptance step does not count against the promise', () => {
    expect(checkItemTimeLimits({ ...coherent, route: ROUTE.map((s) => (s.kind === 'accept' ? { ...s, limitDays: 50 } : s)) })).toEqual([]);
  });
  test('a promise longer than the statute', () => {
    expect(checkItemTimeLimits({ ...coherent, promisedDays: 30, statutoryDays: 25 })).toEqual([{ field: 'promised_days', code: 'PROMISE_EXCEEDS_STATUTE', params: { promisedDays: 30, statutoryDays: 25 } }]);
  });
  test('a statute beyond the ceiling of Art. 42–44', () => {
    expect(checkItemTimeLimits({ ...coherent, statutoryDays: 71 })).toEqual([{ field: 'statutory_days', code: 'STATUTE_EXCEEDS_CEILING', params: { statutoryDays: 71, ceilingDays: 70 } }]);
  });
  test('the ceiling: 20 per lower review, 20 to decide, 10 to issue and deliver, extension not included', () => {
    expect([statutoryCeiling(ROUTE), statutoryCeiling(ROUTE.filter((s) => s.kind !== 'review'))]).toEqual([70, 30]);
  });
});

describe('fitStepLimits', () => {
  test('fits the steps after acceptance into the promise exactly', () => {
    const fitted = fitStepLimits(ROUTE, 12)!;
    expect(fitted.filter((s) => s.kind !== 'accept').reduce((n, s) => n + s.limitDays, 0)).toBe(12);
    expect(fitted.every((s) => s.limitDays >= 1)).toBe(true);
  });
  test('refuses a promise shorter than one day per step', () => expect(fitStepLimits(ROUTE, 4)).toBeNull());
});

describe('the seeded catalogue', () => {
  test('every one of the 1,003 items passes checkItemTimeLimits', () => {
    const items = buildCatalogue();
    const bad = items.map((i) => ({ code: i.code, problems: checkItemTimeLimits(i) })).filter((x) => x.problems.length);
    expect([items.length, bad]).toEqual([1003, []]);
  });
});
