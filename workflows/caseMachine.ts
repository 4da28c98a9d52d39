import { and, assign, not, or, setup, stateIn } from 'xstate';
import type { CaseEvent, DeliveryMode, MaterialVerdict, SpecialProcedure } from './caseEvents';
import { FINAL_STATES } from './caseStates';
import { isValidWaybill, normaliseWaybill } from './postalWaybill';
import { worksStep, type Level } from './levels';
import { validateRoute, type Route, type RouteStep } from './route';

export interface CaseContext {
  route: Route;
  /** Index into `route` of the step the case is at. */
  stepIndex: number;
  /** The applicant is told what is missing once, in one complete list. */
  materialsRequested: boolean;
  missingMaterials: string[];
  extended: boolean;
  special: { procedure: SpecialProcedure; reason: string } | null;
  decision: { outcome: 'approved' | 'denied'; opinion: string; rightsNotice: string | null } | null;
  licenceNo: string | null;
  /** The e-licence's identifier (GB/T 36904), set at ISSUE. */
  eLicenceId?: string | null;
  delivery: { mode: DeliveryMode; trackingNo: string | null; address: string | null } | null;
  /** The last light the scheduler announced (yellow, red). */
  lastWarning?: 'yellow' | 'red' | null;
  /** How the applicant last asked to receive the result (the case row holds it too, for the desks). */
  deliveryChoice?: { mode: DeliveryMode; address: string | null } | null;
  /** Set by RETURN: the upper desk's reason, shown on top at the desk it came back to; cleared by its FORWARD. */
  returned?: { reason: string; fromLevel: Level | null; fromDepartment: string | null; fromStep: number } | null;
  /** 督办 waiting for the reply of the desk at the current step (it follows the case if the case moves on). */
  urge?: { reason: string; replyBy: string; byLevel: Level | null } | null;
  /** The promised date whose lapse was raised to the level above: raised once per date. */
  escalatedFor?: string | null;
  /** How many times the desks amended the file, and the applicant urged (counters: the history has the details). */
  amendments?: number;
  applicantUrges?: number;
  /** The working day the applicant last urged for: once per working day. */
  applicantUrgedOn?: string | null;
  /** The accepting desk's verdict per material; a new file for a material clears its verdict (it is looked at again). */
  marks?: Record<string, { verdict: MaterialVerdict; reason: string | null }>;
}



function current(ctx: CaseContext): RouteStep {
  return ctx.route[ctx.stepIndex]!;
}

// Root-level transitions would otherwise still be taken by a case in a final state.
const closed = or(FINAL_STATES.map((state) => stateIn(state)));

function nonBlank(s: string | undefined | null): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

const caseSetup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
  },
  guards: {
    actorAtStep: ({ context, event }) => worksStep(event.actor, current(context)),
    byApplicant: ({ event }) => event.actor.role === 'applicant' || event.actor.role === 'proxy_agent',
    bySystem: ({ event }) => event.actor.role === 'system',
    /** The intermediary procedure (中介服务): the market's system ends it when the owner accepts the order's result. */
    inIntermediary: ({ context }) => context.special?.procedure === 'intermediary',
    materialsNotYetRequested: ({ context }) => !context.materialsRequested,
    hasMissingList: ({ event }) =>
      event.type === 'REQUEST_MATERIALS' && event.missing.length > 0 && event.missing.every(nonBlank),
    hasSuppliedMaterials: ({ event }) =>
      event.type === 'SUPPLY_MATERIALS' && event.materials.length > 0 && event.materials.every(nonBlank),
    hasOpinion: ({ event }) => 'opinion' in event && nonBlank(event.opinion),
    hasReason: ({ event }) => 'reason' in event && nonBlank(event.reason),
    hasReasonsAndRights: ({ event }) =>
      'reasons' in event && nonBlank(event.reasons) && nonBlank(event.rightsNotice),
    hasLicenceNo: ({ event }) => event.type === 'ISSUE' && nonBlank(event.licenceNo),
    // Post needs a waybill that checks (a mistyped one would send the applicant to someone else's parcel);
    // pickup needs the recipient's signature on the 送达回证.
    validDelivery: ({ event }) =>
      event.type === 'DELIVER' &&
      (event.mode !== 'post' || isValidWaybill(normaliseWaybill(event.trackingNo ?? ''))) &&
      (event.mode !== 'pickup' || nonBlank(event.signedBy)),
    validChoice: ({ event }) => event.type === 'CHOOSE_DELIVERY' && (event.mode !== 'post' || nonBlank(event.address)),
    pickupDelivery: ({ event }) => event.type === 'DELIVER' && event.mode === 'pickup',
    nextIsDecide: ({ context }) => context.route[context.stepIndex + 1]?.kind === 'decide',
    previousIsReview: ({ context }) => context.route[context.stepIndex - 1]?.kind === 'review',
    atDecideStep: ({ context }) => current(context).kind === 'decide',
    notExtended: ({ context }) => !context.extended,
    bySupervisor: ({ event }) => event.actor.role === 'supervisor',
    validReplyBy: ({ event }) => event.type === 'URGE' && /^\d{4}-\d{2}-\d{2}$/.test(event.replyBy),
    urgePending: ({ context }) => Boolean(context.urge),
    hasReply: ({ event }) => event.type === 'URGE_REPLY' && nonBlank(event.reply),
    hasMaterial: ({ event }) => (event.type === 'ATTACH_FILE' || event.type === 'MARK_MATERIAL') && nonBlank(event.material),
    validMark: ({ event }) => event.type === 'MARK_MATERIAL' && nonBlank(event.material) && (event.verdict === 'ok' || nonBlank(event.reason)),
    notYetEscalated: ({ context, event }) => event.type === 'ESCALATE' && context.escalatedFor !== event.dueOn,
    hasAmendment: ({ event }) =>
      event.type === 'AMEND' &&
      (Object.values(event.changes ?? {}).some(nonBlank) || (event.addMaterials ?? []).some(nonBlank)) &&
      (event.addMaterials ?? []).every(nonBlank),
  },
  actions: {
    advance: assign({ stepIndex: ({ context }) => context.stepIndex + 1 }),
    stepBack: assign({ stepIndex: ({ context }) => context.stepIndex - 1 }),
    recordMissing: assign({
      materialsRequested: true,
      missingMaterials: ({ event }) => (event.type === 'REQUEST_MATERIALS' ? event.missing : []),
    }),
    clearMissing: assign({ missingMaterials: [] }),
    recordSpecial: assign({
      special: ({ event }) =>
        event.type === 'START_SPECIAL' ? { procedure: event.procedure, reason: event.reason } : null,
    }),
    clearSpecial: assign({ special: null }),
    recordExtension: assign({ extended: true }),
    recordReturn: assign({
      returned: ({ context, event }) =>
        event.type === 'RETURN'
          ? { reason: event.reason, fromLevel: event.actor.level, fromDepartment: event.actor.department, fromStep: context.stepIndex }
          : null,
    }),
    clearReturn: assign({ returned: null }),
    recordUrge: assign({
      urge: ({ event }) => (event.type === 'URGE' ? { reason: event.reason, replyBy: event.replyBy, byLevel: event.actor.level } : null),
    }),
    clearUrge: assign({ urge: null }),
    recordEscalation: assign({ escalatedFor: ({ event }) => (event.type === 'ESCALATE' ? event.dueOn : null) }),
    recordMark: assign({
      marks: ({ context, event }) =>
        event.type === 'MARK_MATERIAL'
          ? { ...(context.marks ?? {}), [event.material]: { verdict: event.verdict, reason: event.verdict === 'bad' ? (event.reason ?? null) : null } }
          : (context.marks ?? {}),
    }),
    clearMarkOfFile: assign({
      marks: ({ context, event }) => {
        if (event.type !== 'ATTACH_FILE' || !context.marks?.[event.material]) return context.marks ?? {};
        const { [event.material]: _seen, ...rest } = context.marks;
        return rest;
      },
    }),
    countAmendment: assign({ amendments: ({ context }) => (context.amendments ?? 0) + 1 }),
    countApplicantUrge: assign({
      applicantUrges: ({ context }) => (context.applicantUrges ?? 0) + 1,
      applicantUrgedOn: ({ context, event }) => (event.type === 'APPLICANT_URGE' && event.day ? event.day : (context.applicantUrgedOn ?? null)),
    }),
    recordChoice: assign({
      deliveryChoice: ({ event }) => (event.type === 'CHOOSE_DELIVERY' ? { mode: event.mode, address: event.address ?? null } : null),
    }),
    recordWarning: assign({ lastWarning: ({ event }) => (event.type === 'CLOCK_WARNING' ? event.light : null) }),
    recordApproval: assign({
      decision: ({ event }) => ({
        outcome: 'approved' as const,
        opinion: event.type === 'APPROVE' ? event.opinion : '',
        rightsNotice: null,
      }),
    }),
    recordDenial: assign({
      decision: ({ event }) =>
        event.type === 'DENY'
          ? { outcome: 'denied' as const, opinion: event.reasons, rightsNotice: event.rightsNotice }
          : null,
    }),
    recordLicence: assign({
      licenceNo: ({ event }) => (event.type === 'ISSUE' ? event.licenceNo : null),
      eLicenceId: ({ event }) => (event.type === 'ISSUE' ? (event.eLicenceId ?? null) : null),
    }),
    recordDelivery: assign({
      delivery: ({ event }) =>
        event.type === 'DELIVER'
          ? { mode: event.mode, trackingNo: event.trackingNo ? normaliseWaybill(event.trackingNo) : null, address: event.address ?? null }
          : null,
    }),
  },
});

/**
 * Builds the machine of one item version from its route. The states are the
 * same for every route; the route (carried in the context) decides which
 * level and department each review step belongs to and where it goes next,
 * so 1,003 items need no hand-written machines and a running case keeps the
 * route it started with.
 */
export function buildCaseMachine(route: Route) {
  const problems = validateRoute(route);
  if (problems.length > 0) throw new Error(`invalid route: ${problems.join('; ')}`);
  return caseSetup.createMachine({
    id: 'case',
    initial: 'submitted',
    // Any open state takes the scheduler's light warnings; final states take nothing.
    on: {
      CLOCK_WARNING: { guard: and(['bySystem', not(closed)]), actions: 'recordWarning' },
      // The choice matters until the result is on its way; the case stays where it is.
      CHOOSE_DELIVERY: { guard: and(['byApplicant', 'validChoice', not(stateIn('delivered')), not(closed)]), actions: 'recordChoice' },
      // Urging changes no state: a history row, the desk's pin (context.urge) and a live push.
      URGE: { guard: and(['bySupervisor', 'hasReason', 'validReplyBy', not(closed)]), actions: 'recordUrge' },
      URGE_REPLY: { guard: and(['actorAtStep', 'urgePending', 'hasReply', not(closed)]), actions: 'clearUrge' },
      APPLICANT_URGE: { guard: and(['byApplicant', not(closed)]), actions: 'countApplicantUrge' },
      ESCALATE: { guard: and(['bySystem', 'notYetEscalated', not(closed)]), actions: 'recordEscalation' },
    },
    context: {
      route,
      stepIndex: 0,
      materialsRequested: false,
      missingMaterials: [],
      extended: false,
      special: null,
      decision: null,
      licenceNo: null,
      delivery: null,
      lastWarning: null,
      returned: null,
      urge: null,
      escalatedFor: null,
      amendments: 0,
      applicantUrges: 0,
    },
    states: {
      submitted: {
        tags: ['open'],
        on: {
          SUBMIT: 'acceptanceReview',
          WITHDRAW: { guard: 'byApplicant', target: 'withdrawn' },
        },
      },
      acceptanceReview: {
        tags: ['open', 'acceptance'],
        on: {
          ACCEPT: [
            { guard: and([or(['actorAtStep', 'bySystem']), 'nextIsDecide']), target: 'decision', actions: 'advance' },
            { guard: or(['actorAtStep', 'bySystem']), target: 'review', actions: 'advance' },
          ],
          REQUEST_MATERIALS: {
            guard: and(['actorAtStep', 'materialsNotYetRequested', 'hasMissingList']),
            target: 'awaitingMaterials',
            actions: 'recordMissing',
          },
          REFUSE: { guard: and(['actorAtStep', 'hasReasonsAndRights']), target: 'refused' },
          WITHDRAW: { guard: 'byApplicant', target: 'withdrawn' },
          ATTACH_FILE: { guard: and([or(['byApplicant', 'actorAtStep']), 'hasMaterial']), actions: 'clearMarkOfFile' },
          MARK_MATERIAL: { guard: and(['actorAtStep', 'validMark']), actions: 'recordMark' },
        },
      },
      awaitingMaterials: {
        tags: ['open', 'acceptance', 'paused'],
        on: {
          SUPPLY_MATERIALS: {
            guard: and([or(['byApplicant', 'actorAtStep']), 'hasSuppliedMaterials']),
            target: 'acceptanceReview',
            actions: 'clearMissing',
          },
          REFUSE: { guard: and(['actorAtStep', 'hasReasonsAndRights']), target: 'refused' },
          WITHDRAW: { guard: 'byApplicant', target: 'withdrawn' },
          ATTACH_FILE: { guard: and([or(['byApplicant', 'actorAtStep']), 'hasMaterial']), actions: 'clearMarkOfFile' },
        },
      },
      review: {
        tags: ['open', 'processing'],
        on: {
          FORWARD: [
            { guard: and(['actorAtStep', 'hasOpinion', 'nextIsDecide']), target: 'decision', actions: ['clearReturn', 'advance'] },
            { guard: and(['actorAtStep', 'hasOpinion', not('nextIsDecide')]), target: 'review', actions: ['clearReturn', 'advance'] },
          ],
          RETURN: { guard: and(['actorAtStep', 'hasReason', 'previousIsReview']), target: 'review', actions: ['recordReturn', 'stepBack'] },
          AMEND: { guard: and(['actorAtStep', 'hasReason', 'hasAmendment']), actions: 'countAmendment' },
          ATTACH_FILE: { guard: and(['actorAtStep', 'hasMaterial']), actions: 'clearMarkOfFile' },
          START_SPECIAL: { guard: and(['actorAtStep', 'hasReason']), target: 'special', actions: 'recordSpecial' },
          WITHDRAW: { guard: 'byApplicant', target: 'withdrawn' },
        },
      },
      decision: {
        tags: ['open', 'processing'],
        on: {
          APPROVE: { guard: and(['actorAtStep', 'hasOpinion']), target: 'approved', actions: ['recordApproval', 'advance'] },
          DENY: { guard: and(['actorAtStep', 'hasReasonsAndRights']), target: 'denied', actions: 'recordDenial' },
          RETURN: { guard: and(['actorAtStep', 'hasReason', 'previousIsReview']), target: 'review', actions: ['recordReturn', 'stepBack'] },
          AMEND: { guard: and(['actorAtStep', 'hasReason', 'hasAmendment']), actions: 'countAmendment' },
          START_SPECIAL: { guard: and(['actorAtStep', 'hasReason']), target: 'special', actions: 'recordSpecial' },
          EXTEND: { guard: and(['actorAtStep', 'hasReason', 'notExtended']), actions: 'recordExtension' },
          ATTACH_FILE: { guard: and(['actorAtStep', 'hasMaterial']), actions: 'clearMarkOfFile' },
          WITHDRAW: { guard: 'byApplicant', target: 'withdrawn' },
        },
      },
      special: {
        tags: ['open', 'processing', 'paused'],
        on: {
          END_SPECIAL: [
            { guard: and([or(['actorAtStep', and(['bySystem', 'inIntermediary'])]), 'atDecideStep']), target: 'decision', actions: 'clearSpecial' },
            { guard: or(['actorAtStep', and(['bySystem', 'inIntermediary'])]), target: 'review', actions: 'clearSpecial' },
          ],
          ATTACH_FILE: { guard: and([or(['actorAtStep', and(['bySystem', 'inIntermediary'])]), 'hasMaterial']), actions: 'clearMarkOfFile' },
          WITHDRAW: { guard: 'byApplicant', target: 'withdrawn' },
        },
      },
      approved: {
        tags: ['delivery'],
        on: { ISSUE: { guard: and(['actorAtStep', 'hasLicenceNo']), target: 'issued', actions: ['recordLicence', 'advance'] } },
      },
      issued: {
        tags: ['delivery'],
        on: {
          DELIVER: [
            { guard: and(['actorAtStep', 'validDelivery', 'pickupDelivery']), target: 'completed', actions: 'recordDelivery' },
            { guard: and(['actorAtStep', 'validDelivery']), target: 'delivered', actions: 'recordDelivery' },
          ],
        },
      },
      delivered: {
        tags: ['delivery'],
        on: { COMPLETE: { guard: or(['byApplicant', 'actorAtStep', 'bySystem']), target: 'completed' } },
      },
      completed: { type: 'final', tags: ['closed'] },
      refused: { type: 'final', tags: ['closed'] },
      denied: { type: 'final', tags: ['closed'] },
      withdrawn: { type: 'final', tags: ['closed'] },
    },
  });
}

export type CaseMachine = ReturnType<typeof buildCaseMachine>;

// The states live in their own module so the web app can use them without bundling XState.
export { CASE_STATES, FINAL_STATES, type CaseState } from './caseStates';
