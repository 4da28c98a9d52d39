import type { Level } from './levels';

/**
 * Who reviews and who tries a written refusal or denial, and the notice of
 * those rights the decision must carry (行政许可法 Art. 38, 行政复议法 2023,
 * 行政诉讼法 Art. 14, 18, 46). Pure: the caller gives the deciding body's
 * place in the jurisdiction tree.
 *
 * - Review (复议机关), 行政复议法 (2023) Art. 24, 27: a department of a local
 *   people's government is reviewed by the people's government of the same
 *   level (a county department by the county government, a city department by
 *   the city government, a province department by the province government);
 *   a vertically managed body (customs, finance, foreign exchange, tax, state
 *   security) by its department one level up.
 * - Suit (管辖法院), 行政诉讼法 Art. 14, 18: the basic people's court where
 *   the deciding body sits. A county-level body sits in its county; a city
 *   (or province) body sits where that government sits, so its court is the
 *   basic court of that district (温州市人民政府 sits in 鹿城区 → 温州市鹿城区人民法院;
 *   浙江省人民政府 in 杭州市西湖区). A town or village body counts as the
 *   county it lies in.
 * - Time limits: 60 days to apply for review (复议法 Art. 20), 6 months to sue
 *   (诉讼法 Art. 46), both from the day the applicant learns of the decision.
 */

export interface Place {
  code: string;
  name: string;
  nameEn: string;
  level: Level;
}

export interface DepartmentRef {
  code: string;
  name: string;
  nameEn: string;
}

export interface DecidingBodyInput {
  /** The deciding body's jurisdiction first, then its parent, … up to the province. */
  chain: Place[];
  /** The department that decides; null when a people's government itself decides. */
  department: DepartmentRef | null;
}

export interface NamedBody {
  name: string;
  nameEn: string;
}

export interface RightsNotice {
  decidingBody: NamedBody;
  reviewBody: NamedBody;
  court: NamedBody;
  reviewDays: number;
  suitMonths: number;
  /** The notice as the written decision prints it. */
  text: string;
  textEn: string;
}

export const REVIEW_DAYS = 60;
export const SUIT_MONTHS = 6;

/** Department kinds under vertical management (行政复议法 Art. 27); reviewed one level up, not by the local government. */
export const VERTICALLY_MANAGED: ReadonlySet<string> = new Set(['customs', 'tax', 'finance', 'forex', 'state_security']);

/** Where a city or province government sits, when it lies outside the tree or is not its first district. */
export const GOVERNMENT_SEATS: Readonly<Record<string, NamedBody>> = {
  '330300000000': { name: '温州市鹿城区', nameEn: 'Lucheng District, Wenzhou' },
  '330000000000': { name: '杭州市西湖区', nameEn: 'Xihu District, Hangzhou' },
};

/** A place named as its bodies are named: a city's district carries the city's name (温州市鹿城区), a county or county-level city its own. */
export function qualifiedName(chain: Place[]): NamedBody {
  const [here, parent] = chain;
  if (!here) throw new Error('empty jurisdiction chain');
  if (here.level === 'county' && here.name.endsWith('区') && parent?.level === 'city') {
    return { name: `${parent.name}${here.name}`, nameEn: `${here.nameEn}, ${parent.nameEn}` };
  }
  return { name: here.name, nameEn: here.nameEn };
}

/** The county-level or higher part of the chain: a town or village body counts as its county. */
function fromCounty(chain: Place[]): Place[] {
  const i = chain.findIndex((p) => p.level === 'county' || p.level === 'city' || p.level === 'province');
  if (i < 0) throw new Error('no county or higher in the jurisdiction chain');
  return chain.slice(i);
}

/** A province's departments are mostly 厅 where a city's and county's are 局 (market regulation and vertical bodies keep 局). */
export function departmentName(dept: DepartmentRef, level: Level): NamedBody {
  const keeps = dept.code === 'market' || VERTICALLY_MANAGED.has(dept.code);
  const name = level === 'province' && dept.name.endsWith('局') && !keeps ? `${dept.name.slice(0, -1)}厅` : dept.name;
  return { name, nameEn: dept.nameEn };
}

function bodyOf(chain: Place[], dept: DepartmentRef | null): NamedBody {
  const place = qualifiedName(chain);
  if (!dept) return { name: `${place.name}人民政府`, nameEn: `People's Government of ${place.nameEn}` };
  const d = departmentName(dept, chain[0]!.level);
  return { name: `${place.name}${d.name}`, nameEn: `${d.nameEn} of ${place.nameEn}` };
}

/** The deciding body's full name, e.g. 温州市鹿城区市场监督管理局. */
export function decidingBody(input: DecidingBodyInput): NamedBody {
  return bodyOf(fromCounty(input.chain), input.department);
}

/** 复议机关: the same level's people's government, or for a vertically managed body its department one level up. */
export function reviewBody(input: DecidingBodyInput): NamedBody {
  const chain = fromCounty(input.chain);
  const dept = input.department;
  if (dept && VERTICALLY_MANAGED.has(dept.code)) {
    const up = chain.slice(1);
    // A province's vertical department answers to its national administration.
    if (up.length === 0) return { name: `国家${dept.name}`, nameEn: `National ${dept.nameEn}` };
    return bodyOf(up, dept);
  }
  return bodyOf(chain, null);
}

/** The basic people's court of the place where the deciding body sits. */
export function competentCourt(input: DecidingBodyInput): NamedBody {
  const chain = fromCounty(input.chain);
  const here = chain[0]!;
  if (here.level === 'county') {
    const q = qualifiedName(chain);
    return { name: `${q.name}人民法院`, nameEn: `People's Court of ${q.nameEn}` };
  }
  const seat = GOVERNMENT_SEATS[here.code];
  if (seat) return { name: `${seat.name}人民法院`, nameEn: `People's Court of ${seat.nameEn}` };
  // A seat not on record: the government's own place, which its basic court shares a name with.
  return { name: `${here.name}人民法院`, nameEn: `People's Court of ${here.nameEn}` };
}

/** The whole rights notice a refusal or denial carries. */
export function rightsNotice(input: DecidingBodyInput): RightsNotice {
  const body = decidingBody(input);
  const review = reviewBody(input);
  const court = competentCourt(input);
  return {
    decidingBody: body,
    reviewBody: review,
    court,
    reviewDays: REVIEW_DAYS,
    suitMonths: SUIT_MONTHS,
    text:
      `如不服本决定，可以自收到本决定书之日起${REVIEW_DAYS}日内向${review.name}申请行政复议，` +
      `或者自收到本决定书之日起${SUIT_MONTHS}个月内向${court.name}提起行政诉讼。`,
    textEn:
      `If you disagree with this decision, you may apply to the ${review.nameEn} for administrative review within ${REVIEW_DAYS} days ` +
      `of receiving it, or bring an administrative suit before the ${court.nameEn} within ${SUIT_MONTHS} months of receiving it.`,
  };
}
