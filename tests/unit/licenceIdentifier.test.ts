import fc from 'fast-check';
import { USCC_CHARSET, usccCheckChar } from '../../workflows/identity';
import { buildLicenceId, isValidLicenceId, LICENCE_ID_PREFIX, mod3736CheckChar, parseLicenceId } from '../../workflows/licenceIdentifier';

/** The published example (GB/T 36904 identifier of a real licence). */
const EXAMPLE = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const usccArb = fc
  .array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 })
  .map((cs) => cs.join(''))
  .map((first17) => first17 + usccCheckChar(first17));
const partsArb = fc.record({
  typeCode: fc.tuple(usccArb, fc.integer({ min: 0, max: 999 })).map(([u, n]) => u + String(n).padStart(3, '0')),
  issuerUscc: usccArb,
  serial: fc.array(fc.constantFrom(...ALNUM), { minLength: 1, maxLength: 32 }).map((cs) => cs.join('')),
  version: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0')),
});

describe('电子证照标识 (GB/T 36904)', () => {
  it('validates the published example and reads its parts', () => {
    expect(isValidLicenceId(EXAMPLE)).toBe(true);
    expect(parseLicenceId(EXAMPLE)).toEqual({
      typeCode: '11100000000013338W032',
      issuerUscc: '11220000013544541J',
      serial: '2430599',
      version: '001',
      check: 'F',
      issuerUsccValid: true,
      definerUsccValid: true,
    });
  });

  it('computes F over the four fields after the prefix, dots removed (and not over the other candidates)', () => {
    expect(mod3736CheckChar('11100000000013338W03211220000013544541J2430599001')).toBe('F');
    expect(mod3736CheckChar(EXAMPLE.slice(0, -2).replace(/\./g, ''))).not.toBe('F');
  });

  it('matches the ISO 7064 MOD 37,36 worked example', () => {
    expect(mod3736CheckChar('A12425GABC1234002')).toBe('M');
  });

  it('refuses every single-character change of the example', () => {
    let tried = 0;
    for (let i = 0; i < EXAMPLE.length; i++) {
      for (const c of `${ALNUM}.`) {
        if (c === EXAMPLE[i]) continue;
        const changed = EXAMPLE.slice(0, i) + c + EXAMPLE.slice(i + 1);
        tried++;
        if (isValidLicenceId(changed)) throw new Error(`accepted ${changed}`);
      }
    }
    expect(tried).toBe(EXAMPLE.length * 36);
  });

  it('refuses lower case, missing or extra fields and a wrong prefix', () => {
    for (const s of [
      EXAMPLE.toLowerCase(),
      EXAMPLE.slice(0, -2),
      `${EXAMPLE}.F`,
      EXAMPLE.replace('1.2.156.3005.2.', '1.2.156.3005.1.'),
      EXAMPLE.replace('.001.', '.01.'),
      EXAMPLE.replace('.2430599.', '..'),
      '',
    ]) {
      expect(isValidLicenceId(s)).toBe(false);
    }
  });

  it('builds what it parses back', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const id = buildLicenceId(parts);
        expect(id.startsWith(`${LICENCE_ID_PREFIX}.`)).toBe(true);
        expect(parseLicenceId(id)).toMatchObject({ ...parts, issuerUsccValid: true, definerUsccValid: true });
      }),
    );
    expect(buildLicenceId({ typeCode: '11100000000013338W032', issuerUscc: '11220000013544541J', serial: '2430599', version: '001' })).toBe(EXAMPLE);
  });

  it('refuses to build with a malformed part or an issuer code that does not check', () => {
    const ok = { typeCode: '11100000000013338W032', issuerUscc: '11220000013544541J', serial: '2430599', version: '001' };
    expect(() => buildLicenceId({ ...ok, issuerUscc: '11220000013544541K' })).toThrow(/issuer code/);
    expect(() => buildLicenceId({ ...ok, typeCode: '11100000000013338X032' })).toThrow(/type code/);
    expect(() => buildLicenceId({ ...ok, typeCode: '11100000000013338W32' })).toThrow(/type code/);
    expect(() => buildLicenceId({ ...ok, serial: '' })).toThrow(/serial/);
    expect(() => buildLicenceId({ ...ok, serial: 'ab1' })).toThrow(/serial/);
    expect(() => buildLicenceId({ ...ok, version: '1' })).toThrow(/version/);
  });

  it('reads an identifier whose issuer code fails its own USCC check, and says so', () => {
    // A body's code keyed wrongly at issue: the identifier's own check character still vouches for it.
    const data = '11100000000013338W032' + '11220000013544541K' + '2430599' + '001';
    const id = `${LICENCE_ID_PREFIX}.11100000000013338W032.11220000013544541K.2430599.001.${mod3736CheckChar(data)}`;
    expect(parseLicenceId(id)).toMatchObject({ issuerUsccValid: false, definerUsccValid: true });
  });
});

describe('ISO 7064 MOD 37,36', () => {
  const stringArb = fc.array(fc.constantFrom(...ALNUM), { minLength: 1, maxLength: 60 }).map((cs) => cs.join(''));

  it('detects every single substitution', () => {
    fc.assert(
      fc.property(stringArb, fc.nat(), fc.constantFrom(...ALNUM), (s, at, c) => {
        const i = at % s.length;
        fc.pre(s[i] !== c);
        const changed = s.slice(0, i) + c + s.slice(i + 1);
        expect(mod3736CheckChar(changed)).not.toBe(mod3736CheckChar(s));
      }),
    );
  });

  it('detects nearly every transposition of two adjacent characters (a hybrid system does not promise all)', () => {
    // E.g. IJ0 and JI0 share the check character Z: ISO 7064's hybrid systems catch all single
    // substitutions but only "nearly all" transpositions. Measured here over every pair at several places.
    let missed = 0;
    let tried = 0;
    for (const prefix of ['', '5', 'AB1', '11100000000013338W']) {
      for (const x of ALNUM) {
        for (const y of ALNUM) {
          if (x === y) continue;
          tried++;
          if (mod3736CheckChar(`${prefix}${x}${y}7Q`) === mod3736CheckChar(`${prefix}${y}${x}7Q`)) missed++;
        }
      }
    }
    expect(mod3736CheckChar('IJ0')).toBe(mod3736CheckChar('JI0'));
    expect(missed / tried).toBeLessThan(0.005);
  });

  it('refuses characters outside 0-9A-Z', () => {
    expect(mod3736CheckChar('12a')).toBeNull();
    expect(mod3736CheckChar('1.2')).toBeNull();
  });
});
