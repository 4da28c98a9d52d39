/**
 * A three-way rating of a completed intermediary order (三位一体评价, issue 12):
 * the client, the approving department or the centre rates the agency; the
 * centre moderates it before it counts.
 *
 *   pending ─APPROVE (centre)→ approved      (counts in the agency's score)
 *   pending ─REJECT (centre, with a reason)→ rejected
 *
 * Nothing else: once made, a rating's marks never change and nobody hides it
 * (an approved or rejected rating takes no event). Pure: which centre is the
 * policy's job; the machine knows the role of who acts.
 */
import { and, assign, setup } from 'xstate';

export const RATING_STATES = ['pending', 'approved', 'rejected'] as const;
export type RatingState = (typeof RATING_STATES)[number];

export const RATING_ACTIONS = ['APPROVE', 'REJECT'] as const;
export type RatingActionType = (typeof RATING_ACTIONS)[number];

export interface RatingActor {
  role: string;
  level: string | null;
}

interface Base {
  actor: RatingActor;
  today: string;
  /** Required for a rejection: why the rating does not count (the rater is told). */
  reason?: string;
}

export type RatingEvent = (Base & { type: 'APPROVE' }) | (Base & { type: 'REJECT' });

export interface RatingContext {
  /** Why the centre rejected it (null otherwise). */
  rejection: string | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

export const marketRatingMachine = setup({
  types: { context: {} as RatingContext, events: {} as RatingEvent },
  guards: {
    centre: ({ event }) => event.actor.role === 'supervisor',
    hasReason: ({ event }) => nonBlank(event.reason),
  },
  actions: {
    noteRejection: assign({ rejection: ({ event }) => event.reason!.trim() }),
  },
}).createMachine({
  id: 'marketRating',
  initial: 'pending',
  context: { rejection: null },
  states: {
    pending: {
      on: {
        APPROVE: { guard: 'centre', target: 'approved' },
        REJECT: { guard: and(['centre', 'hasReason']), target: 'rejected', actions: 'noteRejection' },
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

/** The moderation events a rating in `state` takes (guards still judge each). */
export function ratingActionsIn(state: string): RatingActionType[] {
  const node = marketRatingMachine.states[state as RatingState];
  return node ? (node.ownEvents as RatingActionType[]) : [];
}

/**
 * A complaint (投诉) about the agency on an order, by the order's owner: the
 * centre closes it with an outcome.
 *
 *   open ─CLOSE (centre, with the outcome)→ closed
 */
export const COMPLAINT_STATES = ['open', 'closed'] as const;
export type ComplaintEvent = Base & { type: 'CLOSE' };

export const marketComplaintMachine = setup({
  types: { context: {} as { outcome: string | null }, events: {} as ComplaintEvent },
  guards: {
    centre: ({ event }) => event.actor.role === 'supervisor',
    hasReason: ({ event }) => nonBlank(event.reason),
  },
  actions: { noteOutcome: assign({ outcome: ({ event }) => event.reason!.trim() }) },
}).createMachine({
  id: 'marketComplaint',
  initial: 'open',
  context: { outcome: null },
  states: {
    open: { on: { CLOSE: { guard: and(['centre', 'hasReason']), target: 'closed', actions: 'noteOutcome' } } },
    closed: { type: 'final' },
  },
});
