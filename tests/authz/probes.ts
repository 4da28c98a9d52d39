import { buildCase, DEMO, fakeUscc } from '../helpers/api';
import { projectBody } from '../helpers/projectFactories';

/** A market agency's registration (入驻) with its own account. */
export function agencyRegistration(username: string) {
  return {
    name: `授权矩阵${username}工程咨询有限公司`,
    uscc: fakeUscc(),
    legalRepresentative: '陈建国',
    contactPhone: '13957700000',
    address: '鹿城区人民路1号',
    jurisdictionCode: DEMO.countyCode,
    areas: [DEMO.countyCode],
    services: ['ZJFW001'],
    qualifications: [{ name: '地质灾害危险性评估资质', level: '乙级', certificateNo: 'DZ-1', issuedBy: '浙江省自然资源厅', expiresOn: '2030-06-30' }],
    staff: [{ name: '林海峰', title: '高级工程师', certificateNo: 'ZY-1' }],
    account: { username, password: 'matrix-1234' },
  };
}
import { DEMO_PASSWORD } from '../../db/seed/users';

/** What a probe points at, for the scope being tried (own, other, missing, closed). */
export interface Target {
  caseNo: string;
  /** An area outside the principal's jurisdiction, or undefined for the own one (the routes' default). */
  area?: string;
  centre: string;
  /** An account the admin may edit (made by the test). */
  userId: number;
  /** An e-licence 温州市 market issued to `applicant` (made by the test). */
  licenceId: string;
  /** A post-check task at 温州市 market of a commitment `applicant` signed (made by the test). */
  postCheckId: number;
  /** A 居住证明 request of `applicant`, waiting at 安澜社区 (made by the test). */
  certificateId: number;
  /** A market agency's registration pending review (made by the test). */
  agencyId: number;
  /** A purchase order of `applicant` open to sign-up, and its (not government-paid) service item (made by the test). */
  marketOrderId: number;
  marketServiceItem: string;
  /** Market (made by the test): a completed order of `applicant` with its three ratings approved, its agency, one approved rating, a closed complaint. */
  market: { orderId: number; agencyId: number; ratingId: number; complaintId: number };
  /** A project of `applicant` at 五马街道 (made by the test); a well-formed code nobody holds for `missing`. */
  projectCode: string;
  /** A proxy order of `applicant` dispatched to `agent`, not yet answered (made by the test). */
  proxyOrderNo: string;
  /** A case of `applicant` accepted and rated 1 for its acceptance, and its rectification at 安澜社区's centre (made by the test). */
  ratings: { caseNo: string; rectificationId: number };
  /** Investment projects of `applicant` at 安澜社区, not started (made by the test): one for every route, one to cancel. */
  projects: { code: string; cancelCode: string };
}

export interface Probe {
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

let made = 0;

const BOUNDARY = 'authzProbeBoundary';
/** A one-page PDF for the material 申请书, as a browser's form would send it. */
const MULTIPART_PDF = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="material"',
  '',
  '申请书',
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="probe.pdf"',
  'Content-Type: application/pdf',
  '',
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
  `--${BOUNDARY}--`,
  '',
].join('\r\n');
const scope = (t: Target) => (t.area ? `?scope=${t.area}` : '');

/** How each route of the matrix (tests/authz/matrix.ts) is tried: a request that succeeds for whoever may make it. */
/** A valid body of each proxy order action (the probes send it with a stale version). */
const PROXY_ACTION_BODIES: Record<string, Record<string, unknown>> = {
  dispatch: {},
  claim: {},
  accept: {},
  decline: { reason: '授权矩阵' },
  report: { reason: '授权矩阵' },
  complete: { reason: '授权矩阵', results: '授权矩阵' },
  stop: { reason: '授权矩阵' },
  renew: { reason: '授权矩阵', days: 30 },
  rate: { rating: 5 },
  cancel: {},
};

export const PROBES: Record<string, (t: Target) => Probe> = {
  'GET /api/proxy-orders/dispatch-rule': () => ({ path: '/api/proxy-orders/dispatch-rule' }),
  'GET /api/proxy-orders/entrustment': () => ({ path: '/api/proxy-orders/entrustment?scope=full' }),
  // A signature over a text that is not the request's: refused before anything is written.
  'POST /api/proxy-orders': () => ({ path: '/api/proxy-orders', body: { scope: 'full', request: '授权矩阵', ownerPhone: '13857700001', signature: { name: '张伟', consent: true, textSha256: '0'.repeat(64) } } }),
  'GET /api/proxy-orders': () => ({ path: '/api/proxy-orders' }),
  'GET /api/proxy-orders/:orderNo': (t) => ({ path: `/api/proxy-orders/${t.proxyOrderNo}` }),
  // Every action with a stale version: whoever passes the policy gets 409 VERSION_CONFLICT, and nothing changes.
  ...Object.fromEntries(
    Object.entries(PROXY_ACTION_BODIES).map(([name, body]) => [`POST /api/proxy-orders/:orderNo/${name}`, (t: Target) => ({ path: `/api/proxy-orders/${t.proxyOrderNo}/${name}`, body: { ...body, expectedVersion: 999 } })]),
  ),
  'GET /api/proxy-agents': () => ({ path: '/api/proxy-agents' }),
  'GET /api/proxy-agents/stats': () => ({ path: '/api/proxy-agents/stats' }),
  'GET /api/transfers': () => ({ path: '/api/transfers?category=survey' }),
  'GET /api/transfers/units': () => ({ path: '/api/transfers/units' }),
  'GET /api/transfers/services': () => ({ path: '/api/transfers/services?category=technical' }),
  'GET /api/transfers/agreements': () => ({ path: '/api/transfers/agreements?unit=ZY002' }),
  'POST /api/transfers/agreements': () => ({ path: '/api/transfers/agreements', body: { agreementNo: 'WZZY-2014-001', unitCode: 'ZY001', functionCode: 'ZNZY-001-01', organisationId: 1, signedOn: '2014-01-07', termFrom: '2014-01-07', termTo: '2016-01-06', amountYuan: 1000, deliverables: ['授权矩阵探测'] } }),
  'GET /api/transfers/organisations': () => ({ path: '/api/transfers/organisations?state=qualified' }),
  'GET /api/transfers/organisations/:id': () => ({ path: '/api/transfers/organisations/1' }),
  'POST /api/transfers/organisations/:id/evaluations': () => ({ path: '/api/transfers/organisations/1/evaluations', body: { year: 2015, score: 80, notes: '授权矩阵探测' } }),
  'GET /api/delegations': () => ({ path: '/api/delegations?town=330381101000' }),
  'GET /api/delegations/towns': () => ({ path: '/api/delegations/towns' }),
  'GET /api/delegations/:deedNo': () => ({ path: `/api/delegations/${encodeURIComponent('瑞市监赋〔2016〕1号')}` }),
  // A health item in a market deed: refused (422) before anything is written.
  'POST /api/delegations': () => ({ path: '/api/delegations', body: { deedNo: '授权矩阵〔2026〕1号', department: 'market', townCode: '330381101000', itemCodes: ['330300-XK-0168'], scope: ['decide'], validFrom: '2026-01-01', validTo: '2027-12-31', publishedOn: '2025-12-20' } }),
  'POST /api/delegations/:deedNo/revoke': () => ({ path: `/api/delegations/${encodeURIComponent('授权矩阵无此文号')}/revoke`, body: { reason: '授权矩阵', revokedOn: '2030-01-01' } }),
  'GET /health': () => ({ path: '/health' }),
  'GET /api/openapi.json': () => ({ path: '/api/openapi.json' }),
  'GET /{*page}': () => ({ path: '/track/authz', headers: { accept: 'text/html' } }),
  'POST /api/auth/login': () => ({ path: '/api/auth/login', body: { username: 'clerk.village', password: DEMO_PASSWORD } }),
  'GET /api/auth/me': () => ({ path: '/api/auth/me' }),
  'GET /api/auth/demo-accounts': () => ({ path: '/api/auth/demo-accounts' }),
  'GET /api/items': () => ({ path: '/api/items?q=药品' }),
  'GET /api/items/:code': () => ({ path: `/api/items/${DEMO.cityItemCode}` }),
  'GET /api/departments': () => ({ path: '/api/departments' }),
  'GET /api/jurisdictions': () => ({ path: `/api/jurisdictions?parent=${DEMO.countyCode}` }),
  'GET /api/jurisdictions/:code': () => ({ path: `/api/jurisdictions/${DEMO.townCode}` }),
  'GET /api/centres': () => ({ path: `/api/centres?under=${DEMO.townCode}` }),
  'GET /api/calendar/years': () => ({ path: '/api/calendar/years' }),
  'POST /api/cases': (t) => ({ path: '/api/cases', body: buildCase({ centreCode: t.centre }) }),
  'POST /api/cases (acceptNow)': (t) => ({ path: '/api/cases', body: buildCase({ centreCode: t.centre, acceptNow: true }) }),
  'GET /api/cases': (t) => ({ path: `/api/cases${scope(t)}` }),
  'GET /api/cases/:caseNo': (t) => ({ path: `/api/cases/${t.caseNo}` }),
  'GET /api/cases/:caseNo/events': (t) => ({ path: `/api/cases/${t.caseNo}/events` }),
  'GET /api/cases/:caseNo/decision': (t) => ({ path: `/api/cases/${t.caseNo}/decision` }),
  'GET /api/cases/:caseNo/rights-notice': (t) => ({ path: `/api/cases/${t.caseNo}/rights-notice` }),
  'GET /api/cases/:caseNo/files': (t) => ({ path: `/api/cases/${t.caseNo}/files` }),
  'GET /api/cases/:caseNo/file-views': (t) => ({ path: `/api/cases/${t.caseNo}/file-views` }),
  'POST /api/cases/:caseNo/files': (t) => ({
    path: `/api/cases/${t.caseNo}/files`,
    raw: MULTIPART_PDF,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  }),
  'POST /api/cases/:caseNo/materials/marks': (t) => ({ path: `/api/cases/${t.caseNo}/materials/marks`, body: { material: '申请书', verdict: 'ok' } }),
  'GET /api/me/files': () => ({ path: '/api/me/files' }),
  'GET /api/files/:fileId/content': () => ({ path: '/api/files/AAAAAAAAAAAAAAAA/content?t=not-a-link-at-all' }),
  'GET /api/cases/:caseNo/documents': (t) => ({ path: `/api/cases/${t.caseNo}/documents` }),
  'GET /api/cases/:caseNo/documents/:docId/pdf': (t) => ({ path: `/api/cases/${t.caseNo}/documents/2147483647/pdf` }),
  'GET /api/licences/verify': () => ({ path: `/api/licences/verify?code=${encodeURIComponent('1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F')}` }),
  'POST /api/licences/verify-file': () => ({
    path: '/api/licences/verify-file',
    raw: MULTIPART_PDF.replace(/--authzProbeBoundary\r\nContent-Disposition: form-data; name="material"\r\n\r\n申请书\r\n/, ''),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  }),
  'GET /.well-known/licence-signing-keys.json': () => ({ path: '/.well-known/licence-signing-keys.json' }),
  'GET /api/publicity': () => ({ path: `/api/publicity?q=${encodeURIComponent('药品')}&jurisdiction=${DEMO.cityCode}` }),
  'GET /api/publicity/export': () => ({ path: '/api/publicity/export?format=json&from=2026-01-01&to=2026-01-31' }),
  'GET /api/me/licences': () => ({ path: '/api/me/licences' }),
  'GET /api/licences/:licenceId': (t) => ({ path: `/api/licences/${encodeURIComponent(t.licenceId)}` }),
  // 发还 of a licence that is not suspended: past the policy, the machine refuses it and nothing changes.
  'POST /api/licences/:licenceId/operations': (t) => ({ path: `/api/licences/${encodeURIComponent(t.licenceId)}/operations`, body: { type: 'RESTORE', reason: '授权矩阵探测' } }),
  'GET /api/desk/licences': () => ({ path: '/api/desk/licences' }),
  'GET /api/desk/post-checks': () => ({ path: '/api/desk/post-checks' }),
  'GET /api/post-checks/:id': (t) => ({ path: `/api/post-checks/${t.postCheckId}` }),
  // A stale revision: past the policy, the version check refuses it and nothing changes.
  'POST /api/post-checks/:id/actions': (t) => ({ path: `/api/post-checks/${t.postCheckId}/actions`, body: { type: 'CONFIRM', reason: '授权矩阵探测', expectedRevision: 999 } }),
  'GET /api/credit-records': () => ({ path: '/api/credit-records' }),
  'POST /api/credit-records/:id/repair': () => ({ path: '/api/credit-records/2147483647/repair', body: { reason: '授权矩阵探测' } }),
  'GET /api/me/commitments': () => ({ path: '/api/me/commitments' }),
  // Investment projects: registration by an applicant account; the project's page; its stage's files (a JSON body: past
  // the policy, the owner is told to send multipart); stage 2 before stage 1 (past the policy, the order refuses it);
  // a wait declared, one ended that does not exist; the second project cancelled.
  'POST /api/projects': () => ({ path: '/api/projects', body: projectBody({ name: '授权矩阵探测项目', jurisdictionCode: '330302006001' }) }),
  'GET /api/projects': () => ({ path: '/api/projects?pageSize=5' }),
  'GET /api/projects/:code': (t) => ({ path: `/api/projects/${t.projects.code}` }),
  'POST /api/projects/:code/stages/:stage/files': (t) => ({ path: `/api/projects/${t.projects.code}/stages/1/files`, body: { material: '申请书' } }),
  'POST /api/projects/:code/stages/:stage/start': (t) => ({ path: `/api/projects/${t.projects.code}/stages/2/start`, body: { description: '授权矩阵探测' } }),
  'POST /api/projects/:code/stages/:stage/refile': (t) => ({ path: `/api/projects/${t.projects.code}/stages/1/refile` }),
  'POST /api/projects/:code/waits': (t) => ({ path: `/api/projects/${t.projects.code}/waits`, body: { kind: 'owner_preparation', note: '授权矩阵探测' } }),
  'POST /api/projects/:code/waits/:id/end': (t) => ({ path: `/api/projects/${t.projects.code}/waits/999999999/end` }),
  // A case number that is not one of the project's: past the policy, the owner learns it is not there.
  'POST /api/projects/:code/cases/:caseNo/actions': (t) => ({ path: `/api/projects/${t.projects.code}/cases/${t.caseNo}/actions`, body: { type: 'WITHDRAW', reason: '授权矩阵探测' } }),
  'POST /api/projects/:code/cancel': (t) => ({ path: `/api/projects/${t.projects.cancelCode}/cancel`, body: { reason: '授权矩阵探测' } }),
  'GET /api/market/agencies': () => ({ path: '/api/market/agencies?onSite=true' }),
  'POST /api/market/agencies': () => ({ path: '/api/market/agencies', body: agencyRegistration(`authz${process.pid % 10000}x${++made}`) }),
  'GET /api/market/my-agency': () => ({ path: '/api/market/my-agency' }),
  'GET /api/market/agencies/:id': (t) => ({ path: `/api/market/agencies/${t.agencyId}` }),
  'POST /api/market/agencies/:id/operations': (t) => ({ path: `/api/market/agencies/${t.agencyId}/operations`, body: { type: 'SUSPEND', reason: '授权矩阵探测' } }),
  'GET /api/market/review': () => ({ path: '/api/market/review' }),
  'GET /api/market/service-items': () => ({ path: '/api/market/service-items?department=resources' }),
  'GET /api/market/service-items/:code': () => ({ path: '/api/market/service-items/ZJFW001' }),
  'POST /api/market/orders/:id/ratings': (t) => ({ path: `/api/market/orders/${t.market.orderId}/ratings`, body: { quality: 5, timeliness: 5, attitude: 5, fees: 5, conduct: 5, comment: '授权矩阵探测' } }),
  'GET /api/market/orders/:id/ratings': (t) => ({ path: `/api/market/orders/${t.market.orderId}/ratings` }),
  'GET /api/market/ratings': () => ({ path: '/api/market/ratings?status=pending' }),
  'POST /api/market/ratings/:id/moderate': (t) => ({ path: `/api/market/ratings/${t.market.ratingId}/moderate`, body: { type: 'APPROVE' } }),
  'POST /api/market/agencies/:id/bad-acts': (t) => ({ path: `/api/market/agencies/${t.market.agencyId}/bad-acts`, body: { kind: 'other', orderId: t.market.orderId, reason: '授权矩阵探测' } }),
  'POST /api/market/orders/:id/complaints': (t) => ({ path: `/api/market/orders/${t.market.orderId}/complaints`, body: { reason: '授权矩阵探测' } }),
  'GET /api/market/complaints': () => ({ path: '/api/market/complaints' }),
  'POST /api/market/complaints/:id/close': (t) => ({ path: `/api/market/complaints/${t.market.complaintId}/close`, body: { outcome: '授权矩阵探测' } }),
  'GET /api/market/rankings': () => ({ path: '/api/market/rankings' }),
  'GET /api/market/credit-records': () => ({ path: '/api/market/credit-records?format=json' }),
  'GET /api/market/supervision': () => ({ path: '/api/market/supervision' }),
  'GET /api/projects/board': () => ({ path: '/api/projects/board' }),
  'GET /api/projects/:code/clock': (t) => ({ path: `/api/projects/${t.projectCode}/clock` }),
  'GET /api/certificate-kinds': () => ({ path: '/api/certificate-kinds' }),
  'POST /api/market/orders': (t) => ({ path: '/api/market/orders', body: { serviceItemCode: t.marketServiceItem, title: '授权矩阵探测', content: '授权矩阵探测订单', budgetMin: 1, budgetMax: 10, method: 'random', signupDeadline: new Date(Date.now() + 24 * 3_600_000).toISOString(), selectionAt: new Date(Date.now() + 25 * 3_600_000).toISOString(), serviceDays: 5 } }),
  'GET /api/market/orders': () => ({ path: '/api/market/orders' }),
  'GET /api/market/centre/orders': () => ({ path: '/api/market/centre/orders' }),
  'GET /api/market/me/orders': () => ({ path: '/api/market/me/orders' }),
  'GET /api/market/orders/:id': (t) => ({ path: `/api/market/orders/${t.marketOrderId}` }),
  'GET /api/market/orders/:id/draw': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/draw` }),
  'POST /api/market/orders/:id/signups': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/signups`, body: {} }),
  'POST /api/market/orders/:id/repost': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/repost`, body: { signupDeadline: new Date(Date.now() + 24 * 3_600_000).toISOString(), selectionAt: new Date(Date.now() + 25 * 3_600_000).toISOString() } }),
  'POST /api/market/orders/:id/actions': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/actions`, body: { type: 'APPROVE' } }),
  'POST /api/market/orders/:id/contract': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/contract`, body: {} }),
  'POST /api/market/orders/:id/result': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/result`, body: {} }),
  'GET /api/market/orders/:id/contract': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/contract` }),
  'GET /api/market/orders/:id/result': (t) => ({ path: `/api/market/orders/${t.marketOrderId}/result` }),
  'GET /api/market/workbench': () => ({ path: '/api/market/workbench' }),
  'POST /api/certificates': () => ({ path: '/api/certificates', body: { kindCode: 'JZZM', villageCode: DEMO.villageCode, purpose: '授权矩阵探测' } }),
  'GET /api/me/certificates': () => ({ path: '/api/me/certificates' }),
  'GET /api/certificates/:id': (t) => ({ path: `/api/certificates/${t.certificateId}` }),
  // FORWARD of a kind the town does not review: past the policy, the machine refuses it and nothing changes.
  'POST /api/certificates/:id/actions': (t) => ({ path: `/api/certificates/${t.certificateId}/actions`, body: { type: 'FORWARD', reason: '授权矩阵探测' } }),
  'GET /api/desk/certificates': () => ({ path: '/api/desk/certificates' }),
  'GET /api/certificates/:id/pdf': (t) => ({ path: `/api/certificates/${t.certificateId}/pdf` }),
  'GET /api/cases/:caseNo/licence': (t) => ({ path: `/api/cases/${t.caseNo}/licence` }),
  'GET /api/cases/:caseNo/licence.pdf': (t) => ({ path: `/api/cases/${t.caseNo}/licence.pdf` }),
  'POST /api/cases/:caseNo/rating': (t) => ({ path: `/api/cases/${t.caseNo}/rating`, body: { stage: 'accept', overall: 5, efficiency: 5, guideAccuracy: 5, convenience: 5, usability: 5 } }),
  'GET /api/cases/:caseNo/ratings': (t) => ({ path: `/api/cases/${t.caseNo}/ratings` }),
  'GET /api/cases/:caseNo/accountability': (t) => ({ path: `/api/cases/${t.caseNo}/accountability` }),
  // Not answered yet: the applicant's rating of the outcome is refused by the machine.
  'POST /api/cases/:caseNo/rectification-rating': (t) => ({ path: `/api/cases/${t.ratings.caseNo}/rectification-rating`, body: { stage: 'accept', score: 5 } }),
  'GET /api/desk/rectifications': () => ({ path: '/api/desk/rectifications' }),
  'GET /api/rectifications/:id': (t) => ({ path: `/api/rectifications/${t.ratings.rectificationId}` }),
  'POST /api/rectifications/:id/actions': (t) => ({ path: `/api/rectifications/${t.ratings.rectificationId}/actions`, body: { type: 'VERIFY', reason: '授权矩阵探测', expectedRevision: 999 } }),
  'GET /api/ratings/supervision': () => ({ path: '/api/ratings/supervision' }),
  'GET /api/ratings/monthly': () => ({ path: '/api/ratings/monthly?pageSize=5' }),
  'GET /api/queue': () => ({ path: '/api/queue?limit=200' }),
  'GET /api/urgings': () => ({ path: '/api/urgings' }),
  'GET /api/desk/handled': () => ({ path: '/api/desk/handled?pageSize=100' }),
  'GET /api/stats/overview': (t) => ({ path: `/api/stats/overview${scope(t)}` }),
  'GET /api/stats/dashboard': (t) => ({ path: `/api/stats/dashboard${scope(t)}` }),
  'POST /api/items/import': () => ({ path: '/api/items/import', raw: '', headers: { 'content-type': 'text/csv' } }),
  'PUT /api/calendar/years/:year': () => ({ path: '/api/calendar/years/2099', body: { days: 'none' } }),
  // A list that is not one passes the role check and changes nothing.
  'PUT /api/items/:code/keywords': () => ({ path: `/api/items/${DEMO.cityItemCode}/keywords`, body: { keywords: '开饭店' } }),
  'GET /api/users': () => ({ path: '/api/users?role=clerk' }),
  'POST /api/users': () => ({
    path: '/api/users',
    body: { username: `authz.${process.pid}.${Date.now()}.${++made}`, displayName: '授权矩阵测试', password: 'matrix-1234', role: 'intermediary', jurisdictionCode: DEMO.cityCode },
  }),
  'PATCH /api/users/:id': (t) => ({ path: `/api/users/${t.userId}`, body: { displayName: `授权矩阵测试 ${++made}` } }),
  // Power lists (docs/powers.md): version 2 is the city's published 2014 list (it takes no change: 409 for the admin);
  // 龙港 keeps no list (404 for the admin); the import without reason and file is refused (400) before anything is read.
  'GET /api/powers': () => ({ path: '/api/powers?level=city' }),
  'GET /api/powers/versions': () => ({ path: '/api/powers/versions' }),
  'GET /api/powers/versions/compare': () => ({ path: '/api/powers/versions/compare?from=1&to=2' }),
  'GET /api/powers/export': () => ({ path: '/api/powers/export?version=2' }),
  'GET /api/powers/:code': () => ({ path: '/api/powers/330300-01-00001' }),
  'POST /api/powers/versions': () => ({ path: '/api/powers/versions', body: { jurisdiction: '330383000000', name: '授权矩阵探测' } }),
  'POST /api/powers/versions/:id/adjustments': () => ({ path: '/api/powers/versions/2/adjustments', body: { kind: 'cut', codes: ['330300-01-00001'], reason: '授权矩阵探测', basis: '授权矩阵探测' } }),
  'POST /api/powers/versions/:id/publish': () => ({ path: '/api/powers/versions/2/publish', body: {} }),
  'POST /api/powers/versions/:id/import': () => ({ path: '/api/powers/versions/2/import', raw: '', headers: { 'content-type': 'text/csv' } }),
};
