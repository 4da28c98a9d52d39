/**
 * The rectification (整改) a bad rating (1–2, 好差评, 国办发〔2019〕51号) opens
 * for the desk that handled the rated stage (谁办理谁负责):
 *
 * - verifying → VERIFY (what the desk found) → callingBack, or straight to
 *   resolving for an anonymous rating (nobody to call);
 * - callingBack → CALL_BACK (回访: whether the applicant was reached, and what
 *   was said) → resolving;
 * - resolving → FIX (a clear, fair complaint: what was put right) or EXPLAIN
 *   (no legal basis for the request: the explanation given) → resolved; or
 *   APPEAL (the rating is wrong or malicious) → appealed;
 * - appealed → UPHOLD_APPEAL by a supervisor → dismissed (the rating leaves the
 *   figures), or REJECT_APPEAL → resolving (the desk must fix or explain);
 * - resolved → APPLICANT_RATE (the applicant rates the rectification) → closed;
 * - MARK_OVERDUE: the durable timer's event once the due date has passed
 *   while the desk still owes an answer; the task carries the flag.
 *
 * Pure: the caller supplies today; nothing here reads a clock or a database.
 */
import { and, assign, setup } from 'xstate';

export const RECTIFICATION_STATES = ['verifying', 'callingBack', 'resolving', 'appealed', 'resolved', 'dismissed', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** The states in which the desk owes an answer: the deadline runs (an appeal waits on the supervisor, not the desk). */
export const DESK_OWES: readonly RectificationState[] = ['verifying', 'callingBack', 'resolving'];

/** Still open: the desk owes an answer, or a supervisor an appeal's ruling. */
export const OPEN_STATES: readonly RectificationState[] = [...DESK_OWES, 'appealed'];

export const DESK_ACTIONS = ['VERIFY', 'CALL_BACK', 'FIX', 'EXPLAIN', 'APPEAL'] as const;
export const SUPERVISOR_ACTIONS = ['UPHOLD_APPEAL', 'REJECT_APPEAL'] as const;
export type RectificationStaffAction = (typeof DESK_ACTIONS)[number] | (typeof SUPERVISOR_ACTIONS)[number];

export interface RectificationActor {
  /** clerk or reviewer (the answerable desk's staff: which desk is the policy's question), supervisor, applicant, system. */
  role: string;
}

interface Base {
  actor: RectificationActor;
  /** The China date of the event (the caller's clock). */
  today: string;
  reason: string;
}

export type RectificationEvent =
  | (Base & { type: 'VERIFY' })
  | (Base & { type: 'CALL_BACK'; reached: boolean })
  | (Base & { type: 'FIX' })
  | (Base & { type: 'EXPLAIN' })
  | (Base & { type: 'APPEAL' })
  | (Base & { type: 'UPHOLD_APPEAL' })
  | (Base & { type: 'REJECT_APPEAL' })
  | (Base & { type: 'APPLICANT_RATE'; score: number })
  | (Base & { type: 'MARK_OVERDUE' });

export interface RectificationContext {
  /** The last working day for the desk's answer. */
  dueOn: string;
  overdue: boolean;
  /** A real-name rating: the desk must call the applicant back before it answers. */
  realName: boolean;
  calledBackOn: string | null;
  reached: boolean | null;
  outcome: 'fixed' | 'explained' | 'dismissed' | null;
  applicantScore: number | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

/** The timer's flag, in the states where the desk owes an answer (DESK_OWES), once only. */
const OVERDUE = { guard: and(['bySystem', 'pastDue', 'notYetOverdue']), actions: 'flagOverdue' } as const;

export const rectificationMachine = setup({
  types: { context: {} as RectificationContext, events: {} as RectificationEvent, input: {} as { dueOn: string; realName: boolean } },
  guards: {
    byDesk: ({ event }) => event.actor.role === 'clerk' || event.actor.role === 'reviewer',
    bySupervisor: ({ event }) => event.actor.role === 'supervisor',
    byApplicant: ({ event }) => event.actor.role === 'applicant',
    bySystem: ({ event }) => event.actor.role === 'system',
    hasReason: ({ event }) => nonBlank(event.reason),
    realName: ({ context }) => context.realName,
    anonymous: ({ context }) => !context.realName,
    validScore: ({ event }) => event.type === 'APPLICANT_RATE' && Number.isInteger(event.score) && event.score >= 1 && event.score <= 5,
    pastDue: ({ context, event }) => event.today > context.dueOn,
    notYetOverdue: ({ context }) => !context.overdue,
  },
  actions: {
    flagOverdue: assign({ overdue: () => true }),
    recordCallBack: assign({
      calledBackOn: ({ event }) => event.today,
      reached: ({ event }) => (event.type === 'CALL_BACK' ? event.reached : null),
    }),
    fixed: assign({ outcome: () => 'fixed' as const }),
    explained: assign({ outcome: () => 'explained' as const }),
    dismissed: assign({ outcome: () => 'dismissed' as const }),
    recordScore: assign({ applicantScore: ({ event }) => (event.type === 'APPLICANT_RATE' ? event.score : null) }),
  },
}).createMachine({
  id: 'rectification',
  initial: 'verifying',
  context: ({ input }) => ({ dueOn: input.dueOn, overdue: false, realName: input.realName, calledBackOn: null, reached: null, outcome: null, applicantScore: null }),
  states: {
    verifying: {
      on: {
        MARK_OVERDUE: OVERDUE,
        VERIFY: [
          { guard: and(['byDesk', 'hasReason', 'realName']), target: 'callingBack' },
          { guard: and(['byDesk', 'hasReason', 'anonymous']), target: 'resolving' },
        ],
      },
    },
    callingBack: {
      on: { CALL_BACK: { guard: and(['byDesk', 'hasReason']), target: 'resolving', actions: 'recordCallBack' }, MARK_OVERDUE: OVERDUE },
    },
    resolving: {
      on: {
        FIX: { guard: and(['byDesk', 'hasReason']), target: 'resolved', actions: 'fixed' },
        EXPLAIN: { guard: and(['byDesk', 'hasReason']), target: 'resolved', actions: 'explained' },
        APPEAL: { guard: and(['byDesk', 'hasReason']), target: 'appealed' },
        MARK_OVERDUE: OVERDUE,
      },
    },
    appealed: {
      on: {
        UPHOLD_APPEAL: { guard: and(['bySupervisor', 'hasReason']), target: 'dismissed', actions: 'dismissed' },
        REJECT_APPEAL: { guard: and(['bySupervisor', 'hasReason']), target: 'resolving' },
      },
    },
    resolved: {
      on: { APPLICANT_RATE: { guard: and(['byApplicant', 'validScore']), target: 'closed', actions: 'recordScore' } },
    },
    dismissed: { type: 'final' },
    closed: { type: 'final' },
  },
});

/** What a staff member of `role` may do in `state` (the workbench's buttons). */
export function rectificationActionsIn(state: string, role: 'desk' | 'supervisor' | null): RectificationStaffAction[] {
  if (role === 'desk') {
    if (state === 'verifying') return ['VERIFY'];
    if (state === 'callingBack') return ['CALL_BACK'];
    if (state === 'resolving') return ['FIX', 'EXPLAIN', 'APPEAL'];
  }
  if (role === 'supervisor' && state === 'appealed') return ['UPHOLD_APPEAL', 'REJECT_APPEAL'];
  return [];
}
