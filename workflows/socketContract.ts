/**
 * The live-status contract between server and client (Socket.IO). Pure types:
 * the server's gateway and the web app both import this one file.
 */
import type { Light } from './clock';
import type { Level } from './levels';

/** Sent to everyone who may see a case, once per committed transition, in seq order. */
export interface CaseUpdated {
  caseNo: string;
  seq: number;
  version: number;
  /** The event type that made the change (ACCEPT, FORWARD, CLOCK_WARNING, …). */
  type: string;
  state: string;
  step: string;
  level: Level;
  jurisdictionCode: string;
  department: string | null;
  light: Light;
  deadline: string | null;
  /** When the transition committed (UTC, `YYYY-MM-DD HH:MM:SS.mmm`). */
  at: string;
  /** True for events sent again from history after a (re)subscription. */
  replay?: boolean;
}

/** A desk's queue changed: a case arrived, left, or changed (e.g. its light). */
export interface QueueChanged {
  desk: string;
  caseNo: string;
  change: 'arrived' | 'left' | 'updated';
  state: string;
  light: Light;
  deadline: string | null;
  seq: number;
}

/** Live counters for a supervisor's subtree. */
export interface StatsChanged {
  scope: string;
  total: number;
  byState: Record<string, number>;
  byLevel: Record<string, number>;
  byLight: Record<string, number>;
  /** filed = all cases; accepted = past acceptance; decided = approved or denied; overdue = red now. */
  counters: { filed: number; accepted: number; decided: number; overdue: number };
  at: string;
}

/**
 * 督办/催办 and escalation, to whoever must answer: an urge (supervisor) or
 * a 催办 (applicant) to the desk at the case's current step; the desk's reply
 * to the supervisors who urged; an escalation to the supervisors of the level
 * above. Sent once, with the case event's seq; the history has it too.
 */
export interface CaseUrged {
  caseNo: string;
  seq: number;
  kind: 'urge' | 'reply' | 'applicant' | 'escalate';
  reason: string | null;
  replyBy: string | null;
  /** Whose attention it asks for: the desk's or the supervisor's level and jurisdiction. */
  level: Level;
  jurisdictionCode: string;
  /** Working days past the promised date (escalations). */
  overdueDays: number | null;
  by: string;
  at: string;
}

export interface SocketError {
  code: string;
  message: string;
}

export type Ack<T> = (res: ({ ok: true } & T) | { ok: false; error: SocketError }) => void;

export interface SubscribeRequest {
  caseNo: string;
  /** For an applicant without an account who did not give it in the handshake. */
  queryCode?: string;
  /** The last seq the client has; every later event is replayed first. 0 for all. */
  sinceSeq: number;
}

/**
 * Sent to a user's sockets just before the server disconnects them because
 * their token no longer stands: password reset, new role or placement, or
 * deactivated. Reconnecting with the same token is refused with INVALID_TOKEN.
 */
export interface AuthRevoked {
  code: 'TOKEN_REVOKED';
  message: string;
}

/** An e-licence's status changed (延续, 变更, 暂扣, 发还, 注销, 撤销, 吊销): sent to its holder and the issuing desk. */
export interface LicenceUpdated {
  licenceId: string;
  /** The operation: RENEW, AMEND, SUSPEND, RESTORE, CANCEL, REVOKE, WITHDRAW. */
  type: string;
  state: string;
  /** The status code (01 有效, 02 暂扣, 03 撤销, 04 注销, 07 吊销, 99 其他: superseded). */
  status: string;
  revision: number;
  seq: number;
  /** The next version's identifier after 延续 or 变更. */
  supersededBy: string | null;
  at: string;
}

/** A post-check (核查) task of a written commitment arrived or changed: sent to the checking desk and the applicant who signed. */
export interface PostCheckUpdated {
  id: number;
  caseNo: string;
  proof: string;
  /** OPEN (the filing made it), CONFIRM, FIND_FALSE or MARK_OVERDUE. */
  type: string;
  state: string;
  overdue: boolean;
  dueOn: string;
  revision: number;
  seq: number;
  at: string;
}

/** A certificate request changed (requested, forwarded, issued, refused, withdrawn): sent to its applicant and the desk(s) of the village and town. No personal data. */
export interface CertificateUpdated {
  id: number;
  /** REQUEST, FORWARD, ISSUE, REFUSE, WITHDRAW. */
  type: string;
  kindCode: string;
  state: string;
  revision: number;
  seq: number;
  at: string;
}

/**
 * The intermediary market (网上中介超市). What goes to the public `market` room is public: an agency's
 * name, state, score and stars; an order's announcement fields and state; a counted rating's marks.
 */
export interface AgencyUpdated {
  id: number;
  name: string;
  /** REGISTER, APPROVE, REJECT, SUSPEND, RESTORE, EXPEL, APPEAL, UPHOLD, OVERTURN, … */
  type: string;
  state: string;
  score: number | null;
  stars: number | null;
  revision: number;
  seq: number;
  at: string;
}

export interface MarketOrderUpdated {
  id: number;
  orderNo: string;
  /** POST, APPROVE, SIGN_UP, SELECT, CONFIRM, DECLINE, … */
  type: string;
  state: string;
  method: string;
  serviceItemCode: string;
  chosenAgencyId: number | null;
  revision: number;
  seq: number;
  at: string;
}

export interface MarketRatingUpdated {
  id: number;
  orderId: number;
  agencyId: number;
  raterKind: string;
  /** RATE, APPROVE, REJECT. */
  type: string;
  status: string;
  /** The agency's score and stars once this rating counts (null while pending or rejected). */
  agencyScore: number | null;
  agencyStars: number | null;
  seq: number;
  at: string;
}

/** An investment project changed: registered, a stage started, held or completed, a wait declared or ended, a clock refreshed. */
export interface ProjectUpdated {
  id: number;
  code: string;
  /** REGISTER, START_STAGE, CASE_DECIDED, HOLD_STAGE, COMPLETE_STAGE, DECLARE_WAIT, END_WAIT, CLOCK, … */
  type: string;
  state: string;
  currentStage: number | null;
  countedDays: number;
  countedWorkingDays: number;
  light: string;
  revision: number;
  seq: number;
  at: string;
}

/** A proxy order (代办) changed: requested, dispatched, accepted, declined, claimed, reported, completed, stopped, renewed, rated. */
export interface ProxyOrderUpdated {
  id: number;
  orderNo: string;
  type: string;
  state: string;
  agentId: number | null;
  projectCode: string | null;
  revision: number;
  seq: number;
  at: string;
}

/** A rectification (整改) of a bad rating opened or changed: sent to the answerable desk, the supervisors above it and the applicant account that rated. No personal data. */
export interface RectificationUpdated {
  id: number;
  caseNo: string;
  /** The rated stage: accept or final. */
  stage: string;
  /** OPEN, VERIFY, CALL_BACK, FIX, EXPLAIN, APPEAL, UPHOLD_APPEAL, REJECT_APPEAL, APPLICANT_RATE, MARK_OVERDUE. */
  type: string;
  state: string;
  overdue: boolean;
  dueOn: string;
  desk: { jurisdictionCode: string; department: string | null };
  revision: number;
  seq: number;
  at: string;
}

export interface ServerToClientEvents {
  'auth:revoked': (e: AuthRevoked) => void;
  'case:updated': (e: CaseUpdated) => void;
  'queue:changed': (e: QueueChanged) => void;
  'stats:changed': (e: StatsChanged) => void;
  'case:urged': (e: CaseUrged) => void;
  'licence:updated': (e: LicenceUpdated) => void;
  'postcheck:updated': (e: PostCheckUpdated) => void;
  'certificate:updated': (e: CertificateUpdated) => void;
  'agency:updated': (e: AgencyUpdated) => void;
  'order:updated': (e: MarketOrderUpdated) => void;
  'rating:updated': (e: MarketRatingUpdated) => void;
  'project:updated': (e: ProjectUpdated) => void;
  'proxy:updated': (e: ProxyOrderUpdated) => void;
  'rectification:updated': (e: RectificationUpdated) => void;
}

export interface ClientToServerEvents {
  'case:subscribe': (req: SubscribeRequest, ack: Ack<{ caseNo: string; lastSeq: number; replayed: number }>) => void;
  'case:unsubscribe': (req: { caseNo?: string }, ack: Ack<{ caseNo: string | null }>) => void;
}

/**
 * What the handshake carries in `auth`: a staff/applicant token, a case number with its query code, or
 * `{ market: true }` for anyone watching the public market (announcements, selections, rankings).
 */
export type HandshakeAuth = { token: string } | { caseNo: string; queryCode: string } | { market: true };

/** The rooms a socket may be in; names are built only by these helpers. */
export const rooms = {
  /** A desk: a centre (village, town) or a department at a jurisdiction. */
  desk: (jurisdictionCode: string, department: string | null) => `desk:${jurisdictionCode}:${department ?? 'centre'}`,
  stats: (jurisdictionCode: string) => `stats:${jurisdictionCode}`,
  /** The supervisors (效能监察) of one jurisdiction: urges answered, cases raised to them. */
  supervision: (jurisdictionCode: string) => `supervision:${jurisdictionCode}`,
  /** Every socket of one logged-in user, so a change to the user reaches them on every process. */
  user: (userId: number) => `user:${userId}`,
  /** The public intermediary market: every socket may listen; only public fields are sent here. */
  market: () => 'market',
};
