import type { ActionType } from '../../workflows/caseEvents';
import type { ClientToServerEvents } from '../../workflows/socketContract';

/**
 * Who may do what: ONE table, read by tests/authz/matrix.test.ts, which fails
 * when a route registered in Express, an action type (ACTION_TYPES) or a
 * client-to-server socket event has no row here. Rules (issue 8, DESIGN.md):
 * a case outside one's role or jurisdiction answers exactly like a missing one
 * (404 CASE_NOT_FOUND); a desk on the case's route acting while the case waits
 * at another desk gets 409; anyone else who may see the case but not act on it
 * gets 403; a closed case takes no action (409); queues list only the caller's
 * own desk; admin routes are the admin's; stats stay in the own jurisdiction.
 */
export const PRINCIPALS = [
  'anonymous', //              no token, no query code
  'queryCode', //              an applicant without an account: case number + X-Query-Code
  'applicant', //              an applicant account (files the test's cases)
  'clerk.village', //          安澜社区 centre
  'clerk.town', //             五马街道 centre
  'clerk.county', //           鹿城区 centre
  'clerk.city', //             温州市 centre
  'clerk.province', //         浙江省 centre
  'reviewer.county', //        鹿城区 market department
  'reviewer.city', //          温州市 market department
  'reviewer.province', //      浙江省 market department (off the test item's route)
  'reviewer.health.county', // 鹿城区 health department (another department)
  'supervisor.county', //      鹿城区
  'supervisor.city', //        温州市
  'admin', //                  温州市
  'agent', //                  proxy_agent, 鹿城区
  'intermediary', //           温州市
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/**
 * The answer expected: 'ok' (any 2xx, or a connected socket / ok ack),
 * 'n/a' (no such target exists: the city and province hold the whole seeded
 * tree, so nothing is outside them), or `status [code]`.
 */
export type Outcome = 'ok' | 'n/a' | `${number}` | `${number} ${string}`;

export const OK = 'ok';
export const NA = 'n/a';
export const U = '401 UNAUTHENTICATED';
export const F = '403 FORBIDDEN';
export const NF = '404 CASE_NOT_FOUND';
export const LNF = '404 LICENCE_NOT_FOUND';
export const PNF = '404 POST_CHECK_NOT_FOUND';
export const CNF = '404 CREDIT_RECORD_NOT_FOUND';
export const CERT_NF = '404 CERTIFICATE_NOT_FOUND';
export const ANF = '404 AGENCY_NOT_FOUND';
export const MO_F = '403 MARKET_OWNER_NOT_ALLOWED';
export const MO_GOV = '403 MARKET_NOT_GOVERNMENT_PAID';
export const MO_C = '409 INVALID_TRANSITION';
export const MF_NF = '404 MARKET_FILE_MISSING';
export const PRJ_NF = '404 PROJECT_NOT_FOUND';
export const PX_NF = '404 PROXY_ORDER_NOT_FOUND';
export const PX_OWN = '403 PROXY_OWNER_ONLY';
const VC = '409 VERSION_CONFLICT';
/** A proxy order action on the matrix's order: who may act (VC), who sees it (403), the rest 404. */
function pxAct(may: { owner?: boolean; dispatcher?: boolean; agent?: boolean }): Grid {
  const o = may.owner ? VC : F;
  const d = may.dispatcher ? VC : F;
  const a = may.agent ? VC : F;
  return g(U, U, o, PX_NF, PX_NF, d, d, d, PX_NF, PX_NF, PX_NF, PX_NF, F, F, F, a, PX_NF);
}
export const RX_NF = '404 RECTIFICATION_NOT_FOUND';
export const PF = '403 PROJECT_NOT_ALLOWED';
export const PNF_P = '404 PROJECT_NOT_FOUND';
/** 409, with whatever code: the case waits elsewhere (INVALID_TRANSITION), or is closed. */
export const C = '409';

/** One cell per principal, in PRINCIPALS order. */
export type Grid = readonly Outcome[];
function g(...cells: Outcome[]): Grid {
  if (cells.length !== PRINCIPALS.length) throw new Error(`a grid needs ${PRINCIPALS.length} cells, got ${cells.length}`);
  return cells;
}

/**
 * Targets: `own` is inside the principal's jurisdiction (the test's case at
 * 安澜社区, filed by `applicant`, whose query code `queryCode` holds; the own
 * area); `other` is outside it (a case, an area or a centre in 瑞安市);
 * `missing` is a case number that does not exist; `closed` a withdrawn case.
 * A row without `other` does not depend on jurisdiction.
 */
export interface Row {
  own: Grid;
  other?: Grid;
  missing?: Grid;
  closed?: Grid;
  /** A check of a 200 answer's content: queues hold only the own desk, lists only the own jurisdiction. */
  content?: 'ownDesk' | 'ownJurisdiction';
}

//                              anon qc  appl c.vil c.town c.cty c.city c.prov r.cty r.city r.prov r.hlth s.cty s.city admin agent inter
const EVERYONE = g(             OK,  OK, OK,  OK,   OK,    OK,   OK,    OK,    OK,   OK,    OK,    OK,    OK,   OK,    OK,   OK,   OK);
const LOGGED_IN = g(            U,   U,  OK,  OK,   OK,    OK,   OK,    OK,    OK,   OK,    OK,    OK,    OK,   OK,    OK,   OK,   OK);
const RATED = '409 ALREADY_RATED';
const COMPLAINT_NF = '404 COMPLAINT_NOT_FOUND';
/** The market centre: the city's supervisor. */
const CENTRE_ONLY = g(U, U, F, F, F, F, F, F, F, F, F, F, F, OK, F, F, F);
const adminOnly = (a: Outcome) => g(U, U, F, F, F, F, F, F, F, F, F, F, F, F, a, F, F);
const READ_CASE = g(            U,   OK, OK,  OK,   OK,    OK,   OK,    OK,    OK,   OK,    NF,    NF,    OK,   OK,    OK,   NF,   NF);
const OTHER_CASE = g(           U,   NF, NF,  NF,   NF,    NF,   NA,    NA,    NF,   NA,    NA,    NF,    NF,   NA,    NA,   NF,   NF);
const MISSING_CASE = g(         U,   NF, NF,  NF,   NF,    NF,   NF,    NF,    NF,   NF,    NF,    NF,    NF,   NF,    NF,   NF,   NF);
const STATS_OWN = g(            U,   U,  F,   F,    F,     F,    F,     F,     F,    F,     F,     F,     OK,   OK,    OK,   F,    F);
const STATS_OTHER = g(          U,   U,  F,   F,    F,     F,    NA,    NA,    F,    NA,    NA,    F,     F,    NA,    NA,   F,    F);

// The desk the case waits at works the step (ok); the other desks on its route get 409; whoever else
// may see it gets 403; whoever may not see it 404. The applicant's own actions: supply, withdraw,
// complete, choose delivery. A closed case: every `ok` below becomes 409 (CLOSED derives it).
//                                     anon qc  appl c.vil c.town c.cty c.city c.prov r.cty r.city r.prov r.hlth s.cty s.city admin agent inter
const AT_VILLAGE = g(                  U,   F,  F,   OK,   C,     F,    F,     F,     C,    C,     NF,    NF,    F,    F,     F,    NF,   NF);
const AT_TOWN = g(                     U,   F,  F,   C,    OK,    F,    F,     F,     C,    C,     NF,    NF,    F,    F,     F,    NF,   NF);
const AT_COUNTY_MARKET = g(            U,   F,  F,   C,    C,     F,    F,     F,     OK,   C,     NF,    NF,    F,    F,     F,    NF,   NF);
const AT_CITY_MARKET = g(              U,   F,  F,   C,    C,     F,    F,     F,     C,    OK,    NF,    NF,    F,    F,     F,    NF,   NF);
const APPLICANT_OR_VILLAGE = g(        U,   OK, OK,  OK,   C,     F,    F,     F,     C,    C,     NF,    NF,    F,    F,     F,    NF,   NF);
const APPLICANT_ONLY = g(              U,   OK, OK,  C,    C,     F,    F,     F,     C,    C,     NF,    NF,    F,    F,     F,    NF,   NF);
const SUPERVISORS = g(                 U,   F,  F,   C,    C,     F,    F,     F,     C,    C,     NF,    NF,    OK,   OK,    F,    NF,   NF);
const APPLICANT_NOT_OVERDUE = g(       U,   C,  C,   C,    C,     F,    F,     F,     C,    C,     NF,    NF,    F,    F,     F,    NF,   NF);

/** Every route as Express registers it ("METHOD /path"). `actions` rows are in ACTIONS below. */
export const REST: Record<string, Row | 'actions'> = {
  'GET /health': { own: EVERYONE },
  'GET /api/openapi.json': { own: EVERYONE },
  'GET /{*page}': { own: EVERYONE }, // the web app's pages
  'POST /api/auth/login': { own: EVERYONE },
  'GET /api/auth/me': { own: LOGGED_IN },
  'GET /api/auth/demo-accounts': { own: EVERYONE },
  'GET /api/items': { own: EVERYONE },
  'GET /api/items/:code': { own: EVERYONE },
  'GET /api/departments': { own: EVERYONE },
  'GET /api/jurisdictions': { own: EVERYONE },
  'GET /api/jurisdictions/:code': { own: EVERYONE },
  'GET /api/centres': { own: EVERYONE },
  'GET /api/calendar/years': { own: EVERYONE },
  // Filing: online without an account, an applicant or proxy agent anywhere; a clerk at the own centre only.
  'POST /api/cases': {
    //      anon qc  appl c.vil c.town c.cty c.city c.prov r.cty r.city r.prov r.hlth s.cty s.city admin agent inter
    own: g(  OK, OK, OK,  OK,   F,     F,    F,     F,     F,    F,     F,     F,     F,    F,     F,    OK,   F),
    other: g(OK, OK, OK,  F,    F,     F,    NA,    NA,    F,    NA,    NA,    F,     F,    NA,    NA,   OK,   F),
  },
  // Counter filing (窗口收件) that accepts in the same step: the centre's own clerk only.
  'POST /api/cases (acceptNow)': {
    //      anon qc  appl c.vil c.town c.cty c.city c.prov r.cty r.city r.prov r.hlth s.cty s.city admin agent inter
    own: g(  F,  F,  F,   OK,   F,     F,    F,     F,     F,    F,     F,     F,     F,    F,     F,    F,    F),
    other: g(F,  F,  F,   F,    F,     F,    NA,    NA,    F,    NA,    NA,    F,     F,    NA,    NA,   F,    F),
  },
  // Search and drill-down: staff within their jurisdiction (reviewers: the cases on their desk's routes), applicants their own.
  'GET /api/cases': {
    own: g(  U,  U,  OK,  OK,   OK,    OK,   OK,    OK,    OK,   OK,    OK,    OK,    OK,   OK,    OK,   F,    F),
    other: g(U,  U,  OK,  F,    F,     F,    NA,    NA,    F,    NA,    NA,    F,     F,    NA,    NA,   F,    F),
    content: 'ownJurisdiction',
  },
  'GET /api/cases/:caseNo': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  'GET /api/cases/:caseNo/events': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  // The written decision: 404 NOT_FOUND for whoever may see the case until one is made (the probe's case has none).
  'GET /api/cases/:caseNo/decision': { own: READ_CASE.map((o) => (o === OK ? '404 NOT_FOUND' : o)), other: OTHER_CASE, missing: MISSING_CASE },
  'GET /api/cases/:caseNo/rights-notice': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  'POST /api/cases/:caseNo/actions': 'actions',
  // Material files (issue 11): the case's readers list them and see who opened them; the applicant and the desk
  // at the step add them (the probe's case waits at the village's acceptance); that desk alone marks them.
  'GET /api/cases/:caseNo/files': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  'GET /api/cases/:caseNo/file-views': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  'POST /api/cases/:caseNo/files': { own: APPLICANT_OR_VILLAGE, other: OTHER_CASE, missing: MISSING_CASE },
  'POST /api/cases/:caseNo/materials/marks': { own: AT_VILLAGE, other: OTHER_CASE, missing: MISSING_CASE },
  // What an applicant account already holds, to attach by reference.
  'GET /api/me/files': { own: g(U, U, OK, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  // A file's bytes answer to the link alone (tests/integration/caseFiles.test.ts): a probe without one gets 410 from anybody.
  'GET /api/files/:fileId/content': { own: EVERYONE.map(() => '410 FILE_LINK_EXPIRED') },
  // Official documents: whoever may see the case (the probe asks for a document number never given: 404 to the case's readers;
  // tests/integration/caseDocuments.test.ts downloads real ones).
  'GET /api/cases/:caseNo/documents': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  'GET /api/cases/:caseNo/documents/:docId/pdf': { own: READ_CASE.map((o) => (o === OK ? '404 NOT_FOUND' : o)), other: OTHER_CASE, missing: MISSING_CASE },
  // E-licences: anyone checks one (by code, or a PDF); the holder lists theirs; the case's readers get its licence (404 until issued).
  'GET /api/licences/verify': { own: EVERYONE },
  'POST /api/licences/verify-file': { own: EVERYONE },
  'GET /.well-known/licence-signing-keys.json': { own: EVERYONE },
  // The public register of licensing decisions (双公示): anyone searches it and exports it, no log-in.
  'GET /api/publicity': { own: EVERYONE },
  'GET /api/publicity/export': { own: EVERYONE },
  'GET /api/me/licences': { own: g(U, U, OK, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  // A licence's record: its holder, the issuing desk (温州市 market), supervisors and admins above it; nobody else learns it exists.
  // Its status operations: the issuing desk alone (the probe's 发还 of a valid licence is refused by the machine: 409).
  'GET /api/licences/:licenceId': { own: g(U, U, OK, LNF, LNF, LNF, LNF, LNF, LNF, OK, LNF, LNF, LNF, OK, OK, LNF, LNF) },
  'POST /api/licences/:licenceId/operations': { own: g(U, U, F, LNF, LNF, LNF, LNF, LNF, LNF, '409 INVALID_TRANSITION', LNF, LNF, LNF, F, F, LNF, LNF) },
  // The issued-licence list: reviewers (their own desk's) and supervisors (their area's).
  'GET /api/desk/licences': { own: g(U, U, F, F, F, F, F, F, OK, OK, OK, OK, OK, OK, F, F, F) },
  // 告知承诺: a post-check task at 温州市 market (the demo city item's deciding desk) of a commitment `applicant` signed.
  // The desk lists and works it (the probe's stale revision: 409); the applicant and supervisors/admins above see it.
  'GET /api/desk/post-checks': { own: g(U, U, F, F, F, F, F, F, OK, OK, OK, OK, OK, OK, F, F, F) },
  'GET /api/post-checks/:id': { own: g(U, U, OK, PNF, PNF, PNF, PNF, PNF, PNF, OK, PNF, PNF, PNF, OK, OK, PNF, PNF) },
  'POST /api/post-checks/:id/actions': { own: g(U, U, F, PNF, PNF, PNF, PNF, PNF, PNF, '409 VERSION_CONFLICT', PNF, PNF, PNF, F, F, PNF, PNF) },
  // Credit records: departments' reviewers, supervisors and admins list; repair (the probe's record does not exist) is the recording desk's or an admin's.
  'GET /api/credit-records': { own: g(U, U, F, F, F, F, F, F, OK, OK, OK, OK, OK, OK, OK, F, F) },
  'POST /api/credit-records/:id/repair': { own: g(U, U, F, F, F, F, F, F, CNF, CNF, CNF, CNF, F, F, CNF, F, F) },
  'GET /api/me/commitments': { own: g(U, U, OK, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  // Online certificates: the catalogue is public; an applicant account asks (others: 403); the request (a 居住证明 of
  // `applicant` waiting at 安澜社区) is seen by its applicant, the village centre and supervisors and admins above;
  // nobody else learns it exists. Its actions: the village clerk's FORWARD of a kind the town does not review is
  // refused by the machine (409); the applicant and those above may see but not act (403). The queue is the
  // village and town centres' clerks'. The PDF of a request not issued: 409 for whoever may see it.
  // The market's agencies (issue 12 part A): lists, profiles and service items are public; registration (入驻) is a public
  // form (it makes its own account); the target is a registration pending review, seen only by the city centre's
  // supervisors (and its own account): others get AGENCY_NOT_FOUND; the centre's SUSPEND of a pending one is 409.
  'GET /api/market/agencies': { own: EVERYONE },
  'POST /api/market/agencies': { own: EVERYONE },
  'GET /api/market/my-agency': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, F, F, F, F, OK) },
  'GET /api/market/agencies/:id': { own: g(ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, OK, ANF, ANF, ANF) },
  'POST /api/market/agencies/:id/operations': { own: g(U, U, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, ANF, '409 INVALID_TRANSITION', ANF, ANF, ANF) },
  'GET /api/market/review': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, F, OK, F, F, F) },
  'GET /api/market/service-items': { own: EVERYONE },
  'GET /api/market/service-items/:code': { own: EVERYONE },
  'GET /api/certificate-kinds': { own: EVERYONE },
  'POST /api/certificates': { own: g(U, U, OK, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  'GET /api/me/certificates': { own: g(U, U, OK, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  'GET /api/certificates/:id': { own: g(U, U, OK, OK, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, OK, OK, OK, CERT_NF, CERT_NF) },
  'POST /api/certificates/:id/actions': { own: g(U, U, F, '409 INVALID_TRANSITION', CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, F, F, F, CERT_NF, CERT_NF) },
  'GET /api/desk/certificates': { own: g(U, U, F, OK, OK, F, F, F, F, F, F, F, F, F, F, F, F) },
  'GET /api/certificates/:id/pdf': { own: g(U, U, '409 CERTIFICATE_NOT_ISSUED', '409 CERTIFICATE_NOT_ISSUED', CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, CERT_NF, '409 CERTIFICATE_NOT_ISSUED', '409 CERTIFICATE_NOT_ISSUED', '409 CERTIFICATE_NOT_ISSUED', CERT_NF, CERT_NF) },
  // The market's ratings (docs/market-ratings.md), on a completed order of `applicant` in 鹿城区 (service item of the
  // market department) that already has its three ratings, approved: a rater gets 409 ALREADY_RATED, an agency
  // 403 AGENCY_CANNOT_RATE; moderation of an approved rating is the city centre's (409 INVALID_TRANSITION); a
  // closed complaint: the centre 409, its owner 403, nobody else learns of it.
  //                                             anon qc  appl   c.vil c.town c.cty c.city c.prov r.cty  r.city r.prov r.hlth s.cty s.city admin agent inter
  'POST /api/market/orders/:id/ratings': { own: g(U, U, RATED, F, F, F, F, F, RATED, RATED, RATED, F, F, RATED, F, F, '403 AGENCY_CANNOT_RATE') },
  'GET /api/market/orders/:id/ratings': { own: EVERYONE },
  'GET /api/market/ratings': { own: CENTRE_ONLY },
  'POST /api/market/ratings/:id/moderate': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, '404 RATING_NOT_FOUND', C, F, F, F) },
  'POST /api/market/agencies/:id/bad-acts': { own: g(U, U, F, F, F, F, F, F, OK, OK, OK, F, F, OK, F, F, F) },
  'POST /api/market/orders/:id/complaints': { own: g(U, U, OK, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  'GET /api/market/complaints': { own: g(U, U, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, F) },
  'POST /api/market/complaints/:id/close': { own: g(U, U, F, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF, C, COMPLAINT_NF, COMPLAINT_NF, COMPLAINT_NF) },
  'GET /api/market/rankings': { own: EVERYONE },
  'GET /api/market/credit-records': { own: EVERYONE },
  'GET /api/market/supervision': { own: CENTRE_ONLY },
  // Investment projects' clocks (docs/project-clocks.md): the board is the supervisors' and admins'; a project's clock
  // (the probe's project: `applicant`'s, at 五马街道) its owner's and the staff's whose jurisdiction holds it (the
  // village below it does not); an agent not acting for the owner and others answer as for an unknown code.
  'GET /api/projects/board': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, OK, OK, OK, F, F) },
  'GET /api/projects/:code/clock': {
    own: g(U, U, OK, PRJ_NF, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, PRJ_NF, PRJ_NF),
    missing: g(U, U, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF, PRJ_NF),
  },
  'GET /api/cases/:caseNo/licence': { own: READ_CASE.map((o) => (o === OK ? '404 NOT_FOUND' : o)), other: OTHER_CASE, missing: MISSING_CASE },
  'GET /api/cases/:caseNo/licence.pdf': { own: READ_CASE.map((o) => (o === OK ? '404 NOT_FOUND' : o)), other: OTHER_CASE, missing: MISSING_CASE },
  // Purchase orders of the intermediary market: the probe's order (posted by `applicant` for 鹿城区, approved by the
  // 温州市 centre, open to sign-up) is public; anyone reads it, its draw and the list. Posting: an applicant account;
  // a department only for a government-paid item (the probe's is not); others 403. The centre (county/city/province
  // clerks, supervisors above) acts on it: APPROVE of an order already open is refused by the machine (409); the
  // rest may see but not act (403). Sign-up, the workbench and uploads are an agency's: the demo `intermediary` runs a
  // listed agency, which passes the policy and reaches the market's rules (it does not offer the probe's test service
  // item: 422). The files: owner and centre (none yet: 404), others 403.
  // Free proxy orders (docs/proxy-orders.md), on an order of `applicant` (鹿城区) dispatched to `agent`: the owner, the
  // dispatching centres (county/city/province clerks above it), supervisors above it, the admin and the agent see it;
  // everyone else 404. A report before acceptance: the agent reaches the machine (409); others who see it 403.
  // Asking (and reading the entrustment) is an applicant's; the applicant's probe signs a text that is not the
  // request's (409 PROXY_ENTRUSTMENT_CHANGED). Figures per agent are the supervisors'.
  //                                               anon qc  appl c.vil c.town c.cty c.city c.prov r.cty r.city r.prov r.hlth s.cty s.city admin agent inter
  'GET /api/proxy-orders/dispatch-rule': { own: EVERYONE },
  'GET /api/proxy-orders/entrustment': { own: g(U, U, OK, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN) },
  'POST /api/proxy-orders': { own: g(U, U, '409 PROXY_ENTRUSTMENT_CHANGED', PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN, PX_OWN) },
  'GET /api/proxy-orders': { own: g(U, U, OK, F, F, OK, OK, OK, F, F, F, F, OK, OK, OK, OK, F) },
  'GET /api/proxy-orders/:orderNo': { own: g(U, U, OK, PX_NF, PX_NF, OK, OK, OK, PX_NF, PX_NF, PX_NF, PX_NF, OK, OK, OK, OK, PX_NF) },
  // Actions, probed with a stale version: who passes the policy gets 409 VERSION_CONFLICT; who sees the order 403.
  'POST /api/proxy-orders/:orderNo/dispatch': { own: pxAct({ dispatcher: true }) },
  'POST /api/proxy-orders/:orderNo/claim': { own: pxAct({ agent: true }) },
  'POST /api/proxy-orders/:orderNo/accept': { own: pxAct({ agent: true }) },
  'POST /api/proxy-orders/:orderNo/decline': { own: pxAct({ agent: true }) },
  'POST /api/proxy-orders/:orderNo/report': { own: pxAct({ agent: true }) },
  'POST /api/proxy-orders/:orderNo/complete': { own: pxAct({ agent: true }) },
  'POST /api/proxy-orders/:orderNo/stop': { own: pxAct({ agent: true, owner: true, dispatcher: true }) },
  'POST /api/proxy-orders/:orderNo/renew': { own: pxAct({ owner: true }) },
  'POST /api/proxy-orders/:orderNo/rate': { own: pxAct({ owner: true }) },
  'POST /api/proxy-orders/:orderNo/cancel': { own: pxAct({ owner: true }) },
  'GET /api/proxy-agents': { own: EVERYONE },
  'GET /api/proxy-agents/stats': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, OK, OK, OK, F, F) },
  // The function-transfer list (docs/transfers.md): public to read; the administrator records (the probes pass the policy
  // and are refused by the command: a taken agreement number, a year already evaluated; nothing changes).
  'GET /api/transfers': { own: EVERYONE },
  'GET /api/transfers/units': { own: EVERYONE },
  'GET /api/transfers/services': { own: EVERYONE },
  'GET /api/transfers/agreements': { own: EVERYONE },
  'POST /api/transfers/agreements': { own: adminOnly('409 TRANSFER_AGREEMENT_NO_TAKEN') },
  'GET /api/transfers/organisations': { own: EVERYONE },
  'GET /api/transfers/organisations/:id': { own: EVERYONE },
  'POST /api/transfers/organisations/:id/evaluations': { own: adminOnly('409 TRANSFER_ALREADY_EVALUATED') },
  // Delegation deeds (docs/delegations.md): published to everyone; recorded and revoked by the admin (probed with a refused deed / a missing one).
  'GET /api/delegations': { own: EVERYONE },
  'GET /api/delegations/towns': { own: EVERYONE },
  'GET /api/delegations/:deedNo': { own: EVERYONE },
  'POST /api/delegations': { own: adminOnly('422 DELEGATION_INVALID') },
  'POST /api/delegations/:deedNo/revoke': { own: adminOnly('404 DELEGATION_NOT_FOUND') },
  'POST /api/market/orders': { own: g(U, U, OK, MO_F, MO_F, MO_F, MO_F, MO_F, MO_GOV, MO_GOV, MO_GOV, MO_GOV, MO_F, MO_F, MO_F, MO_F, MO_F) },
  'GET /api/market/orders': { own: EVERYONE },
  'GET /api/market/centre/orders': { own: g(U, U, F, F, F, OK, OK, OK, F, F, F, F, OK, OK, F, F, F) },
  'GET /api/market/me/orders': { own: g(U, U, OK, F, F, F, F, F, OK, OK, OK, OK, F, F, F, F, F) },
  'GET /api/market/orders/:id': { own: EVERYONE },
  'GET /api/market/orders/:id/draw': { own: EVERYONE },
  'POST /api/market/orders/:id/signups': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, F, F, F, F, '422 MARKET_SERVICE_NOT_OFFERED') },
  'POST /api/market/orders/:id/repost': { own: g(U, U, '409 INVALID_TRANSITION', F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  'POST /api/market/orders/:id/actions': { own: g(U, U, F, F, F, MO_C, MO_C, MO_C, F, F, F, F, MO_C, MO_C, F, F, F) },
  'POST /api/market/orders/:id/contract': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  'POST /api/market/orders/:id/result': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F) },
  'GET /api/market/orders/:id/contract': { own: g(U, U, MF_NF, F, F, MF_NF, MF_NF, MF_NF, F, F, F, F, MF_NF, MF_NF, F, F, F) },
  'GET /api/market/orders/:id/result': { own: g(U, U, MF_NF, F, F, MF_NF, MF_NF, MF_NF, F, F, F, F, MF_NF, MF_NF, F, F, F) },
  'GET /api/market/workbench': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, F, F, F, F, OK) },
  // Investment projects (docs/projects.md), on a project `applicant` registered at 安澜社区: the owner acts; staff whose
  // jurisdiction holds it see it and may not act (403); the agent (acting for nobody here) and the agency learn nothing (404).
  'POST /api/projects': { own: g(U, U, OK, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF) },
  'GET /api/projects': { own: LOGGED_IN },
  'GET /api/projects/:code': { own: g(U, U, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, PNF_P, PNF_P) },
  'POST /api/projects/:code/stages/:stage/files': { own: g(U, U, '400 BAD_REQUEST', PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  'POST /api/projects/:code/stages/:stage/start': { own: g(U, U, '409 PROJECT_STAGE_ORDER', PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  'POST /api/projects/:code/stages/:stage/refile': { own: g(U, U, '409 PROJECT_STAGE_ORDER', PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  'POST /api/projects/:code/waits': { own: g(U, U, OK, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  'POST /api/projects/:code/waits/:id/end': { own: g(U, U, '404 PROJECT_WAIT_NOT_FOUND', PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  'POST /api/projects/:code/cases/:caseNo/actions': { own: g(U, U, NF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  'POST /api/projects/:code/cancel': { own: g(U, U, OK, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PF, PNF_P, PNF_P) },
  // 好差评 (docs/ratings.md): the probe's case (at acceptance) cannot be rated yet: its applicant gets 409; staff who see it
  // 403 (staff never rate); the rectification (ratingsFixtures: a bad acceptance rating at 安澜社区's centre) is the village
  // desk's (a stale revision: 409), seen by the applicant account and supervisors/admins above it; the monthly results are public.
  'POST /api/cases/:caseNo/rating': { own: READ_CASE.map((o, i) => (i === 1 || i === 2 ? '409 RATING_STAGE_NOT_REACHED' : o === OK ? '403 RATING_APPLICANT_ONLY' : o)), other: OTHER_CASE, missing: MISSING_CASE },
  'GET /api/cases/:caseNo/ratings': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  // 问责 (docs/powers.md): whoever may see the case, but only its supervisors and administrators read it.
  'GET /api/cases/:caseNo/accountability': { own: READ_CASE.map((o, i) => (o === OK && i < 12 ? F : o)), other: OTHER_CASE, missing: MISSING_CASE },
  'POST /api/cases/:caseNo/rectification-rating': { own: READ_CASE.map((o, i) => (i === 1 ? NF : i === 2 ? '409 INVALID_TRANSITION' : o === OK ? '403 RATING_APPLICANT_ONLY' : o)) },
  'GET /api/desk/rectifications': { own: g(U, U, F, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, F, F, F) },
  'GET /api/rectifications/:id': { own: g(U, U, OK, OK, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, OK, OK, OK, RX_NF, RX_NF) },
  'POST /api/rectifications/:id/actions': { own: g(U, U, F, VC, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, RX_NF, F, F, F, RX_NF, RX_NF) },
  'GET /api/ratings/supervision': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, OK, OK, F, F, F) },
  'GET /api/ratings/monthly': { own: EVERYONE },
  'GET /api/queue': {
    own: g(  U,  U,  F,   OK,   OK,    OK,   OK,    OK,    OK,   OK,    OK,    OK,    F,    F,     F,    F,    F),
    content: 'ownDesk',
  },
  // 已办: what the caller's own desk acted on.
  'GET /api/desk/handled': {
    own: g(  U,  U,  F,   OK,   OK,    OK,   OK,    OK,    OK,   OK,    OK,    OK,    F,    F,     F,    F,    F),
    content: 'ownJurisdiction',
  },
  'GET /api/stats/overview': { own: STATS_OWN, other: STATS_OTHER },
  // Cases raised to the supervisor's own jurisdiction (督办 escalations); nobody else has such a list.
  'GET /api/urgings': { own: g(U, U, F, F, F, F, F, F, F, F, F, F, OK, OK, F, F, F) },
  'GET /api/stats/dashboard': { own: STATS_OWN, other: STATS_OTHER },
  // The admin's probes: a CSV-less import (400) and a bad calendar (422) pass the role check and change nothing.
  'POST /api/items/import': { own: adminOnly('400 BAD_REQUEST') },
  'PUT /api/calendar/years/:year': { own: adminOnly('422 VALIDATION_FAILED') },
  'PUT /api/items/:code/keywords': { own: adminOnly('422 VALIDATION_FAILED') },
  'GET /api/users': { own: adminOnly(OK) },
  'POST /api/users': { own: adminOnly(OK) },
  'PATCH /api/users/:id': { own: adminOnly(OK) },
  // Power lists (docs/powers.md): public reading; keeping them is the administrator's (probes change nothing).
  'GET /api/powers': { own: EVERYONE },
  'GET /api/powers/versions': { own: EVERYONE },
  'GET /api/powers/versions/compare': { own: EVERYONE },
  'GET /api/powers/:code': { own: EVERYONE },
  'GET /api/powers/export': { own: adminOnly(OK) },
  'POST /api/powers/versions': { own: adminOnly('404 POWER_LIST_NOT_FOUND') },
  'POST /api/powers/versions/:id/adjustments': { own: adminOnly('409 INVALID_TRANSITION') },
  'POST /api/powers/versions/:id/publish': { own: adminOnly('409 INVALID_TRANSITION') },
  'POST /api/powers/versions/:id/import': { own: adminOnly('400 BAD_REQUEST') },
};

/**
 * Where a case stands when an action is tried: each is reached from filing at
 * 安澜社区 (village → town → 鹿城区 market → 温州市 market decides and issues →
 * delivered back at the village); tests/authz/fixtures.ts drives it there.
 */
export type Stage = 'acceptance' | 'awaitingMaterials' | 'townReview' | 'countyReview' | 'countySpecial' | 'cityDecision' | 'approved' | 'issued' | 'delivered' | 'countyUrged';

export interface ActionRow {
  stage: Stage;
  body: Record<string, unknown>;
  own: Grid;
}


export const ACTIONS: Record<ActionType, ActionRow> = {
  ACCEPT: { stage: 'acceptance', body: { opinion: '材料齐全，予以受理' }, own: AT_VILLAGE },
  REQUEST_MATERIALS: { stage: 'acceptance', body: { missing: ['身份证复印件'] }, own: AT_VILLAGE },
  SUPPLY_MATERIALS: { stage: 'awaitingMaterials', body: { materials: ['身份证复印件'] }, own: APPLICANT_OR_VILLAGE },
  REFUSE: { stage: 'acceptance', body: { reasons: '不属于受理范围', rightsNotice: '可申请行政复议或提起行政诉讼' }, own: AT_VILLAGE },
  FORWARD: { stage: 'townReview', body: { opinion: '初审同意' }, own: AT_TOWN },
  RETURN: { stage: 'countyReview', body: { reason: '请补充现场核查意见' }, own: AT_COUNTY_MARKET },
  START_SPECIAL: { stage: 'countyReview', body: { procedure: 'inspection', reason: '现场核查' }, own: AT_COUNTY_MARKET },
  END_SPECIAL: { stage: 'countySpecial', body: { opinion: '核查完毕' }, own: AT_COUNTY_MARKET },
  EXTEND: { stage: 'cityDecision', body: { reason: '情况复杂' }, own: AT_CITY_MARKET },
  APPROVE: { stage: 'cityDecision', body: { opinion: '准予许可' }, own: AT_CITY_MARKET },
  DENY: { stage: 'cityDecision', body: { reasons: '不符合法定条件', rightsNotice: '可申请行政复议或提起行政诉讼' }, own: AT_CITY_MARKET },
  ISSUE: { stage: 'approved', body: { licenceNo: 'YP-AUTHZ-0001' }, own: AT_CITY_MARKET },
  DELIVER: { stage: 'issued', body: { mode: 'pickup', signedBy: '张小明' }, own: AT_VILLAGE },
  COMPLETE: { stage: 'delivered', body: {}, own: APPLICANT_OR_VILLAGE },
  WITHDRAW: { stage: 'acceptance', body: { reason: '不再需要' }, own: APPLICANT_ONLY },
  CHOOSE_DELIVERY: { stage: 'acceptance', body: { mode: 'electronic' }, own: APPLICANT_ONLY },
  AMEND: { stage: 'countyReview', body: { reason: '补充现场照片', addMaterials: ['现场照片'] }, own: AT_COUNTY_MARKET },
  // 督办: the supervisors of the case's jurisdiction; the desks on the route get 409 (the machine takes it from supervisors only).
  URGE: { stage: 'countyReview', body: { reason: '请加快办理', replyBy: '2099-12-31' }, own: SUPERVISORS },
  URGE_REPLY: { stage: 'countyUrged', body: { reply: '已加快办理' }, own: AT_COUNTY_MARKET },
  // 催办 needs a case past its promise (tests/integration/returnsAndUrging.test.ts): a fresh case answers the
  // applicant and the desk at the step 409 NOT_OVERDUE; everybody else as for any action.
  APPLICANT_URGE: { stage: 'countyReview', body: { reason: '请尽快办理' }, own: APPLICANT_NOT_OVERDUE },
};

/** Every action on a case outside the jurisdiction, or on no case at all. */
export const ACTION_OTHER = OTHER_CASE;
export const ACTION_MISSING = MISSING_CASE;
/** A closed case takes no action: who could act gets 409, everybody else what they got before. */
export const CLOSED = (own: Grid): Grid => own.map((o) => (o === OK ? C : o));

/** The socket side: the handshake, and every client-to-server event of workflows/socketContract.ts. */
export const SOCKET: Record<'handshake' | keyof ClientToServerEvents, Row> = {
  handshake: {
    //        anon qc  appl c.vil c.town c.cty c.city c.prov r.cty r.city r.prov r.hlth s.cty s.city admin agent inter
    own: g(   U,   OK, OK,  OK,   OK,    OK,   OK,    OK,    OK,   OK,    OK,    OK,    OK,   OK,    OK,   OK,   OK),
    other: g( NA,  NF, NA,  NA,   NA,    NA,   NA,    NA,    NA,   NA,    NA,    NA,    NA,   NA,    NA,   NA,   NA),
    missing: g(NA, NF, NA,  NA,   NA,    NA,   NA,    NA,    NA,   NA,    NA,    NA,    NA,   NA,    NA,   NA,   NA),
  },
  'case:subscribe': { own: READ_CASE, other: OTHER_CASE, missing: MISSING_CASE },
  'case:unsubscribe': { own: LOGGED_IN.map((o, i) => (i === 1 ? OK : o)) },
};

/** The rooms a connected socket is put in besides its own id: its desk, its supervisor's counters, its user's room. */
export interface RoomSpec {
  desk?: 'centre' | 'department';
  stats?: boolean;
  /** The supervisors' room of their jurisdiction: urges answered, cases raised to them (case:urged). */
  supervision?: boolean;
  user?: boolean;
}
const CENTRE_DESK: RoomSpec = { desk: 'centre', user: true };
const DEPT_DESK: RoomSpec = { desk: 'department', user: true };
const COUNTERS: RoomSpec = { stats: true, user: true };
const SUPERVISION: RoomSpec = { ...COUNTERS, supervision: true };
export const ROOMS: Record<Principal, RoomSpec> = {
  anonymous: {}, // never connects
  queryCode: {}, // follows its case by subscription only
  applicant: { user: true },
  'clerk.village': CENTRE_DESK,
  'clerk.town': CENTRE_DESK,
  'clerk.county': CENTRE_DESK,
  'clerk.city': CENTRE_DESK,
  'clerk.province': CENTRE_DESK,
  'reviewer.county': DEPT_DESK,
  'reviewer.city': DEPT_DESK,
  'reviewer.province': DEPT_DESK,
  'reviewer.health.county': DEPT_DESK,
  'supervisor.county': SUPERVISION,
  'supervisor.city': SUPERVISION,
  admin: COUNTERS,
  agent: { user: true },
  intermediary: { user: true },
};
