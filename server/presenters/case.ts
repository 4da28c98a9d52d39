import type { CaseRow } from '../../db/repositories/cases';
import type { CaseEventRow } from '../../db/repositories/caseEvents';
import type { WorkCalendar } from '../../workflows/calendar';
import { readClock, type ClockRules } from '../../workflows/clock';
import { ancestorCode } from '../../workflows/levels';
import type { PersistedCase } from '../commands/caseSnapshot';
import { clockOf, promiseClockOf } from '../commands/caseSnapshot';
import { readPromise } from '../../workflows/promiseClock';
import type { PersonalDataView } from '../policies/cases';
import { presentParties } from './parties';

export function maskIdNumber(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  return phone.length < 7 ? phone : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Keeps the region (province, city: the first six characters), hides the street and house. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}

function addressFor(address: string | null, view: PersonalDataView): string | null {
  return address === null || view !== 'masked' ? address : maskAddress(address);
}

export interface PresentOptions {
  personal: PersonalDataView;
  today: string;
  calendar: WorkCalendar;
  rules: ClockRules;
  itemName?: string;
  itemVersion?: number;
}

export function presentCase(c: CaseRow, o: PresentOptions) {
  const snap = c.snapshot as PersistedCase;
  const ctx = snap.context;
  const clock = readClock(clockOf(c), o.today, o.calendar, o.rules);
  const promise = readPromise(promiseClockOf(c), o.today, o.calendar, o.rules);
  // The step's deadline, like the promise's, reads "if resumed today" while paused and ends with the step clock.
  const stepDue = clock.phase === 'stopped' ? null : readPromise(clockOf(c), o.today, o.calendar, o.rules).dueOn;
  return {
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    itemName: o.itemName,
    itemVersion: o.itemVersion,
    state: c.state,
    version: c.version,
    lastSeq: c.lastSeq,
    centreCode: c.centreCode,
    // The delegation deed the case was filed under (a town works the steps it moved, in the delegating body's name).
    ...(c.delegationDeedNo ? { delegationDeedNo: c.delegationDeedNo } : {}),
    step: {
      index: c.stepIndex,
      kind: c.stepKind,
      level: c.currentLevel,
      jurisdictionCode: c.currentJurisdiction,
      department: c.currentDepartment,
      dueOn: stepDue,
      light: clock.light,
    },
    // The one promised completion date (承诺办结日期): what "overdue" means everywhere.
    promise: {
      status: promise.status,
      limitDays: promise.limitDays,
      dueOn: promise.dueOn,
      usedDays: promise.usedDays,
      leftDays: promise.leftDays,
      overdueDays: promise.overdueDays,
      light: promise.light,
      pauseKind: promise.pauseKind,
      provisional: promise.dueOn !== null && o.calendar.isProvisional(promise.dueOn),
    },
    // The map of levels the applicant sees: each step with the jurisdiction it happens in.
    route: ctx.route.map((s, i) => ({
      index: i,
      kind: s.kind,
      level: s.level,
      department: s.department ?? null,
      jurisdictionCode: ancestorCode(c.centreCode, s.level),
      limitDays: s.limitDays,
      ...(s.deedNo ? { deedNo: s.deedNo } : {}),
    })),
    ...presentParties(c, o.personal),
    clock: {
      phase: clock.phase,
      paused: clock.paused,
      pauseKind: clock.pauseKind,
      limitDays: clock.limitDays,
      usedDays: clock.usedDays,
      leftDays: clock.leftDays,
      deadline: clock.deadline,
      light: clock.light,
      provisional: clock.provisional,
    },
    light: clock.light,
    materials: c.materials,
    missingMaterials: ctx.missingMaterials,
    materialsRequested: ctx.materialsRequested,
    extended: ctx.extended,
    special: ctx.special,
    // Returned down and not yet forwarded again (the upper desk's reason); a 督办 awaiting the desk's reply.
    returned: ctx.returned ?? null,
    urge: ctx.urge ?? null,
    escalatedFor: ctx.escalatedFor ?? null,
    decision: ctx.decision,
    licenceNo: ctx.licenceNo,
    // The e-licence (GB/T 36904) an issued case carries; anyone may check it at verifyUrl.
    eLicence: ctx.eLicenceId ? { id: ctx.eLicenceId, verifyUrl: `/verify?code=${encodeURIComponent(ctx.eLicenceId)}` } : null,
    delivery: { ...c.delivery, address: addressFor(c.delivery.address, o.personal) },
    filedAt: c.filedAt,
    acceptedAt: c.acceptedAt,
    decidedAt: c.decidedAt,
    closedAt: c.closedAt,
    updatedAt: c.updatedAt,
  };
}

/** An event of the history; a postal address in its payload (DELIVER, CHOOSE_DELIVERY) is masked as the case's is. */
export function presentEvent(e: CaseEventRow, personal: PersonalDataView) {
  const payload = typeof e.payload?.address === 'string' ? { ...e.payload, address: addressFor(e.payload.address, personal) } : e.payload;
  return {
    seq: e.seq,
    type: e.type,
    fromState: e.fromState,
    toState: e.toState,
    actor: { role: e.actorRole, name: e.actorName },
    level: e.level,
    jurisdictionCode: e.jurisdictionCode,
    opinion: e.opinion,
    payload,
    at: e.createdAt,
  };
}
