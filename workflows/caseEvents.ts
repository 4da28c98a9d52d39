import type { Level } from './levels';

export const ROLES = [
  'applicant',
  'clerk',
  'reviewer',
  'proxy_agent',
  'intermediary',
  'supervisor',
  'admin',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** Who sends an event, as far as the machine needs to know. Jurisdiction is checked by policies. */
export interface EventActor {
  role: Role;
  level: Level | null;
  department: string | null;
}

export const SPECIAL_PROCEDURES = ['hearing', 'expert_review', 'inspection', 'intermediary', 'quarantine'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

export const DELIVERY_MODES = ['pickup', 'post', 'electronic'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

interface Base {
  actor: EventActor;
}

export type CaseEvent =
  | (Base & { type: 'SUBMIT' })
  | (Base & { type: 'ACCEPT'; opinion?: string })
  | (Base & { type: 'REQUEST_MATERIALS'; missing: string[]; opinion?: string })
  | (Base & { type: 'SUPPLY_MATERIALS'; materials: string[] })
  | (Base & { type: 'REFUSE'; reasons: string; rightsNotice: string })
  | (Base & { type: 'FORWARD'; opinion: string })
  | (Base & { type: 'RETURN'; reason: string })
  | (Base & { type: 'START_SPECIAL'; procedure: SpecialProcedure; reason: string })
  | (Base & { type: 'END_SPECIAL'; opinion?: string })
  | (Base & { type: 'EXTEND'; reason: string })
  | (Base & { type: 'APPROVE'; opinion: string })
  | (Base & { type: 'DENY'; reasons: string; rightsNotice: string })
  | (Base & { type: 'ISSUE'; licenceNo: string })
  | (Base & { type: 'DELIVER'; mode: DeliveryMode; trackingNo?: string; address?: string })
  | (Base & { type: 'COMPLETE' })
  | (Base & { type: 'WITHDRAW'; reason?: string })
  /** The applicant changes how the result reaches them, any time before it is delivered. */
  | (Base & { type: 'CHOOSE_DELIVERY'; mode: DeliveryMode; address?: string })
  /** The system's note that a time limit's light changed; sent by the scheduler only. */
  | (Base & { type: 'CLOCK_WARNING'; light: 'yellow' | 'red' });

export type CaseEventType = CaseEvent['type'];

/** The action types a client may send; SUBMIT is sent by filing only. */
export const ACTION_TYPES = [
  'ACCEPT',
  'REQUEST_MATERIALS',
  'SUPPLY_MATERIALS',
  'REFUSE',
  'FORWARD',
  'RETURN',
  'START_SPECIAL',
  'END_SPECIAL',
  'EXTEND',
  'APPROVE',
  'DENY',
  'ISSUE',
  'DELIVER',
  'COMPLETE',
  'WITHDRAW',
  'CHOOSE_DELIVERY',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
