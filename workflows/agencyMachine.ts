/**
 * An intermediary agency on the market (网上中介超市, issue 12): registered
 * (入驻) it waits for the centre's review; listed it may be chosen; the centre
 * suspends and restores it, or expels it (清退) with reasons and a decision
 * number; an expelled agency may appeal once, within APPEAL_DAYS calendar days
 * of the expulsion, and the centre upholds the expulsion or overturns it.
 *
 *   pending ─APPROVE→ listed            pending ─REJECT (reason)→ rejected
 *   listed ─SUSPEND (reason)→ suspended ─RESTORE→ listed
 *   listed | suspended ─EXPEL (reason, decision no.)→ expelled
 *   expelled ─APPEAL (agency, grounds, in time, once)→ appealing ─UPHOLD (reason)→ expelled
 *                                                      appealing ─OVERTURN (reason)→ listed
 *   pending | appealing ─REVIEW_OVERDUE (system, once)→ same state, flagged overdue
 *
 * The centre is the city centre's supervisors (the policy checks the level);
 * the machine knows only the actor's role. Pure: the caller supplies today.
 */
import { and, assign, not, setup } from 'xstate';
import { addCalendarDays } from './calendar';

export const AGENCY_STATES = ['pending', 'listed', 'rejected', 'suspended', 'expelled', 'appealing'] as const;
export type AgencyState = (typeof AGENCY_STATES)[number];

export const AGENCY_OPERATIONS = ['APPROVE', 'REJECT', 'SUSPEND', 'RESTORE', 'EXPEL', 'APPEAL', 'UPHOLD', 'OVERTURN', 'REVIEW_OVERDUE'] as const;
export type AgencyOperation = (typeof AGENCY_OPERATIONS)[number];

/** Operations of the centre (the rest: APPEAL by the agency, REVIEW_OVERDUE by the timer). */
export const CENTRE_OPERATIONS: readonly AgencyOperation[] = ['APPROVE', 'REJECT', 'SUSPEND', 'RESTORE', 'EXPEL', 'UPHOLD', 'OVERTURN'];

/** An expelled agency appeals within this many calendar days of the expulsion (like 15 days for many objections). */
export const APPEAL_DAYS = 15;

/** The states the public sees (a pending or rejected registration is not published). */
export const PUBLIC_AGENCY_STATES: readonly AgencyState[] = ['listed', 'suspended', 'expelled', 'appealing'];

export interface AgencyActor {
  role: string;
}

interface Base {
  actor: AgencyActor;
  today: string;
  reason?: string;
}

export type AgencyEvent =
  | (Base & { type: 'APPROVE' })
  | (Base & { type: 'REJECT' })
  | (Base & { type: 'SUSPEND' })
  | (Base & { type: 'RESTORE' })
  | (Base & { type: 'EXPEL'; decisionNo?: string })
  | (Base & { type: 'APPEAL' })
  | (Base & { type: 'UPHOLD' })
  | (Base & { type: 'OVERTURN' })
  | (Base & { type: 'REVIEW_OVERDUE' });

export interface AgencyContext {
  /** The last operation's reason (why rejected, suspended, expelled …). */
  note: string | null;
  /** 文号 of the expulsion decision. */
  decisionNo: string | null;
  expelledOn: string | null;
  /** The last day an appeal is taken. */
  appealUntil: string | null;
  appealed: boolean;
  appealGrounds: string | null;
  /** The centre has not reviewed (the registration or the appeal) in time. */
  reviewOverdue: boolean;
}

export const initialAgencyContext = (): AgencyContext => ({ note: null, decisionNo: null, expelledOn: null, appealUntil: null, appealed: false, appealGrounds: null, reviewOverdue: false });

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

export const agencyMachine = setup({
  types: { context: {} as AgencyContext, events: {} as AgencyEvent },
  guards: {
    centre: ({ event }) => event.actor.role === 'supervisor',
    agency: ({ event }) => event.actor.role === 'intermediary',
    system: ({ event }) => event.actor.role === 'system',
    hasReason: ({ event }) => nonBlank(event.reason),
    hasDecisionNo: ({ event }) => event.type === 'EXPEL' && nonBlank(event.decisionNo),
    inAppealTime: ({ context, event }) => context.appealUntil !== null && event.today <= context.appealUntil,
    appealed: ({ context }) => context.appealed,
    overdue: ({ context }) => context.reviewOverdue,
  },
  actions: {
    note: assign({ note: ({ event }) => (nonBlank(event.reason) ? event.reason!.trim() : null), reviewOverdue: () => false }),
    expel: assign({
      decisionNo: ({ event }) => (event.type === 'EXPEL' ? event.decisionNo!.trim() : null),
      expelledOn: ({ event }) => event.today,
      appealUntil: ({ event }) => addCalendarDays(event.today, APPEAL_DAYS),
    }),
    appeal: assign({ appealed: () => true, appealGrounds: ({ event }) => event.reason!.trim() }),
    flagOverdue: assign({ reviewOverdue: () => true }),
  },
}).createMachine({
  id: 'marketAgency',
  initial: 'pending',
  context: initialAgencyContext,
  states: {
    pending: {
      on: {
        APPROVE: { guard: 'centre', target: 'listed', actions: 'note' },
        REJECT: { guard: and(['centre', 'hasReason']), target: 'rejected', actions: 'note' },
        REVIEW_OVERDUE: { guard: and(['system', not('overdue')]), actions: 'flagOverdue' },
      },
    },
    listed: {
      on: {
        SUSPEND: { guard: and(['centre', 'hasReason']), target: 'suspended', actions: 'note' },
        EXPEL: { guard: and(['centre', 'hasReason', 'hasDecisionNo']), target: 'expelled', actions: ['note', 'expel'] },
      },
    },
    suspended: {
      on: {
        RESTORE: { guard: 'centre', target: 'listed', actions: 'note' },
        EXPEL: { guard: and(['centre', 'hasReason', 'hasDecisionNo']), target: 'expelled', actions: ['note', 'expel'] },
      },
    },
    expelled: {
      on: {
        APPEAL: { guard: and(['agency', 'hasReason', 'inAppealTime', not('appealed')]), target: 'appealing', actions: 'appeal' },
      },
    },
    appealing: {
      on: {
        UPHOLD: { guard: and(['centre', 'hasReason']), target: 'expelled', actions: 'note' },
        OVERTURN: { guard: and(['centre', 'hasReason']), target: 'listed', actions: 'note' },
        REVIEW_OVERDUE: { guard: and(['system', not('overdue')]), actions: 'flagOverdue' },
      },
    },
    rejected: { type: 'final' },
  },
});

/** The operations an agency in `state` takes (the machine's own events there; guards still judge each). */
export function agencyOperationsIn(state: string): AgencyOperation[] {
  const node = agencyMachine.states[state as AgencyState];
  return node ? (node.ownEvents as AgencyOperation[]) : [];
}

/** States in which the centre owes a review (its queue; the review timer runs). */
export const AWAITING_REVIEW: readonly AgencyState[] = ['pending', 'appealing'];
