import type { Knex } from 'knex';
import { findItemById } from '../../db/repositories/items';
import { decisionDocumentOf, insertPublicityEntry } from '../../db/repositories/publicity/publicityEntries';
import { isPublished, licenceCategory, publicityDueOn, type PublicityDecision } from '../../workflows/publicity';
import type { TransitionResult } from '../commands/planTransition';
import type { AppContext } from '../context';
import { HOLDER_CODE_TYPES } from '../licences/issueELicence';
import { licenceIdentityOf } from '../licences/licenceIdentity';
import { maskIdNumber } from '../presenters/case';
import { maskName } from '../presenters/licences';

const DECISIONS: Partial<Record<string, PublicityDecision>> = { APPROVE: 'approve', DENY: 'deny' };

/**
 * The register entry of a licensing decision, written in the decision's
 * transaction (transitionEffects.ts, after its document), so no published
 * decision exists without its entry. Kept cheap, as group-commit batches run
 * it too: the item version is cached, the document's number is one indexed
 * read of the row just written, the rest comes from the case row (the
 * deciding body's code and the licence identifier are worked out from it, as
 * ISSUE does); one INSERT. A person's name and ID number are masked here,
 * before they are stored: the register never holds them whole.
 */
export async function recordPublicity(ctx: AppContext, trx: Knex.Transaction, { case: row, event }: TransitionResult): Promise<void> {
  const decision = DECISIONS[event.type];
  if (!decision) return;
  const item = await findItemById(trx, row.itemId);
  if (!item || !isPublished(decision, item.type)) return;
  const doc = await decisionDocumentOf(trx, row.id, event.seq, 'approval');
  // recordNotice writes it just before, in this transaction: its absence is a fault, and undoes the decision.
  if (!doc) throw new Error(`no decision document for case ${row.caseNo} #${event.seq}: the register entry cannot name it`);
  const identity = licenceIdentityOf(row);
  const organisation = row.applicantType === 'organisation';
  await insertPublicityEntry(trx, {
    caseId: row.id,
    decision,
    holderType: organisation ? 'organisation' : 'person',
    holderName: organisation ? row.applicantName : maskName(row.applicantName),
    holderCode: organisation ? (row.applicantUscc ?? '') : maskIdNumber(row.applicantIdNumber),
    holderCodeType: organisation ? HOLDER_CODE_TYPES.organisation : HOLDER_CODE_TYPES.person,
    legalRepresentative: organisation ? row.applicantLegalRep : null,
    docTitle: doc.title,
    docNo: doc.docNo,
    category: licenceCategory(item.name),
    licenceName: item.result || item.name,
    content: item.result ? `准予${item.name}，核发${item.result}` : `准予${item.name}`,
    itemCode: item.code,
    itemName: item.name,
    decidedOn: doc.issuedOn,
    issuerName: doc.issuerName,
    issuerCode: identity.issuerCode,
    issuerJurisdiction: identity.issuerJurisdiction,
    issuerDepartment: identity.department,
    // The identifier ISSUE gives the case's e-licence (worked out from the case alone): the register finds it once issued.
    licenceId: identity.licenceId,
    dueOn: publicityDueOn(ctx.calendar, doc.issuedOn),
    createdAt: event.createdAt,
  });
}
