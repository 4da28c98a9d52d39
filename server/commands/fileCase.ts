import { recordNotice } from '../documents/notices/caseNotices';
import crypto from 'node:crypto';
import { initialTransition, transition } from 'xstate';
import { dbTime } from '../../db/connection';
import { caseToRow, insertCase, type CaseRow } from '../../db/repositories/cases';
import type { CaseEventRow } from '../../db/repositories/caseEvents';
import { findCurrentItem } from '../../db/repositories/items';
import { insertNameGrams } from '../../db/repositories/nameGrams';
import { findCentre } from '../../db/repositories/jurisdictions';
import { chinaDate } from '../../workflows/calendar';
import type { DeliveryMode } from '../../workflows/caseEvents';
import { startClock } from '../../workflows/clock';
import { ancestorCode, isCentreLevel } from '../../workflows/levels';
import { deedInForce } from '../../db/repositories/delegations';
import { STATUTORY } from '../../workflows/route';
import { actorName, actorUserId, eventActorOf, type Actor } from '../auth/actor';
import { hashQueryCode, newQueryCode, newSalt } from '../auth/queryCode';
import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { forbidden, notAcceptedHere, notFound } from '../errors';
import { canFileAt } from '../policies/cases';
import { searchHashColumns } from '../search/searchHash';
import { derivedColumns, machineFor, routeForFiling, type PersistedCase } from './caseSnapshot';
import { checkParties, partyColumns, type FilingAgent, type FilingApplicant } from './fileCaseParties';
import { planCommitments, recordCommitments, type FilingCommitment } from '../commitments/fileCommitments';
import { transitionIn, type TransitionResult } from './transitionCase';
import { withRetry, withTimers, writeEvent } from './writeHelpers';

export interface FileCaseProps {
  actor: Actor | null;
  itemCode: string;
  centreCode: string;
  applicant: FilingApplicant;
  agent?: FilingAgent;
  materials: string[];
  delivery: { mode: DeliveryMode; address?: string };
  /** Counter filing (窗口收件): the centre's clerk files and accepts in the same transaction. */
  acceptNow?: boolean;
  /** Written commitments (告知承诺) in place of proofs of the item's proof list: each opens a post-check task. */
  commitments?: FilingCommitment[];
}

export interface FileCaseResult {
  case: CaseRow;
  event: CaseEventRow;
  /** Shown once, to the applicant; only its hash is kept. */
  queryCode: string;
  /** The acceptance of a counter filing, written in the same transaction. */
  accepted?: TransitionResult;
  /** The post-check tasks the commitments opened. */
  postChecks: number[];
}

/** Files a case at a centre: the item must be one that centre's level may accept. */
export async function fileCase(ctx: AppContext, props: FileCaseProps): Promise<FileCaseResult> {
  const result = await withRetry(() => ctx.db.knex.transaction((trx) => fileCaseIn(ctx, trx, props)));
  announceFiled(ctx, result);
  return result;
}

/** After the commit: the publisher hears of the case (and of its acceptance and post-checks). */
export function announceFiled(ctx: AppContext, result: FileCaseResult): void {
  ctx.events.emit('committed', { caseId: result.case.id, caseNo: result.case.caseNo, seq: result.accepted?.event.seq ?? 1 });
  for (const id of result.postChecks) ctx.events.emit('aggregateCommitted', { aggregate: 'postcheck', id, seq: 1 });
}

/**
 * Files a case in the caller's transaction (a project's stage files all its
 * cases in one): the checks, the row, its first event and its receipt; the
 * caller announces it after the commit (announceFiled).
 */
export async function fileCaseIn(ctx: AppContext, trx: Knex.Transaction, props: FileCaseProps): Promise<FileCaseResult> {
  const knex = trx;
  const item = await findCurrentItem(knex, props.itemCode);
  if (!item) throw notFound('Item');
  const centre = await findCentre(knex, props.centreCode);
  if (!centre) throw notFound('Service centre');
  if (!canFileAt(props.actor, centre.code)) throw forbidden('A clerk files cases at their own centre only');
  // A deed in force for the item in the centre's town moves the county's steps in its scope there (and may let the town centre accept it).
  const deed = isCentreLevel(centre.level) ? await deedInForce(knex, item.code, ancestorCode(centre.code, 'town'), chinaDate(ctx.now())) : undefined;
  const acceptedByDeed = centre.level === 'town' && deed?.scope.includes('accept') === true;
  if (!item.acceptLevels.includes(centre.level) && !acceptedByDeed) {
    throw notAcceptedHere(`${item.name} is not accepted at a ${centre.level} centre (accepted at: ${item.acceptLevels.join(', ')})`);
  }
  if (item.linked && isCentreLevel(centre.level) && !centre.acceptsLinked) {
    throw notAcceptedHere(`${centre.name} does not accept linked items`);
  }
  checkParties(item, props);
  const commitments = await planCommitments(knex, item, props.applicant, props.commitments);
  const machine = machineFor(routeForFiling(item, centre.level, deed));
  const submitter = props.actor ?? ({ kind: 'system', name: '网上申报' } as const);
  const [initial] = initialTransition(machine);
  const [after] = transition(machine, initial, { type: 'SUBMIT', actor: eventActorOf(submitter) });
  const persisted: PersistedCase = { value: after.value as PersistedCase['value'], context: after.context };
  const queryCode = newQueryCode();
  const salt = newSalt();

  const result = await (async () => {
      const now = ctx.now();
      const at = dbTime(now);
      const today = chinaDate(now);
      const clock = startClock('acceptance', STATUTORY.materialsNoticeDays, today);
      const rules = { yellowAt: ctx.config.YELLOW_AT };
      const base = {
        caseNo: `T${crypto.randomBytes(10).toString('hex')}`,
        queryCodeHash: hashQueryCode(queryCode, salt),
        queryCodeSalt: salt,
        itemId: item.id,
        itemCode: item.code,
        applicantName: props.applicant.name,
        applicantPhone: props.applicant.phone,
        ...partyColumns(props.applicant, props.agent),
        applicantUserId: props.actor?.kind === 'user' && props.actor.user.role === 'applicant' ? props.actor.user.id : null,
        filedByUserId: actorUserId(submitter),
        centreCode: centre.code,
        centrePath: centre.path,
        version: 1,
        lastSeq: 1,
        materials: props.materials,
        delivery: { mode: props.delivery.mode, address: props.delivery.address ?? null, trackingNo: null },
        filedAt: at,
        acceptedAt: null,
        decidedAt: null,
        closedAt: null,
        updatedAt: at,
        ...(deed ? { delegationDeedNo: deed.deedNo } : {}),
        ...derivedColumns(persisted, centre.code, clock, today, ctx.calendar, rules),
        ...searchHashColumns(ctx.config.SEARCH_HASH_KEY, props), // keyed hashes of the personal numbers staff search by
      } as Omit<CaseRow, 'id'>;
      const id = await insertCase(trx, base);
      await insertNameGrams(trx, [{ caseId: id, names: [base.applicantName, base.applicantLegalRep] }]);
      // Readable aloud: filing date and a running number, e.g. 20261127-000123.
      const caseNo = `${today.replace(/-/g, '')}-${String(id).padStart(6, '0')}`;
      const timers = withTimers({ ...base, id, caseNo }, today, ctx.calendar, ctx.config.ESCALATE_AFTER_RED_DAYS);
      await trx('cases').where({ id }).update(caseToRow({ caseNo, ...timers }));
      const row: CaseRow = { ...base, id, caseNo, ...timers };
      const eventRow = {
        caseId: id,
        seq: 1,
        type: 'SUBMIT',
        fromState: 'submitted',
        toState: persisted.value,
        actorUserId: actorUserId(submitter),
        actorRole: eventActorOf(submitter).role,
        actorName: actorName(submitter),
        level: centre.level,
        jurisdictionCode: centre.code,
        opinion: null,
        payload: { itemCode: item.code, itemVersion: item.version, centreCode: centre.code, materials: props.materials, ...(deed ? { delegation: deed.deedNo } : {}) },
        createdAt: at,
      };
      const start = { kind: 'start', phase: 'acceptance', limitDays: clock.limitDays } as const;
      const event = await writeEvent(trx, row, eventRow, start, { at, prevDesk: null });
      await recordNotice(trx, row, { ...eventRow, seq: 1 }); // the receipt (回执)
      const postChecks = await recordCommitments(ctx, trx, row, item, props.applicant, submitter, commitments, at, today);
      if (!props.acceptNow || !props.actor) return { case: row, event, postChecks };
      const opinion = '窗口收件：申请人证件已核验，当场受理';
      const accepted = await transitionIn(ctx, trx, { caseNo, actor: props.actor, action: { type: 'ACCEPT', opinion } });
      return { case: row, event, accepted, postChecks };
  })();
  return { ...result, queryCode };
}
