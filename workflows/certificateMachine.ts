/**
 * An online certificate request (网上证明, issue 11 part 4): a person asks
 * their village (community) committee for a certificate it issues (居住证明,
 * 亲属关系证明 …). The village centre's clerk reviews it and issues it, or
 * refuses with reasons; a kind that needs the town's review too is forwarded
 * by the village clerk and then issued or refused by the town centre's clerk.
 * The applicant may withdraw it before a decision.
 *
 *   requested ─ISSUE (village)→ issued
 *   requested ─FORWARD (village, kind needs the town)→ townReview ─ISSUE (town)→ issued
 *   requested | townReview ─REFUSE (reasons)→ refused
 *   requested | townReview ─WITHDRAW (applicant)→ withdrawn
 *
 * Pure: which village and which town is the policy's job; the machine knows
 * the level of the clerk that acts.
 */
import { and, assign, not, setup } from 'xstate';

export const CERTIFICATE_STATES = ['requested', 'townReview', 'issued', 'refused', 'withdrawn'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export const CERTIFICATE_ACTIONS = ['FORWARD', 'ISSUE', 'REFUSE', 'WITHDRAW'] as const;
export type CertificateActionType = (typeof CERTIFICATE_ACTIONS)[number];

/** Who sends a certificate event, as far as the machine needs to know. */
export interface CertificateActor {
  role: string;
  level: string | null;
}

interface Base {
  actor: CertificateActor;
  /** The China date of the event (the caller's clock). */
  today: string;
  /** The opinion; required for a refusal (the reasons the applicant is told). */
  reason?: string;
}

export type CertificateEvent =
  | (Base & { type: 'FORWARD' })
  | (Base & { type: 'ISSUE' })
  | (Base & { type: 'REFUSE' })
  | (Base & { type: 'WITHDRAW' });

export interface CertificateContext {
  /** Whether the kind needs the town's review after the village's. */
  needsTown: boolean;
  /** The village's opinion when it forwarded. */
  villageOpinion: string | null;
  /** Why it was refused (written, given to the applicant). */
  refusal: string | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;
const clerkAt = (level: string) => ({ event }: { event: CertificateEvent }) => event.actor.role === 'clerk' && event.actor.level === level;

export const certificateMachine = setup({
  types: { context: {} as CertificateContext, events: {} as CertificateEvent, input: {} as { needsTown: boolean } },
  guards: {
    villageClerk: clerkAt('village'),
    townClerk: clerkAt('town'),
    applicant: ({ event }) => event.actor.role === 'applicant',
    needsTown: ({ context }) => context.needsTown,
    hasReason: ({ event }) => nonBlank(event.reason),
  },
  actions: {
    noteOpinion: assign({ villageOpinion: ({ event }) => (nonBlank(event.reason) ? event.reason!.trim() : null) }),
    noteRefusal: assign({ refusal: ({ event }) => event.reason!.trim() }),
  },
}).createMachine({
  id: 'certificateRequest',
  initial: 'requested',
  context: ({ input }) => ({ needsTown: input.needsTown, villageOpinion: null, refusal: null }),
  states: {
    requested: {
      on: {
        FORWARD: { guard: and(['villageClerk', 'needsTown']), target: 'townReview', actions: 'noteOpinion' },
        ISSUE: { guard: and(['villageClerk', not('needsTown')]), target: 'issued' },
        REFUSE: { guard: and(['villageClerk', 'hasReason']), target: 'refused', actions: 'noteRefusal' },
        WITHDRAW: { guard: 'applicant', target: 'withdrawn' },
      },
    },
    townReview: {
      on: {
        ISSUE: { guard: 'townClerk', target: 'issued' },
        REFUSE: { guard: and(['townClerk', 'hasReason']), target: 'refused', actions: 'noteRefusal' },
        WITHDRAW: { guard: 'applicant', target: 'withdrawn' },
      },
    },
    issued: { type: 'final' },
    refused: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

/** The level of the desk that acts in a state (null: nobody but the applicant, or nobody). */
export function deskLevelIn(state: string): 'village' | 'town' | null {
  if (state === 'requested') return 'village';
  if (state === 'townReview') return 'town';
  return null;
}

/** The actions a request in `state` takes (the machine's own events there; guards still judge each). */
export function certificateActionsIn(state: string): CertificateActionType[] {
  const node = certificateMachine.states[state as CertificateState];
  return node ? (node.ownEvents as CertificateActionType[]) : [];
}
