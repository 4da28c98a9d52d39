import { chineseDate } from '../../workflows/chineseDate';

describe('chineseDate', () => {
  it('writes the year digit by digit with 〇 and the month and day as read aloud', () => {
    expect(chineseDate('2026-12-03')).toBe('二〇二六年十二月三日');
    expect(chineseDate('2020-10-20')).toBe('二〇二〇年十月二十日');
    expect(chineseDate('2031-01-31')).toBe('二〇三一年一月三十一日');
    expect(chineseDate('2009-11-19')).toBe('二〇〇九年十一月十九日');
    expect(chineseDate('2024-02-29')).toBe('二〇二四年二月二十九日');
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const s of ['2026-02-30', '2026-13-01', '2026-1-3', '二〇二六年', '']) expect(() => chineseDate(s)).toThrow(RangeError);
  });
});
