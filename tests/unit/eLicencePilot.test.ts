import { buildCatalogue } from '../../db/seed/catalogue';
import { DEPARTMENT_CODES } from '../../db/seed/departments';
import { E_LICENCE_PILOT, E_LICENCE_PILOT_CODES, PILOT_DEPARTMENTS, PILOT_FACTS } from '../../db/seed/eLicencePilot';
import type { GeneratedCase } from '../../db/repositories/pilotYear';
import { emsWaybill, PilotApplicants } from '../../server/pilot/pilotApplicants';
import { nextPilotStep } from '../../server/pilot/pilotSteps';
import { isDelivered, pilotPlan } from '../../server/pilot/pilotYearReport';
import { seededRandom } from '../../server/pilot/simulatedClock';
import { isValidIdNumber, isValidUscc } from '../../workflows/identity';
import { isValidWaybill } from '../../workflows/postalWaybill';

/*
 * The online licence pilot (证照网上办理一条龙): the report's 4 departments
 * and 22 items, as real items of the seeded catalogue whose route issues a
 * licence; and the pure parts of the pilot-year generator.
 */
const catalogue = new Map(buildCatalogue().map((i) => [i.code, i]));

describe('the e-licence pilot list', () => {
  it('has the report’s 22 items of 4 departments, the 市运管局’s (transport) among them', () => {
    expect(PILOT_FACTS).toEqual({ departments: 4, items: 22, delivered: 6043 });
    expect(E_LICENCE_PILOT).toHaveLength(PILOT_FACTS.items);
    expect(new Set(E_LICENCE_PILOT_CODES).size).toBe(PILOT_FACTS.items);
    expect(PILOT_DEPARTMENTS).toHaveLength(PILOT_FACTS.departments);
    expect(PILOT_DEPARTMENTS).toContain('transport');
    for (const d of PILOT_DEPARTMENTS) expect(DEPARTMENT_CODES).toContain(d);
  });

  it.each(E_LICENCE_PILOT.map((p) => [p.code, p]))('%s is a seeded item of its department whose route issues a licence', (_code, p) => {
    const item = catalogue.get(p.code);
    expect(item).toBeDefined();
    expect({ name: item!.name, department: item!.department }).toEqual({ name: p.name, department: p.department });
    expect(item!.route.filter((s) => s.kind === 'issue')).toHaveLength(1);
    expect(item!.route.at(-1)!.kind).toBe('deliver');
    // A licence or certificate comes out of it (a cancellation issues none).
    expect(item!.result).toMatch(/(证|证书)$/);
    expect(item!.name).not.toMatch(/注销/);
    expect(item!.decideLevel).toBe('city');
  });
});

describe('the pilot-year generator’s parts', () => {
  it('makes EMS waybills whose S10 check digit holds', () => {
    expect(emsWaybill(12345678)).toBe('EA123456785CN');
    for (const n of [0, 1, 150, 99_999_999, 123_456_789]) expect(isValidWaybill(emsWaybill(n))).toBe(true);
  });

  it('files as valid persons and legal persons, with a postal address when posting', () => {
    const applicants = new PilotApplicants(seededRandom(2016));
    const home = { code: '330302006001', level: 'village' as const, acceptsLinked: true, places: ['温州市', '鹿城区', '五马街道', '安澜社区'] };
    const both = { ...catalogue.get('330300-XK-0013')!, id: 1, applicantTypes: ['person', 'organisation'] } as never;
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const f = applicants.filing(both, home);
      seen.add(f.applicant.type!).add(f.delivery.mode);
      if (f.applicant.type === 'person') expect(isValidIdNumber(f.applicant.idNumber!)).toBe(true);
      else expect(isValidUscc(f.applicant.uscc!)).toBe(true);
      if (f.delivery.mode === 'post') expect(f.delivery.address).toMatch(/^浙江省温州市鹿城区五马街道安澜社区.+\d+号$/);
    }
    expect([...seen].sort()).toEqual(['electronic', 'organisation', 'person', 'post']);
  });

  it('takes a case straight through, a posted licence with a valid waybill', () => {
    const at = (state: string, mode = 'post') => nextPilotStep({ id: 42, state, delivery: { mode, address: '某地', trackingNo: null } } as never);
    expect(['acceptanceReview', 'review', 'decision', 'approved'].map((s) => at(s)!.action.type)).toEqual(['ACCEPT', 'FORWARD', 'APPROVE', 'ISSUE']);
    const post = at('issued')!.action as { type: string; mode: string; trackingNo: string };
    expect(post).toMatchObject({ type: 'DELIVER', mode: 'post' });
    expect(isValidWaybill(post.trackingNo)).toBe(true);
    expect(at('issued', 'electronic')!.action).toEqual({ type: 'DELIVER', mode: 'electronic' });
    expect(at('delivered')).toEqual({ by: 'applicant', action: { type: 'COMPLETE' } });
    expect(at('delivered', 'electronic')).toBeNull();
    expect(at('completed')).toBeNull();
  });

  it('adds only what is missing, finishes what a run left, and refuses a year already over the count', () => {
    const c = (state: string, mode = 'post', licences = 1): GeneratedCase => ({ id: 1, caseNo: state, state, itemCode: 'x', department: 'transport', deliveryMode: mode, closed: state === 'completed', licences });
    const held = [c('completed'), c('completed', 'electronic'), c('delivered'), c('delivered', 'electronic'), c('review', 'post', 0)];
    expect(held.filter(isDelivered)).toHaveLength(4);
    expect(pilotPlan(held, 4)).toEqual({ delivered: 4, resume: [], toFile: 0 });
    const plan = pilotPlan(held, 10);
    expect(plan.resume.map((r) => r.state)).toEqual(['delivered', 'review']);
    expect(plan.toFile).toBe(5);
    expect(() => pilotPlan([...held, c('review', 'post', 0)], 5)).toThrow(expect.objectContaining({ code: 'PILOT_YEAR_OVER_COUNT' }));
  });
});
