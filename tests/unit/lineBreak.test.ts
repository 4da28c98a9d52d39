import fc from 'fast-check';
import { breakLines } from '../../server/documents/pdf/lineBreak';

/** Every character one unit wide: a line of width n holds n characters. */
const oneEach = (s: string) => Array.from(s).length;

describe('breakLines (Chinese, by measured width)', () => {
  it('breaks between any two hanzi', () => {
    expect(breakLines('一二三四五六七八九十', 4, oneEach)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation: the character before comes down with it', () => {
    expect(breakLines('一二三四，五六', 4, oneEach)).toEqual(['一二三', '四，五六']);
    expect(breakLines('一二三四。」五', 4, oneEach)).toEqual(['一二三', '四。」五']);
    for (const p of [...'，。；：、）」']) {
      for (const line of breakLines(`甲乙丙丁${p}戊己庚辛${p}壬癸`, 4, oneEach).slice(1)) expect(line[0]).not.toBe(p);
    }
  });

  it('never ends a line with opening punctuation', () => {
    expect(breakLines('一二三（四五）', 4, oneEach)).toEqual(['一二三', '（四五）']);
    expect(breakLines('一二三「四五」', 4, oneEach)).toEqual(['一二三', '「四五」']);
  });

  it('keeps a Latin or digit run whole when it fits, and splits one longer than a line', () => {
    expect(breakLines('运单号EA123456785CN。', 14, oneEach)).toEqual(['运单号', 'EA123456785CN。']);
    expect(breakLines('标识1.2.156.3005.2.111', 8, oneEach)).toEqual(['标识1.2.15', '6.3005.', '2.111']); // not even a code's line starts with a full stop
    expect(breakLines('see the notice', 9, oneEach)).toEqual(['see the', 'notice']);
  });

  it('breaks at a newline, and gives one empty line for empty text', () => {
    expect(breakLines('一二\n三', 10, oneEach)).toEqual(['一二', '三']);
    expect(breakLines('', 10, oneEach)).toEqual(['']);
  });

  it('loses no character, keeps every line within the width, and obeys the rules, on any Chinese text', () => {
    // Hanzi, each followed by at most two closing marks or preceded by an opening one, as Chinese is written.
    const token = fc.oneof(
      fc.tuple(fc.constantFrom(...'甲乙丙丁戊己庚辛壬癸'), fc.array(fc.constantFrom(...'，。；：、）」'), { maxLength: 2 })).map(([h, p]) => h + p.join('')),
      fc.tuple(fc.constantFrom(...'（「'), fc.constantFrom(...'甲乙丙')).map(([o, h]) => o + h),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.integer({ min: 4, max: 12 }), (tokens, width) => {
        const text = tokens.join('');
        const lines = breakLines(text, width, oneEach);
        expect(lines.join('')).toBe(text);
        for (const line of lines) expect(oneEach(line)).toBeLessThanOrEqual(width);
        for (const line of lines.slice(1)) expect('，。；：、）」').not.toContain(line[0]);
        for (const line of lines.slice(0, -1)) expect('（「').not.toContain(line[line.length - 1]);
      }),
    );
  });
});
