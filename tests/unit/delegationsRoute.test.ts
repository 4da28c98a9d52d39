import { buildRoute } from '../../db/seed/catalogue';
import { isCentreStep, worksStep } from '../../workflows/levels';
import { delegatedRoute, routeForCentre, validateRoute, type DeedForRoute } from '../../workflows/route';

const deed: DeedForRoute = { deedNo: '瑞市监赋〔2016〕1号', department: 'market', scope: ['accept', 'review', 'decide'] };
const show = (r: readonly { kind: string; level: string; deedNo?: string }[]) => r.map((s) => `${s.kind}@${s.level}${s.deedNo ? '*' : ''}`);

describe('delegatedRoute (workflows/route.ts)', () => {
  it('moves a county decision and its issue to the town desk, marked with the deed', () => {
    const r = delegatedRoute(routeForCentre(buildRoute('village', 'county', 'market'), 'town'), deed);
    expect(show(r)).toEqual(['accept@town', 'decide@town*', 'issue@town*', 'deliver@town']);
    expect(r[1]).toMatchObject({ department: 'market', deedNo: deed.deedNo });
  });

  it('keeps the town centre review of a case filed at a village beside the moved steps', () => {
    const r = delegatedRoute(routeForCentre(buildRoute('village', 'county', 'market'), 'village'), deed);
    expect(show(r)).toEqual(['accept@village', 'review@town', 'decide@town*', 'issue@town*', 'deliver@village']);
    expect(validateRoute(r)).toEqual([]);
  });

  it('moves only the county review when the scope holds review but not decide', () => {
    const r = delegatedRoute(buildRoute('town', 'city', 'market'), { ...deed, scope: ['review'] });
    expect(show(r)).toEqual(['accept@town', 'review@town*', 'decide@city', 'issue@city', 'deliver@town']);
  });

  it('leaves a route without the deed department’s county steps untouched', () => {
    const route = buildRoute('village', 'county', 'health');
    expect(delegatedRoute(route, deed)).toEqual(route);
  });

  it('moves nothing for a deed whose scope is acceptance alone', () => {
    const route = buildRoute('town', 'county', 'market');
    expect(delegatedRoute(route, { ...deed, scope: ['accept'] })).toEqual(route);
  });

  it('never moves city or province steps', () => {
    const r = delegatedRoute(buildRoute('town', 'province', 'market'), deed);
    expect(show(r)).toEqual(['accept@town', 'review@town*', 'review@city', 'decide@province', 'issue@province', 'deliver@town']);
  });
});

describe('who works a delegated step (workflows/levels.ts)', () => {
  const town = { kind: 'decide', level: 'town' as const, department: 'market' };
  const reviewer = { role: 'reviewer', level: 'town' as const, department: 'market' };
  const clerk = { role: 'clerk', level: 'town' as const, department: null };

  it('a town step without a deed stays the centre’s', () => {
    expect(isCentreStep(town)).toBe(true);
    expect(worksStep(clerk, town)).toBe(true);
    expect(worksStep(reviewer, town)).toBe(false);
  });

  it('a town step a deed moved is the town department desk’s', () => {
    const moved = { ...town, deedNo: deed.deedNo };
    expect(isCentreStep(moved)).toBe(false);
    expect(worksStep(reviewer, moved)).toBe(true);
    expect(worksStep(clerk, moved)).toBe(false);
  });

  it('another department’s town reviewer does not work it', () => {
    expect(worksStep({ ...reviewer, department: 'health' }, { ...town, deedNo: deed.deedNo })).toBe(false);
  });
});
