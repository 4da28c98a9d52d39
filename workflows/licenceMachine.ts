/**
 * An e-licence's life after issue (issue 11 part 3): the recorded status
 * operations of the MOHURD e-certificate specification (延续, 变更, 暂扣 and
 * 发还, 注销, 撤销, 吊销), each a machine event of the issuing department.
 *
 * - 暂扣 suspends a valid licence; 发还 gives a suspended one back.
 * - 注销, 撤销 and 吊销 end a licence, valid or suspended, for good.
 * - 延续 and 变更 replace a valid licence by its next version (the new one
 *   carries the previous identifier); the old one is then superseded.
 * - A valid licence past its valid-until date reads 失效 (computed, not an
 *   event: nothing happens on that day) and can no longer be renewed.
 *
 * Pure: the caller supplies today; nothing here reads a clock or a database.
 */
import { and, assign, setup } from 'xstate';

export const LICENCE_STATES = ['valid', 'suspended', 'superseded', 'cancelled', 'revoked', 'withdrawn'] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];

/** The status code of GB/T 36903 practice (MOHURD: 01 有效, 02 暂扣, 03 撤销, 04 注销, 05 失效, 07 吊销, 99 其他). */
export const STATUS_OF_STATE: Record<LicenceState, string> = {
  valid: '01',
  suspended: '02',
  revoked: '03',
  cancelled: '04',
  superseded: '99',
  withdrawn: '07',
};

export const LICENCE_OPERATIONS = ['RENEW', 'AMEND', 'SUSPEND', 'RESTORE', 'CANCEL', 'REVOKE', 'WITHDRAW'] as const;
export type LicenceOperation = (typeof LICENCE_OPERATIONS)[number];

/** The MOHURD operation code each operation is recorded with (02 延续, 03 暂扣, 05 注销/撤销/吊销, 06 暂扣发还, 09 变更). */
export const OPERATION_CODES: Record<LicenceOperation, string> = {
  RENEW: '02',
  SUSPEND: '03',
  CANCEL: '05',
  REVOKE: '05',
  WITHDRAW: '05',
  RESTORE: '06',
  AMEND: '09',
};

/** Who sends a licence event, as far as the machine needs to know; the policy checks the desk. */
export interface LicenceActor {
  role: string;
}

interface Base {
  actor: LicenceActor;
  /** The China date the operation is made on (the caller's clock). */
  today: string;
  reason: string;
  /** 文号 of the decision behind the operation (a 吊销 is an administrative penalty: it has one). */
  decisionNo?: string;
}

export type LicenceEvent =
  | (Base & { type: 'RENEW' })
  | (Base & { type: 'AMEND'; holderName: string })
  | (Base & { type: 'SUSPEND'; until?: string })
  | (Base & { type: 'RESTORE' })
  | (Base & { type: 'CANCEL' })
  | (Base & { type: 'REVOKE' })
  | (Base & { type: 'WITHDRAW'; decisionNo: string });

export interface LicenceContext {
  validUntil: string;
  /** The last operation's reason, shown with the status. */
  note: string | null;
  /** Until when a 暂扣 holds, if the decision says. */
  suspendedUntil: string | null;
}

const nonBlank = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

export const licenceMachine = setup({
  types: { context: {} as LicenceContext, events: {} as LicenceEvent, input: {} as { validUntil: string } },
  guards: {
    byStaff: ({ event }) => event.actor.role === 'reviewer' || event.actor.role === 'system',
    hasReason: ({ event }) => nonBlank(event.reason),
    hasDecisionNo: ({ event }) => nonBlank(event.decisionNo),
    notExpired: ({ context, event }) => event.today <= context.validUntil,
    changesHolder: ({ event }) => event.type === 'AMEND' && nonBlank(event.holderName),
    suspendUntilAhead: ({ event }) => event.type !== 'SUSPEND' || event.until === undefined || event.until > event.today,
  },
  actions: {
    note: assign({ note: ({ event }) => event.reason.trim() }),
    holdUntil: assign({ suspendedUntil: ({ event }) => (event.type === 'SUSPEND' ? (event.until ?? null) : null) }),
    release: assign({ suspendedUntil: () => null }),
  },
}).createMachine({
  id: 'eLicence',
  initial: 'valid',
  context: ({ input }) => ({ validUntil: input.validUntil, note: null, suspendedUntil: null }),
  states: {
    valid: {
      on: {
        RENEW: { guard: and(['byStaff', 'hasReason', 'notExpired']), target: 'superseded', actions: 'note' },
        AMEND: { guard: and(['byStaff', 'hasReason', 'changesHolder', 'notExpired']), target: 'superseded', actions: 'note' },
        SUSPEND: { guard: and(['byStaff', 'hasReason', 'hasDecisionNo', 'suspendUntilAhead']), target: 'suspended', actions: ['note', 'holdUntil'] },
        CANCEL: { guard: and(['byStaff', 'hasReason']), target: 'cancelled', actions: 'note' },
        REVOKE: { guard: and(['byStaff', 'hasReason', 'hasDecisionNo']), target: 'revoked', actions: 'note' },
        WITHDRAW: { guard: and(['byStaff', 'hasReason', 'hasDecisionNo']), target: 'withdrawn', actions: 'note' },
      },
    },
    suspended: {
      on: {
        RESTORE: { guard: and(['byStaff', 'hasReason']), target: 'valid', actions: ['note', 'release'] },
        CANCEL: { guard: and(['byStaff', 'hasReason']), target: 'cancelled', actions: ['note', 'release'] },
        REVOKE: { guard: and(['byStaff', 'hasReason', 'hasDecisionNo']), target: 'revoked', actions: ['note', 'release'] },
        WITHDRAW: { guard: and(['byStaff', 'hasReason', 'hasDecisionNo']), target: 'withdrawn', actions: ['note', 'release'] },
      },
    },
    superseded: { type: 'final' },
    cancelled: { type: 'final' },
    revoked: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type LicenceMachine = typeof licenceMachine;

/** Operations that issue the next version of the licence (it carries the previous identifier). */
export const REISSUING: readonly LicenceOperation[] = ['RENEW', 'AMEND'];

/** The operations a licence in `state` takes (the machine's own events there; guards still judge each). */
export function operationsIn(state: string): LicenceOperation[] {
  const node = licenceMachine.states[state as LicenceState];
  return node ? (node.ownEvents as LicenceOperation[]) : [];
}
