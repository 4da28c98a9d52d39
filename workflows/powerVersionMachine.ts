/**
 * One version of a power list (权力清单的一个版本), an aggregate on the one
 * command path. A draft takes adjustments, each with its reason and basis; an
 * administrator publishes it; a published version never changes again.
 *
 *   (OPEN) → draft ─ADJUST (reason + basis)→ draft
 *            draft ─PUBLISH (admin, at least one adjustment)→ published
 *
 * Pure: what an adjustment does to the entries is the command's effect; the
 * machine keeps the count and refuses what the state or the actor cannot take.
 */
import { and, assign, setup } from 'xstate';
import { CHANGE_KINDS, type ChangeKind } from './powerTypes';

export const POWER_VERSION_STATES = ['draft', 'published'] as const;

interface Base {
  actor: { role: string };
  today: string;
  reason?: string;
}

export type PowerVersionEvent = (Base & { type: 'ADJUST'; kind: ChangeKind; basis: string }) | (Base & { type: 'PUBLISH' });

export interface PowerVersionContext {
  adjustments: number;
  publishedOn: string | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

export const powerVersionMachine = setup({
  types: { context: {} as PowerVersionContext, events: {} as PowerVersionEvent, input: {} as { adjustments?: number } },
  guards: {
    admin: ({ event }) => event.actor.role === 'admin',
    reasoned: ({ event }) => event.type === 'ADJUST' && nonBlank(event.reason) && nonBlank(event.basis) && (CHANGE_KINDS as readonly string[]).includes(event.kind),
    adjusted: ({ context }) => context.adjustments > 0,
  },
  actions: {
    count: assign({ adjustments: ({ context }) => context.adjustments + 1 }),
    stamp: assign({ publishedOn: ({ event }) => event.today }),
  },
}).createMachine({
  id: 'powerVersion',
  initial: 'draft',
  context: ({ input }) => ({ adjustments: input?.adjustments ?? 0, publishedOn: null }),
  states: {
    draft: {
      on: {
        ADJUST: { guard: and(['admin', 'reasoned']), actions: 'count' },
        PUBLISH: { guard: and(['admin', 'adjusted']), target: 'published', actions: 'stamp' },
      },
    },
    published: { type: 'final' },
  },
});
