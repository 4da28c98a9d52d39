import fc from 'fast-check';
import { isValidWaybill, normaliseWaybill, s10CheckDigit } from '../../workflows/postalWaybill';

describe('EMS / UPU S10 tracking numbers', () => {
  it('computes the S10 check digit, including the 10 → 0 and 11 → 5 cases', () => {
    // UPU S10's own example: 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200, 200 mod 11 = 2, 11 − 2 = 9.
    expect(s10CheckDigit('47312482')).toBe(9);
    expect(s10CheckDigit('12345678')).toBe(5); // 204 mod 11 = 6 → 5
    expect(s10CheckDigit('93215108')).toBe(5); // 176 mod 11 = 0 → 11 → 5
    expect(s10CheckDigit('25031987')).toBe(0); // 221 mod 11 = 1 → 10 → 0
  });

  it('accepts S10 numbers whose check digit checks', () => {
    for (const n of ['AA473124829GB', 'EA123456785CN', 'EA932151085CN', 'EA250319870CN', 'EA106045127CN', 'RR473124829US', 'CP123456785CN']) {
      expect(isValidWaybill(n)).toBe(true);
    }
  });

  it('refuses S10 numbers with a wrong check digit, a swapped pair or a bad shape', () => {
    for (const n of [
      'EA123456784CN', // check digit off by one
      'EA213456785CN', // first two digits swapped
      'EA932151080CN', // 0 where 11 → 5
      'EA250319875CN', // 5 where 10 → 0
      'ea123456785cn', // lower case: normalise first
      'EA12345678CN', // 8 digits
      'EA1234567855CN',
      'E1123456785CN',
      'EA123456785C',
      'EA 123456785 CN',
      '',
    ]) {
      expect(isValidWaybill(n)).toBe(false);
    }
  });

  it('accepts 13-digit domestic EMS numbers and nothing longer or shorter', () => {
    expect(isValidWaybill('1012345678901')).toBe(true);
    expect(isValidWaybill('9876543210123')).toBe(true);
    expect(isValidWaybill('101234567890')).toBe(false);
    expect(isValidWaybill('10123456789012')).toBe(false);
    expect(isValidWaybill('101234567890A')).toBe(false);
  });

  it('accepts exactly one check digit for any serial', () => {
    // Not every mistyped serial digit is caught: remainders 0 and 6 both give 5 (11 → 5), so S10 misses a few.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (serial) => {
        const accepted = [...'0123456789'].filter((d) => isValidWaybill(`EA${serial}${d}CN`));
        expect(accepted).toEqual([String(s10CheckDigit(serial))]);
      }),
    );
  });

  it('normalises what a clerk types', () => {
    expect(normaliseWaybill(' ea 1234-5678-5 cn ')).toBe('EA123456785CN');
    expect(isValidWaybill(normaliseWaybill('ea 123 456 785 cn'))).toBe(true);
  });
});
