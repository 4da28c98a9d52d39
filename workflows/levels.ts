/** The five administrative levels, top to bottom. */
export const LEVELS = ['province', 'city', 'county', 'town', 'village'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES_ZH: Record<Level, string> = {
  province: '省',
  city: '市',
  county: '县(市、区)',
  town: '乡镇(街道)',
  village: '村(社区)',
};

/** 0 = province … 4 = village; a smaller rank is a higher level. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/**
 * Area codes are 12 digits: 2 province, 2 city, 2 county, 3 town, 3 village.
 * The code of an ancestor at a given level keeps the digits of that level and
 * zeroes the rest, which is how the national code table is built.
 */
const LEVEL_DIGITS: Record<Level, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };

export function ancestorCode(code: string, level: Level): string {
  const keep = LEVEL_DIGITS[level];
  return code.slice(0, keep).padEnd(12, '0');
}

/** The digits every code under `scope` starts with (a LIKE prefix). */
export function codePrefix(scope: string): string {
  return scope.slice(0, LEVEL_DIGITS[levelOfCode(scope)]);
}

export function levelOfCode(code: string): Level {
  if (code.slice(9) !== '000') return 'village';
  if (code.slice(6, 9) !== '000') return 'town';
  if (code.slice(4, 6) !== '00') return 'county';
  if (code.slice(2, 4) !== '00') return 'city';
  return 'province';
}

/** True when `scope` is `code` itself or one of its ancestors. */
export function isWithin(code: string, scope: string): boolean {
  const level = levelOfCode(scope);
  return ancestorCode(code, level) === scope && levelRank(levelOfCode(code)) >= levelRank(level);
}

/** Village and town centres have no departments: every step there is worked by the centre's clerks. */
export function isCentreLevel(level: Level): boolean {
  return level === 'village' || level === 'town';
}

/**
 * A step worked at a service centre's window rather than at a department:
 * accepting and delivering, at whatever level the case was filed (a county,
 * city or province centre too), every step at a village or town, and any
 * step a route gives no department.
 */
export function isCentreStep(step: DeskStep): boolean {
  // A step a delegation deed moved to a town is the town's department desk (its deedNo says so), not the centre's.
  return step.kind === 'accept' || step.kind === 'deliver' || (isCentreLevel(step.level) && !step.deedNo) || !step.department;
}

/** A step as the desks see it: kind, level, department and, for a delegated step, its deed. */
export interface DeskStep {
  kind: string;
  level: Level;
  department?: string | null;
  deedNo?: string | null;
}

/** Who works a step: the centre's clerk for a centre step, else the reviewer of the step's department, at the step's level. */
export function worksStep(
  actor: { role: string; level: Level | null; department: string | null },
  step: DeskStep,
): boolean {
  if (actor.level !== step.level) return false;
  if (isCentreStep(step)) return actor.role === 'clerk';
  return actor.role === 'reviewer' && actor.department === step.department;
}
