import { common } from '../../client/src/i18n/common';
import { ACTION_TYPES, type CaseEventType } from '../../workflows/caseEvents';

/*
 * Every event a case history can hold is read by applicants and staff (the
 * timeline, the desk's case file, the "changed elsewhere" notice) and every
 * action is a button and a confirmation: each has words in both languages.
 * A Record over the union, so `npx tsc --noEmit` names an event type added
 * without being listed here.
 */
const EVENT_TYPES: Record<CaseEventType, true> = {
  SUBMIT: true, ACCEPT: true, REQUEST_MATERIALS: true, SUPPLY_MATERIALS: true, REFUSE: true, FORWARD: true, RETURN: true,
  START_SPECIAL: true, END_SPECIAL: true, EXTEND: true, APPROVE: true, DENY: true, ISSUE: true, DELIVER: true, COMPLETE: true,
  WITHDRAW: true, CHOOSE_DELIVERY: true, CLOCK_WARNING: true, AMEND: true, URGE: true, URGE_REPLY: true, APPLICANT_URGE: true, ESCALATE: true,
  ATTACH_FILE: true, MARK_MATERIAL: true,
};

type Words = Record<string, Record<string, string>>;
const words = (lang: 'zh' | 'en', group: 'event' | 'action') => (common[lang] as unknown as Words)[group] ?? {};

describe.each(['zh', 'en'] as const)('in %s', (lang) => {
  it('names every event type of a case history', () => {
    const missing = Object.keys(EVENT_TYPES).filter((e) => !words(lang, 'event')[e]?.trim());
    expect(missing).toEqual([]);
  });

  it('names every action a desk or an applicant can take', () => {
    const missing = ACTION_TYPES.filter((a) => !words(lang, 'action')[a]?.trim());
    expect(missing).toEqual([]);
  });
});
