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

export const MATERIAL_VERDICTS = ['ok', 'bad'] as const;
export type MaterialVerdict = (typeof MATERIAL_VERDICTS)[number];

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
  /** licenceNo (证照编号) may be typed by the desk; eLicenceId (GB/T 36904) is set by the command, never by the client. */
  | (Base & { type: 'ISSUE'; licenceNo: string; eLicenceId?: string })
  /**
   * trackingNo: for post, an EMS waybill (UPU S10 with its check digit, or 13 digits); signedBy: for pickup,
   * who signed the 送达回证 at the counter (the e-signature click).
   */
  | (Base & { type: 'DELIVER'; mode: DeliveryMode; trackingNo?: string; address?: string; signedBy?: string })
  | (Base & { type: 'COMPLETE' })
  | (Base & { type: 'WITHDRAW'; reason?: string })
  /** The applicant changes how the result reaches them, any time before it is delivered. */
  | (Base & { type: 'CHOOSE_DELIVERY'; mode: DeliveryMode; address?: string })
  /** The system's note that a time limit's light changed; sent by the scheduler only. */
  | (Base & { type: 'CLOCK_WARNING'; light: 'yellow' | 'red' })
  /** The desk at the current step corrects the file (see AMENDABLE_FIELDS) or adds material, with a reason. */
  | (Base & { type: 'AMEND'; reason: string; changes?: Partial<Record<AmendableField, string>>; addMaterials?: string[] })
  /** 督办: a supervisor urges the desk at the current step, with a reason and a reply-by date. */
  | (Base & { type: 'URGE'; reason: string; replyBy: string })
  /** The desk's answer to the supervisor's urging. */
  | (Base & { type: 'URGE_REPLY'; reply: string })
  /** 催办: the applicant of an overdue case asks for it to be done (once per working day). */
  | (Base & { type: 'APPLICANT_URGE'; reason?: string; /** The working day it counts for (set by the command, not the client). */ day?: string })
  /** A material file joins the case (sent by the files route with the stored file's facts; never its name, which may be personal). */
  | (Base & { type: 'ATTACH_FILE'; material: string; fileId: string; mediaType: string; size: number; source: 'upload' | 'reference' })
  /** The accepting desk's verdict on one material: 合格 (ok) or 不合格 (bad, with the reason the 补正 notice will carry). */
  | (Base & { type: 'MARK_MATERIAL'; material: string; verdict: MaterialVerdict; reason?: string })
  /** Sent by the scheduler only: a case red for N working days is raised to the supervisor of the level above. */
  | (Base & { type: 'ESCALATE'; dueOn: string; toLevel: Level; toJurisdiction: string; overdueDays: number });

export type CaseEventType = CaseEvent['type'];

/**
 * What a desk may correct by AMEND: how to reach the applicant (phone) and
 * where the result goes (postal address). Name, ID number, USCC and the item
 * are the application itself: a wrong one is refused and filed again, not
 * edited. Materials are only ever added (addMaterials), never removed.
 */
export const AMENDABLE_FIELDS = ['phone', 'address'] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

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
  'AMEND',
  'URGE',
  'URGE_REPLY',
  'APPLICANT_URGE',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
