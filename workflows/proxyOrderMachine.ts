/**
 * A free proxy order (网上无偿代办, issue 13; SEED-SERVICES.md §3):
 *
 *   (REQUEST: the owner signs the entrustment 委托书) → requested (in the pool)
 *   requested ─DISPATCH (centre, or the system by the rule)→ dispatched (offered to one agent)
 *   requested ─CLAIM (an agent of the area, from the pool)→ in_service
 *   dispatched ─ACCEPT (the agent)→ in_service
 *   dispatched ─DECLINE (the agent, reason: 退单) | TIMEOUT (system, no answer in time)→ requested
 *             (the agent is never offered the order again; the server redispatches at once)
 *   in_service ─REPORT (agent, progress)→ in_service
 *   in_service ─COMPLETE (agent, completion record 办结单)→ completed
 *   in_service ─STOP (agent, owner or centre, reason 终止单)→ stopped
 *   in_service ─RENEW (owner, new term/scope 续办委托书)→ in_service (due date moved, overdue cleared)
 *   in_service ─MARK_OVERDUE (system, past its due date)→ in_service (flag)
 *   completed | stopped ─RATE (owner, 1–5, once)→ same state
 *   requested | dispatched ─CANCEL (owner)→ cancelled
 *
 * Pure: which agent is the dispatched one, and who the owner is, is the
 * policy's job; the machine knows the sender's role and the agent named.
 */
import { and, assign, or, setup } from 'xstate';

export const PROXY_STATES = ['requested', 'dispatched', 'in_service', 'completed', 'stopped', 'cancelled'] as const;
export type ProxyState = (typeof PROXY_STATES)[number];
export const OPEN_PROXY_STATES: ProxyState[] = ['dispatched', 'in_service'];
export type ProxyScope = 'full' | 'stage';

interface Base {
  actor: { role: string };
  today: string;
  reason?: string;
}

export type ProxyEvent =
  | (Base & { type: 'DISPATCH'; agentId: number; agentUserId: number | null })
  | (Base & { type: 'CLAIM'; agentId: number; agentUserId: number | null; dueOn: string })
  | (Base & { type: 'ACCEPT'; dueOn: string })
  | (Base & { type: 'DECLINE' })
  | (Base & { type: 'TIMEOUT' })
  | (Base & { type: 'REPORT' })
  | (Base & { type: 'COMPLETE'; results: string })
  | (Base & { type: 'STOP'; askedBy: 'owner' | 'agent' | 'centre' })
  | (Base & { type: 'RENEW'; dueOn: string; scope?: string })
  | (Base & { type: 'RATE'; rating: number; comment?: string })
  | (Base & { type: 'CANCEL' })
  | (Base & { type: 'MARK_OVERDUE' });
export type ProxyEventType = ProxyEvent['type'];

export interface ProxyContext {
  scope: ProxyScope;
  stage: number | null;
  agentId: number | null;
  /** Agents who declined or let the time pass: never offered this order again. */
  declined: number[];
  /** The accounts told of the order's changes (every agent it was offered to). */
  watchers: number[];
  dueOn: string | null;
  overdue: boolean;
  reports: number;
  renewals: number;
  completion: { summary: string; results: string } | null;
  stop: { reason: string; askedBy: string } | null;
  rating: number | null;
  lastReason: string | null;
}

export interface ProxyInput {
  scope: ProxyScope;
  stage: number | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;
const role = (...roles: string[]) => ({ event }: { event: ProxyEvent }) => roles.includes(event.actor.role);
const named = (e: ProxyEvent): number | null => ('agentId' in e ? e.agentId : null);
const trimmed = (e: ProxyEvent) => (nonBlank(e.reason) ? e.reason!.trim() : null);
const withWatcher = (c: ProxyContext, e: ProxyEvent) => ('agentUserId' in e && e.agentUserId !== null && !c.watchers.includes(e.agentUserId) ? [...c.watchers, e.agentUserId] : c.watchers);

export const proxyOrderMachine = setup({
  types: { context: {} as ProxyContext, events: {} as ProxyEvent, input: {} as ProxyInput },
  guards: {
    owner: role('applicant'),
    centre: role('clerk', 'supervisor', 'admin'),
    agent: role('proxy_agent'),
    system: role('system'),
    hasReason: ({ event }) => nonBlank(event.reason),
    notDeclined: ({ context, event }) => named(event) !== null && !context.declined.includes(named(event)!),
    hasResults: ({ event }) => event.type === 'COMPLETE' && nonBlank(event.results),
    hasDue: ({ event }) => 'dueOn' in event && /^\d{4}-\d{2}-\d{2}$/.test(event.dueOn),
    validRating: ({ event }) => event.type === 'RATE' && Number.isInteger(event.rating) && event.rating >= 1 && event.rating <= 5,
    notRated: ({ context }) => context.rating === null,
    notOverdue: ({ context }) => !context.overdue,
  },
  actions: {
    offer: assign({ agentId: ({ event }) => named(event), watchers: ({ context, event }) => withWatcher(context, event), lastReason: null }),
    claim: assign({
      agentId: ({ event }) => named(event),
      watchers: ({ context, event }) => withWatcher(context, event),
      dueOn: ({ event }) => ('dueOn' in event ? event.dueOn : null),
    }),
    accept: assign({ dueOn: ({ event }) => ('dueOn' in event ? event.dueOn : null) }),
    release: assign({
      declined: ({ context }) => (context.agentId === null ? context.declined : [...context.declined, context.agentId]),
      agentId: null,
      lastReason: ({ event }) => trimmed(event),
    }),
    report: assign({ reports: ({ context }) => context.reports + 1 }),
    complete: assign({ completion: ({ event }) => (event.type === 'COMPLETE' ? { summary: event.reason!.trim(), results: event.results.trim() } : null) }),
    stop: assign({ stop: ({ event }) => (event.type === 'STOP' ? { reason: event.reason!.trim(), askedBy: event.askedBy } : null), lastReason: ({ event }) => trimmed(event) }),
    renew: assign({ dueOn: ({ context, event }) => (event.type === 'RENEW' ? event.dueOn : context.dueOn), overdue: false, renewals: ({ context }) => context.renewals + 1 }),
    rate: assign({ rating: ({ event }) => (event.type === 'RATE' ? event.rating : null) }),
    flagOverdue: assign({ overdue: true }),
    noteReason: assign({ lastReason: ({ event }) => trimmed(event) }),
  },
}).createMachine({
  id: 'proxyOrder',
  initial: 'requested',
  context: ({ input }) => ({
    scope: input.scope,
    stage: input.stage,
    agentId: null,
    declined: [],
    watchers: [],
    dueOn: null,
    overdue: false,
    reports: 0,
    renewals: 0,
    completion: null,
    stop: null,
    rating: null,
    lastReason: null,
  }),
  states: {
    requested: {
      on: {
        DISPATCH: { guard: and([or(['centre', 'system']), 'notDeclined']), target: 'dispatched', actions: 'offer' },
        CLAIM: { guard: and(['agent', 'notDeclined', 'hasDue']), target: 'in_service', actions: 'claim' },
        CANCEL: { guard: 'owner', target: 'cancelled', actions: 'noteReason' },
      },
    },
    dispatched: {
      on: {
        ACCEPT: { guard: and(['agent', 'hasDue']), target: 'in_service', actions: 'accept' },
        DECLINE: { guard: and(['agent', 'hasReason']), target: 'requested', actions: 'release' },
        TIMEOUT: { guard: 'system', target: 'requested', actions: 'release' },
        CANCEL: { guard: 'owner', target: 'cancelled', actions: 'noteReason' },
      },
    },
    in_service: {
      on: {
        REPORT: { guard: and(['agent', 'hasReason']), target: 'in_service', actions: 'report' },
        COMPLETE: { guard: and(['agent', 'hasReason', 'hasResults']), target: 'completed', actions: 'complete' },
        STOP: { guard: and([or(['agent', 'owner', 'centre']), 'hasReason']), target: 'stopped', actions: 'stop' },
        RENEW: { guard: and(['owner', 'hasDue']), target: 'in_service', actions: 'renew' },
        MARK_OVERDUE: { guard: and(['system', 'notOverdue']), target: 'in_service', actions: 'flagOverdue' },
      },
    },
    completed: { on: { RATE: { guard: and(['owner', 'validRating', 'notRated']), target: 'completed', actions: 'rate' } } },
    stopped: { on: { RATE: { guard: and(['owner', 'validRating', 'notRated']), target: 'stopped', actions: 'rate' } } },
    cancelled: { type: 'final' },
  },
});

/** The events an order in `state` takes (guards and the policy still judge each). */
export function proxyActionsIn(state: string): ProxyEventType[] {
  const node = proxyOrderMachine.states[state as ProxyState];
  return node ? (node.ownEvents as ProxyEventType[]) : [];
}

/** The stages an order covers: one, or all four for 全程代办. */
export function stagesOf(c: { scope: string; stage: number | null }): number[] {
  return c.scope === 'stage' && c.stage ? [c.stage] : [1, 2, 3, 4];
}
