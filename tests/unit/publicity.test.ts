import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FIELDS, csvCell } from '../../server/publicity/creditExport';
import { WorkCalendar } from '../../workflows/calendar';
import { CALENDAR_YEARS, chineseCalendarDays } from '../../workflows/holidayData';
import { areaPrefix, isPublished, licenceCategory, publicityDueOn } from '../../workflows/publicity';

const cal = new WorkCalendar(chineseCalendarDays(), CALENDAR_YEARS);

describe('the due date of a register entry: the decision + 7 working days', () => {
  it('counts an ordinary week, the decision day itself not counted', () => {
    // Wed 6 Mar 2024: Thu, Fri, Mon–Fri.
    expect(publicityDueOn(cal, '2024-03-06')).toBe('2024-03-15');
  });

  it('skips National Day 2024 and counts its make-up Sunday and Saturday', () => {
    // Fri 27 Sep: Sun 29 Sep (worked), Mon 30 Sep, 1–7 Oct off, 8–11 Oct, Sat 12 Oct (worked).
    expect(publicityDueOn(cal, '2024-09-27')).toBe('2024-10-12');
  });

  it('skips the eight days of National Day and Mid-Autumn 2025', () => {
    // Tue 30 Sep: 1–8 Oct off; Thu 9, Fri 10, Sat 11 (worked), Mon 13 … Thu 16 Oct.
    expect(publicityDueOn(cal, '2025-09-30')).toBe('2025-10-16');
  });

  it('skips the Spring Festival 2026', () => {
    // Fri 13 Feb: Sat 14 Feb (worked), 15–23 Feb off, Tue 24 … Fri 27, Sat 28 Feb (worked), Mon 2 Mar.
    expect(publicityDueOn(cal, '2026-02-13')).toBe('2026-03-02');
  });

  it('falls back to 7 calendar days (never later) past the published calendar', () => {
    expect(publicityDueOn(cal, '2026-12-30')).toBe('2027-01-06');
  });
});

describe('what goes on the register', () => {
  it('publishes grants of licensing items only', () => {
    expect(isPublished('approve', '行政许可')).toBe(true);
    expect(isPublished('deny', '行政许可')).toBe(false);
    expect(isPublished('approve', '行政确认')).toBe(false);
    expect(isPublished('approve', '公共服务')).toBe(false);
  });

  it('names the category of Art. 12 from the item', () => {
    expect(licenceCategory('药品零售企业许可（单体药店·新办）')).toBe('普通');
    expect(licenceCategory('执业药师注册（首次注册）')).toBe('认可');
    expect(licenceCategory('出租汽车经营权许可')).toBe('特许');
    expect(licenceCategory('特种设备检验检测机构核准')).toBe('核准');
    expect(licenceCategory('民办非企业单位登记')).toBe('登记');
  });

  it('finds what lies under an area by the significant digits of its code', () => {
    expect(areaPrefix('330000000000')).toBe('33');
    expect(areaPrefix('330300000000')).toBe('3303');
    expect(areaPrefix('330302000000')).toBe('330302');
    expect(areaPrefix('330302006000')).toBe('330302006');
  });
});

describe('the credit platform file', () => {
  it('quotes what CSV needs quoted and defuses what a spreadsheet would run', () => {
    expect(csvCell('温州市鹿城区安澜大药房有限公司')).toBe('温州市鹿城区安澜大药房有限公司');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('documents every field, its code and its header, in docs/publicity.md', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/publicity.md'), 'utf8');
    const rows = new Set([...doc.matchAll(/^\| \d+ \| `([A-Z_]+)` \| ([^|]+?) \|/gm)].map((m) => `${m[1]} ${m[2]}`));
    expect(EXPORT_FIELDS.map((f) => `${f.key} ${f.name}`).filter((f) => !rows.has(f))).toEqual([]);
    expect(rows.size).toBe(EXPORT_FIELDS.length);
    expect(new Set(EXPORT_FIELDS.map((f) => f.key)).size).toBe(EXPORT_FIELDS.length);
  });
});
