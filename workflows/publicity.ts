/**
 * The public register of licensing decisions (双公示, 行政许可法 Art. 40):
 * what goes on it, by when, under which category. Pure: the calendar is the
 * caller's (ctx.calendar), so the same rules run in the server and the tests.
 */
import { addCalendarDays, CalendarYearMissingError, type WorkCalendar } from './calendar';
import { codePrefix } from './levels';
import type { ItemType } from './route';

/** A decision is on the register within this many working days of the day it was made. */
export const PUBLICITY_WORKING_DAYS = 7;

/**
 * Which decisions are published: grants (准予行政许可决定, Art. 40) of
 * administrative-licensing items. A denial is served on the applicant with
 * its reasons and is not published (双公示 publishes licences granted and
 * penalties imposed); approvals of 行政确认, 给付 and public services are not
 * licences and belong to other lists.
 */
export const PUBLISHED_ITEM_TYPES: readonly ItemType[] = ['行政许可'];
export type PublicityDecision = 'approve' | 'deny';

export function isPublished(decision: PublicityDecision, itemType: ItemType): boolean {
  return decision === 'approve' && PUBLISHED_ITEM_TYPES.includes(itemType);
}

/**
 * The last day the entry may appear: `decidedOn` + 7 working days on the
 * work calendar (the decision day itself not counted, like every time limit
 * of the Act). A day beyond the calendar the administrator has published
 * falls back to 7 calendar days, which is never later than 7 working days:
 * the entry is published early rather than the decision refused.
 */
export function publicityDueOn(calendar: WorkCalendar, decidedOn: string): string {
  try {
    return calendar.addWorkingDays(decidedOn, PUBLICITY_WORKING_DAYS);
  } catch (err) {
    if (err instanceof CalendarYearMissingError) return addCalendarDays(decidedOn, PUBLICITY_WORKING_DAYS);
    throw err;
  }
}

/** 许可类别 of the credit data standard (行政许可法 Art. 12: 普通, 特许, 认可, 核准, 登记, 其他). */
export const LICENCE_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];

/**
 * The category of a licence, read from the item's name while the catalogue
 * carries no field for it: 特许 for rights to use public resources and
 * franchises, 认可 for qualifications of persons and bodies, 核准 for
 * inspections and approvals of equipment and goods, 登记 for registrations,
 * 普通 otherwise (the general case of Art. 12(1)).
 */
export function licenceCategory(itemName: string): LicenceCategory {
  if (/特许|经营权|使用权|取水|采矿|出让/.test(itemName)) return '特许';
  if (/登记/.test(itemName)) return '登记';
  if (/核准|检验|检测|验收/.test(itemName)) return '核准';
  if (/资格|资质|执业|注册|认定|认可/.test(itemName)) return '认可';
  return '普通';
}

/** The significant digits of an area code: every code under it starts with them (330302000000 → 330302). */
export const areaPrefix = codePrefix;
