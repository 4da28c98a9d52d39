import { formatProjectCode, isProjectCode, parseProjectCode, projectAreaCode } from '../../workflows/projectCode';
import { stageItems, STAGES } from '../../workflows/projectStages';
import { PROJECT_TYPES } from '../../workflows/projectCode';
import { buildCatalogue } from '../../db/seed/catalogue';

describe('the project code (YYYY-AAAAAA-II-TT-NNNNNN)', () => {
  it('takes the national shape of 24 characters', () => {
    expect(isProjectCode('2017-330302-47-03-012345')).toBe(true);
    expect(parseProjectCode('2026-330302-47-01-000001')).toEqual({ ok: true, parts: { year: 2026, areaCode: '330302', industry: '47', typeCode: '01', serial: 1 } });
  });
  it.each([
    ['2017-330302-47-03-01234', 'length'],
    ['2017/330302-47-03-012345', 'shape'],
    ['1999-330302-47-03-012345', 'year'],
    ['2017-330302-99-03-012345', 'industry'],
    ['2017-330302-47-09-012345', 'type'],
    ['2017-330302-47-03-000000', 'serial'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(parseProjectCode(code)).toEqual({ ok: false, problem });
  });
  it('formats what it parses, with the area of a jurisdiction code', () => {
    const code = formatProjectCode({ year: 2026, areaCode: projectAreaCode('330302006001'), industry: '70', typeCode: '02', serial: 42 });
    expect(code).toBe('2026-330302-70-02-000042');
    expect(code).toHaveLength(24);
  });
});

describe('the stages name catalogue items that exist and take a legal person', () => {
  const items = new Map(buildCatalogue().map((i) => [i.code, i]));
  it.each(PROJECT_TYPES)('every stage of a %s project', (type) => {
    for (const stage of STAGES) {
      for (const s of stageItems(type, stage)) {
        expect(items.get(s.code)?.name).toBe(s.name);
        expect(items.get(s.code)?.applicantTypes).toContain('organisation');
      }
    }
  });
});
