/**
 * A purchase order of the intermediary market (网上中介超市, issue 12), after
 * the aplanmis flow (SEED-SERVICES.md §1):
 *
 *   in_review ─REJECT (centre, reason)→ returned ─RESUBMIT (owner)→ in_review
 *   in_review ─APPROVE (centre; the draw's commitment)→ signup ─SIGN_UP (agency)→ signup
 *   signup ─CLOSE_SIGNUP (system)→ selecting | expired (nobody signed up)
 *   selecting ─SELECT (owner, direct) | DRAW (system, random) | OPEN_QUOTES (system, bidding)
 *             | PICK_NEXT (system, after a decline)→ awaiting_confirmation | expired (no candidate)
 *   awaiting_confirmation ─CONFIRM (chosen agency)→ contract
 *   awaiting_confirmation ─DECLINE (agency, or the timer)→ selecting | expired (nobody left)
 *   contract ─UPLOAD_CONTRACT (agency, amount ≤ budget max)→ contract_review
 *   contract_review ─CONFIRM_CONTRACT (owner)→ in_service | ─REJECT_CONTRACT→ contract
 *   in_service ─DELIVER_RESULT (agency)→ result_review ─ACCEPT_RESULT (owner)→ completed
 *   result_review ─RETURN_RESULT (owner)→ in_service
 *   in_service | result_review ─MARK_OVERDUE (system): flag; ─TERMINATE (centre, reason)→ terminated
 *   in_review | returned | signup ─CANCEL (owner)→ cancelled
 *
 * Pure: who the owner and the chosen agency are is the policy's job; the
 * machine knows the role of the sender. The winner of a draw or of the
 * quotes is computed by workflows/marketDraw.ts and carried in the event;
 * the machine checks it is one of the candidates still in the pool.
 */
import { and, assign, not, or, setup } from 'xstate';

export const ORDER_STATES = ['in_review', 'returned', 'signup', 'selecting', 'awaiting_confirmation', 'contract', 'contract_review', 'in_service', 'result_review', 'completed', 'expired', 'cancelled', 'terminated'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const OPEN_ORDER_STATES: OrderState[] = ['awaiting_confirmation', 'contract', 'contract_review', 'in_service', 'result_review'];
export const ORDER_METHODS = ['direct', 'random', 'bidding'] as const;
export type OrderMethod = (typeof ORDER_METHODS)[number];

export interface OrderActor {
  role: string;
}

interface Base {
  actor: OrderActor;
  today: string;
  reason?: string;
}

export type OrderEvent =
  | (Base & { type: 'APPROVE'; commitment: string })
  | (Base & { type: 'REJECT' })
  | (Base & { type: 'RESUBMIT' })
  | (Base & { type: 'CANCEL' })
  | (Base & { type: 'SIGN_UP'; agencyId: number; userId?: number })
  | (Base & { type: 'CLOSE_SIGNUP' })
  | (Base & { type: 'SELECT'; agencyId: number })
  | (Base & { type: 'DRAW'; agencyId: number | null })
  | (Base & { type: 'OPEN_QUOTES'; agencyId: number | null })
  | (Base & { type: 'PICK_NEXT'; agencyId: number | null })
  | (Base & { type: 'CONFIRM' })
  | (Base & { type: 'DECLINE' })
  | (Base & { type: 'UPLOAD_CONTRACT'; amount: number; fileId: string })
  | (Base & { type: 'CONFIRM_CONTRACT'; serviceDueOn: string })
  | (Base & { type: 'REJECT_CONTRACT' })
  | (Base & { type: 'DELIVER_RESULT'; fileId: string })
  | (Base & { type: 'ACCEPT_RESULT' })
  | (Base & { type: 'RETURN_RESULT' })
  | (Base & { type: 'MARK_OVERDUE' })
  | (Base & { type: 'TERMINATE' });
export type OrderEventType = OrderEvent['type'];

export interface OrderContext {
  method: OrderMethod;
  budgetMax: number;
  /** SHA-256 of the draw seed, published on approval (before sign-up closes). */
  commitment: string | null;
  signups: number[];
  /** The accounts of the signed-up agencies (told of the order's changes). */
  watchers: number[];
  /** The agencies that may still be chosen: the sign-ups at closing, less the declined. */
  candidates: number[];
  declined: number[];
  chosenAgencyId: number | null;
  quotesOpened: boolean;
  /** The selection by the system was made (the seed may be published). */
  drawn: boolean;
  contractAmount: number | null;
  contractFileId: string | null;
  resultFileId: string | null;
  serviceDueOn: string | null;
  overdue: boolean;
  /** The last reason given (return, decline, rejection, termination). */
  lastReason: string | null;
}

export interface OrderInput {
  method: OrderMethod;
  budgetMax: number;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;
const role = (...roles: string[]) => ({ event }: { event: OrderEvent }) => roles.includes(event.actor.role);
const method = (m: OrderMethod) => ({ context }: { context: OrderContext }) => context.method === m;
const picked = (e: OrderEvent): number | null => ('agencyId' in e ? e.agencyId : null);
const remaining = (c: OrderContext) => c.candidates.filter((id) => !c.declined.includes(id));

export const marketOrderMachine = setup({
  types: { context: {} as OrderContext, events: {} as OrderEvent, input: {} as OrderInput },
  guards: {
    owner: role('applicant', 'reviewer'),
    centre: role('clerk', 'supervisor'),
    agency: role('intermediary'),
    system: role('system'),
    hasReason: ({ event }) => nonBlank(event.reason),
    direct: method('direct'),
    random: method('random'),
    bidding: method('bidding'),
    newSignup: ({ context, event }) => event.type === 'SIGN_UP' && !context.signups.includes(event.agencyId),
    hasSignups: ({ context }) => context.signups.length > 0,
    pickedNobody: ({ event }) => picked(event) === null,
    pickedCandidate: ({ context, event }) => picked(event) !== null && remaining(context).includes(picked(event)!),
    nobodyLeftAfterDecline: ({ context }) => remaining(context).filter((id) => id !== context.chosenAgencyId).length === 0,
    withinBudget: ({ context, event }) => event.type === 'UPLOAD_CONTRACT' && Number.isInteger(event.amount) && event.amount > 0 && event.amount <= context.budgetMax && nonBlank(event.fileId),
    hasFile: ({ event }) => event.type === 'DELIVER_RESULT' && nonBlank(event.fileId),
    notOverdue: ({ context }) => !context.overdue,
  },
  actions: {
    noteReason: assign({ lastReason: ({ event }) => (nonBlank(event.reason) ? event.reason!.trim() : null) }),
    commit: assign({ commitment: ({ event }) => (event.type === 'APPROVE' ? event.commitment : null) }),
    addSignup: assign({
      signups: ({ context, event }) => (event.type === 'SIGN_UP' ? [...context.signups, event.agencyId] : context.signups),
      watchers: ({ context, event }) => (event.type === 'SIGN_UP' && event.userId !== undefined ? [...(context.watchers ?? []), event.userId] : context.watchers ?? []),
    }),
    closeSignup: assign({ candidates: ({ context }) => [...context.signups] }),
    choose: assign({ chosenAgencyId: ({ event }) => picked(event) }),
    openQuotes: assign({ quotesOpened: true, drawn: true }),
    markDrawn: assign({ drawn: true }),
    decline: assign({
      declined: ({ context }) => (context.chosenAgencyId === null ? context.declined : [...context.declined, context.chosenAgencyId]),
      chosenAgencyId: null,
      lastReason: ({ event }) => (nonBlank(event.reason) ? event.reason!.trim() : null),
    }),
    contract: assign({
      contractAmount: ({ event }) => (event.type === 'UPLOAD_CONTRACT' ? event.amount : null),
      contractFileId: ({ event }) => (event.type === 'UPLOAD_CONTRACT' ? event.fileId : null),
    }),
    startService: assign({ serviceDueOn: ({ event }) => (event.type === 'CONFIRM_CONTRACT' ? event.serviceDueOn : null) }),
    result: assign({ resultFileId: ({ event }) => (event.type === 'DELIVER_RESULT' ? event.fileId : null) }),
    flagOverdue: assign({ overdue: true }),
  },
}).createMachine({
  id: 'marketOrder',
  initial: 'in_review',
  context: ({ input }) => ({
    method: input.method,
    budgetMax: input.budgetMax,
    commitment: null,
    signups: [],
    watchers: [],
    candidates: [],
    declined: [],
    chosenAgencyId: null,
    quotesOpened: false,
    drawn: false,
    contractAmount: null,
    contractFileId: null,
    resultFileId: null,
    serviceDueOn: null,
    overdue: false,
    lastReason: null,
  }),
  states: {
    in_review: {
      on: {
        APPROVE: { guard: 'centre', target: 'signup', actions: 'commit' },
        REJECT: { guard: and(['centre', 'hasReason']), target: 'returned', actions: 'noteReason' },
        CANCEL: { guard: 'owner', target: 'cancelled', actions: 'noteReason' },
      },
    },
    returned: {
      on: {
        RESUBMIT: { guard: 'owner', target: 'in_review' },
        CANCEL: { guard: 'owner', target: 'cancelled', actions: 'noteReason' },
      },
    },
    signup: {
      on: {
        SIGN_UP: { guard: and(['agency', 'newSignup']), target: 'signup', actions: 'addSignup' },
        CLOSE_SIGNUP: [
          { guard: and(['system', 'hasSignups']), target: 'selecting', actions: 'closeSignup' },
          { guard: 'system', target: 'expired' },
        ],
        CANCEL: { guard: 'owner', target: 'cancelled', actions: 'noteReason' },
      },
    },
    selecting: {
      on: {
        SELECT: { guard: and(['owner', 'direct', 'pickedCandidate']), target: 'awaiting_confirmation', actions: 'choose' },
        DRAW: [
          { guard: and(['system', 'random', 'pickedCandidate']), target: 'awaiting_confirmation', actions: ['markDrawn', 'choose'] },
          { guard: and(['system', 'random', 'pickedNobody']), target: 'expired', actions: 'markDrawn' },
        ],
        OPEN_QUOTES: [
          { guard: and(['system', 'bidding', 'pickedCandidate']), target: 'awaiting_confirmation', actions: ['openQuotes', 'choose'] },
          { guard: and(['system', 'bidding', 'pickedNobody']), target: 'expired', actions: 'openQuotes' },
        ],
        PICK_NEXT: [
          { guard: and(['system', not('direct'), 'pickedCandidate']), target: 'awaiting_confirmation', actions: 'choose' },
          { guard: and(['system', not('direct'), 'pickedNobody']), target: 'expired' },
        ],
      },
    },
    awaiting_confirmation: {
      on: {
        CONFIRM: { guard: 'agency', target: 'contract' },
        DECLINE: [
          { guard: and([or(['agency', 'system']), 'hasReason', 'nobodyLeftAfterDecline']), target: 'expired', actions: 'decline' },
          { guard: and([or(['agency', 'system']), 'hasReason']), target: 'selecting', actions: 'decline' },
        ],
      },
    },
    contract: {
      on: { UPLOAD_CONTRACT: { guard: and(['agency', 'withinBudget']), target: 'contract_review', actions: 'contract' } },
    },
    contract_review: {
      on: {
        CONFIRM_CONTRACT: { guard: 'owner', target: 'in_service', actions: 'startService' },
        REJECT_CONTRACT: { guard: and(['owner', 'hasReason']), target: 'contract', actions: 'noteReason' },
      },
    },
    in_service: {
      on: {
        DELIVER_RESULT: { guard: and(['agency', 'hasFile']), target: 'result_review', actions: 'result' },
        MARK_OVERDUE: { guard: and(['system', 'notOverdue']), target: 'in_service', actions: 'flagOverdue' },
        TERMINATE: { guard: and(['centre', 'hasReason']), target: 'terminated', actions: 'noteReason' },
      },
    },
    result_review: {
      on: {
        ACCEPT_RESULT: { guard: 'owner', target: 'completed' },
        RETURN_RESULT: { guard: and(['owner', 'hasReason']), target: 'in_service', actions: 'noteReason' },
        MARK_OVERDUE: { guard: and(['system', 'notOverdue']), target: 'result_review', actions: 'flagOverdue' },
        TERMINATE: { guard: and(['centre', 'hasReason']), target: 'terminated', actions: 'noteReason' },
      },
    },
    completed: { type: 'final' },
    expired: { type: 'final' },
    cancelled: { type: 'final' },
    terminated: { type: 'final' },
  },
});

/** The events an order in `state` takes (guards and the policy still judge each). */
export function orderActionsIn(state: string): OrderEventType[] {
  const node = marketOrderMachine.states[state as OrderState];
  return node ? (node.ownEvents as OrderEventType[]) : [];
}

/** The candidates still in the pool (signed up at closing, not declined). */
export function remainingCandidates(c: Pick<OrderContext, 'candidates' | 'declined'>): number[] {
  return c.candidates.filter((id) => !c.declined.includes(id));
}
