/**
 * A delegation deed (赋权委托书), issue 14:
 *
 *   (ISSUE: an administrator records the published deed) → published
 *   published ─REVOKE (admin, reason, effective date not before today)→ revoked
 *
 * Whether a published deed covers a case is a matter of dates (term,
 * revocation date: workflows/delegation.ts deedStanding); a revocation or
 * expiry changes the route of cases filed afterwards only, as every case
 * keeps the route it was filed with.
 */
import { and, assign, setup } from 'xstate';

export interface DeedContext {
  revokedOn: string | null;
  revokeReason: string | null;
}

export type DeedEvent = { type: 'REVOKE'; actor: { role: string }; today: string; reason: string; revokedOn: string };

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

export const delegationMachine = setup({
  types: { context: {} as DeedContext, events: {} as DeedEvent },
  guards: {
    byAdmin: ({ event }) => event.actor.role === 'admin',
    hasReason: ({ event }) => nonBlank(event.reason),
    // A revocation never reaches back: cases filed before it keep their route, and so do those filed today before it was made.
    notRetroactive: ({ event }) => event.revokedOn >= event.today,
  },
}).createMachine({
  id: 'delegation',
  initial: 'published',
  context: { revokedOn: null, revokeReason: null },
  states: {
    published: {
      on: {
        REVOKE: {
          guard: and(['byAdmin', 'hasReason', 'notRetroactive']),
          target: 'revoked',
          actions: assign(({ event }) => ({ revokedOn: event.revokedOn, revokeReason: event.reason.trim() })),
        },
      },
    },
    revoked: { type: 'final' },
  },
});
