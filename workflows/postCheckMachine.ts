/**
 * The post-check (核查) of a written commitment (告知承诺, 国办发〔2020〕42号):
 * the applicant committed in writing instead of bringing a proof; the
 * deciding department checks afterwards whether the commitment was true.
 *
 * - open → confirmed: the commitment held (CONFIRM, with what was checked).
 * - open → found_false: the commitment was false (FIND_FALSE): a recorded
 *   decision with its 文号 and reasons; the caller writes the credit record.
 * - MARK_OVERDUE: the durable timer's event (a system actor) once the due
 *   date has passed; the task stays open and carries the flag.
 *
 * Pure: the caller supplies today; nothing here reads a clock or a database.
 */
import { and, assign, setup } from 'xstate';

export const POST_CHECK_STATES = ['open', 'confirmed', 'found_false'] as const;
export type PostCheckState = (typeof POST_CHECK_STATES)[number];

export const POST_CHECK_OUTCOMES = ['CONFIRM', 'FIND_FALSE'] as const;
export type PostCheckOutcome = (typeof POST_CHECK_OUTCOMES)[number];

export interface PostCheckActor {
  role: string;
}

interface Base {
  actor: PostCheckActor;
  /** The China date of the event (the caller's clock). */
  today: string;
  reason: string;
}

export type PostCheckEvent =
  | (Base & { type: 'CONFIRM' })
  | (Base & { type: 'FIND_FALSE'; decisionNo: string })
  | (Base & { type: 'MARK_OVERDUE' });

export interface PostCheckContext {
  /** The last working day of the check. */
  dueOn: string;
  overdue: boolean;
  decisionNo: string | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

export const postCheckMachine = setup({
  types: { context: {} as PostCheckContext, events: {} as PostCheckEvent, input: {} as { dueOn: string } },
  guards: {
    byReviewer: ({ event }) => event.actor.role === 'reviewer',
    bySystem: ({ event }) => event.actor.role === 'system',
    hasReason: ({ event }) => nonBlank(event.reason),
    hasDecisionNo: ({ event }) => event.type === 'FIND_FALSE' && nonBlank(event.decisionNo),
    pastDue: ({ context, event }) => event.today > context.dueOn,
    notYetOverdue: ({ context }) => !context.overdue,
  },
  actions: {
    flagOverdue: assign({ overdue: () => true }),
    recordDecision: assign({ decisionNo: ({ event }) => (event.type === 'FIND_FALSE' ? event.decisionNo.trim() : null) }),
  },
}).createMachine({
  id: 'postCheck',
  initial: 'open',
  context: ({ input }) => ({ dueOn: input.dueOn, overdue: false, decisionNo: null }),
  states: {
    open: {
      on: {
        CONFIRM: { guard: and(['byReviewer', 'hasReason']), target: 'confirmed' },
        FIND_FALSE: { guard: and(['byReviewer', 'hasReason', 'hasDecisionNo']), target: 'found_false', actions: 'recordDecision' },
        MARK_OVERDUE: { guard: and(['bySystem', 'pastDue', 'notYetOverdue']), actions: 'flagOverdue' },
      },
    },
    confirmed: { type: 'final' },
    found_false: { type: 'final' },
  },
});

/** The outcomes a task in `state` still takes (the desk's buttons). */
export function outcomesIn(state: string): PostCheckOutcome[] {
  return state === 'open' ? [...POST_CHECK_OUTCOMES] : [];
}
