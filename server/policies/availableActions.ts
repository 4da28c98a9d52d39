import type { CaseRow } from '../../db/repositories/cases';
import type { ItemRow } from '../../db/repositories/items';
import type { WorkCalendar } from '../../workflows/calendar';
import { materialsNoticeExpired } from '../../workflows/caseClock';
import { ACTION_TYPES, type ActionType, type CaseEvent } from '../../workflows/caseEvents';
import { eventActorOf, type Actor } from '../auth/actor';
import { clockOf, machineOfCase, restore, type PersistedCase } from '../commands/caseSnapshot';
import { canActOnCase } from './cases';
import { applicantUrgeRefusal } from '../commands/returnsAndUrging';

/**
 * A well-formed example of each action, so the machine's guards judge only
 * who is acting and where the case stands (not what a form will hold).
 * Post with a tracking number: DELIVER is possible if any mode is.
 */
const SAMPLE: Record<ActionType, Record<string, unknown>> = {
  ACCEPT: {},
  REQUEST_MATERIALS: { missing: ['-'] },
  SUPPLY_MATERIALS: { materials: ['-'] },
  REFUSE: { reasons: '-', rightsNotice: '-' },
  FORWARD: { opinion: '-' },
  RETURN: { reason: '-' },
  START_SPECIAL: { procedure: 'hearing', reason: '-' },
  END_SPECIAL: {},
  EXTEND: { reason: '-' },
  APPROVE: { opinion: '-' },
  DENY: { reasons: '-', rightsNotice: '-' },
  ISSUE: { licenceNo: '-' },
  DELIVER: { mode: 'post', trackingNo: 'EA123456785CN' },
  COMPLETE: {},
  WITHDRAW: {},
  CHOOSE_DELIVERY: { mode: 'pickup' },
  AMEND: { reason: '-', addMaterials: ['-'] },
  URGE: { reason: '-', replyBy: '9999-12-31' },
  URGE_REPLY: { reply: '-' },
  APPLICANT_URGE: {},
};

export interface AvailableActionsProps {
  actor: Actor;
  row: CaseRow;
  item: ItemRow;
  today: string;
  calendar: WorkCalendar;
}

/**
 * The actions this actor may take on this case now: the policy allows it and
 * the machine, in the case's current state, takes it. The screen shows only
 * these; the command path still checks everything again when one is sent.
 */
export function availableActions({ actor, row, item, today, calendar }: AvailableActionsProps): ActionType[] {
  const snapshot = restore(machineOfCase(row.snapshot), row.snapshot as PersistedCase);
  // A closed case takes nothing (\`can\` would still see the root-level transitions of a final state).
  if (snapshot.status !== 'active') return [];
  const eventActor = eventActorOf(actor);
  return ACTION_TYPES.filter((type) => {
    if (!canActOnCase(actor, row, type)) return false;
    if (type === 'REQUEST_MATERIALS' && materialsNoticeExpired(clockOf(row), today, calendar)) return false;
    // 催办 only past the promised date, once per working day.
    if (type === 'APPLICANT_URGE' && applicantUrgeRefusal(row, today, calendar)) return false;
    return snapshot.can({ type, ...SAMPLE[type], actor: eventActor } as CaseEvent);
  });
}
