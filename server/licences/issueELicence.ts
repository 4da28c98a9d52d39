import type { Knex } from 'knex';
import { findItemById } from '../../db/repositories/items';
import { insertELicence, type ELicenceRow } from '../../db/repositories/licences/eLicences';
import { decidingBody } from '../../workflows/rightsNotice';
import { STATUS_OF_STATE, type LicenceContext } from '../../workflows/licenceMachine';
import type { AppContext } from '../context';
import { decidingBodyOf } from '../documents/decisionDocument';
import { chinaDay } from '../documents/notices/noticeContext';
import { signRecord } from '../documents/signedRecord';
import { notFound } from '../errors';
import type { TransitionResult } from '../commands/planTransition';
import { licenceIdentityOf } from './licenceIdentity';

/** GB/T 36903 代码类型: 111 公民身份号码; 001 统一社会信用代码. */
export const HOLDER_CODE_TYPES = { person: '111', organisation: '001' } as const;

/** The valid-until date: `years` on from the issue date, less a day. */
export function validUntil(issuedOn: string, years: number): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** What the signature covers: the licence's directory data, never its status (which changes). */
export type LicenceData = ReturnType<typeof licenceDataOf>;

type MachineColumns = 'state' | 'machineContext' | 'rowVersion' | 'lastSeq' | 'statusNote' | 'statusChangedAt' | 'supersededBy' | 'issuerDepartment';

export function licenceDataOf(l: Omit<ELicenceRow, 'id' | 'canonical' | 'signature' | 'keyId' | 'pdfSha256' | 'pdfSize' | 'createdAt' | 'status' | 'holderUserId' | MachineColumns>) {
  return {
    licenceId: l.licenceId,
    licenceNo: l.licenceNo,
    name: l.name,
    type: { code: l.typeCode, name: l.typeName },
    version: l.version,
    holder: { name: l.holderName, code: l.holderCode, codeType: l.holderCodeType },
    issuer: { name: l.issuerName, code: l.issuerCode },
    definer: { name: l.definerName, code: l.definerCode },
    issuedOn: l.issuedOn,
    validity: { from: l.validFrom, until: l.validUntil },
    jurisdictionCode: l.jurisdictionCode,
    item: { code: l.itemCode, name: l.itemName },
    caseId: l.caseId,
    previousLicenceId: l.previousLicenceId,
  };
}

/**
 * The e-licence of an ISSUE, made in its transaction (so no licence is issued
 * without it): directory data and its Ed25519 signature. Its PDF, with the QR
 * code that opens the verification page, is drawn from that data when first
 * downloaded (licencePdf.ts): a PDF takes ~100 ms to draw, which a
 * transaction holding row locks (or a whole group-commit batch) must not wait for.
 */
export async function issueELicence(ctx: AppContext, trx: Knex.Transaction, { case: row, event }: TransitionResult): Promise<void> {
  const id = licenceIdentityOf(row);
  const ctxOf = (row.snapshot as { context: { licenceNo?: string | null } }).context;
  const item = await findItemById(trx, row.itemId);
  if (!item) throw notFound('Item version');
  const body = await decidingBodyOf(trx, row);
  const province = body.chain[body.chain.length - 1]!;
  const issuer = decidingBody(body);
  const definer = decidingBody({ chain: [province], department: body.department });
  // The issue date is China's (the event's time is UTC): a licence issued at 07:00 in Wenzhou is dated that day.
  const issuedOn = chinaDay(event.createdAt);
  const organisation = row.applicantType === 'organisation';
  const fields = {
    licenceId: id.licenceId,
    caseId: row.id,
    licenceNo: ctxOf.licenceNo ?? id.serial,
    name: item.result || item.name,
    typeCode: id.typeCode,
    typeName: item.result || item.name,
    version: id.version,
    holderName: row.applicantName,
    holderCode: organisation ? (row.applicantUscc ?? '') : row.applicantIdNumber,
    holderCodeType: organisation ? HOLDER_CODE_TYPES.organisation : HOLDER_CODE_TYPES.person,
    issuerName: issuer.name,
    issuerCode: id.issuerCode,
    definerName: definer.name,
    definerCode: id.definerCode,
    issuedOn,
    validFrom: issuedOn,
    validUntil: validUntil(issuedOn, ctx.config.LICENCE_VALID_YEARS),
    jurisdictionCode: id.issuerJurisdiction,
    itemCode: item.code,
    itemName: item.name,
    previousLicenceId: null,
  };
  await writeSignedLicence(ctx, trx, fields, { holderUserId: row.applicantUserId, issuerDepartment: id.department, at: event.createdAt });
}

export type LicenceFields = Parameters<typeof licenceDataOf>[0];

/** A licence's directory data signed and stored, valid from now (the first issue, and each 延续/变更 version after it). */
export async function writeSignedLicence(
  ctx: AppContext,
  trx: Knex.Transaction,
  fields: LicenceFields,
  o: { holderUserId: number | null; issuerDepartment: string; at: string },
): Promise<void> {
  await insertELicence(trx, {
    ...fields,
    holderUserId: o.holderUserId,
    status: STATUS_OF_STATE.valid,
    ...signRecord(ctx.signingKey, licenceDataOf(fields)),
    // The PDF is drawn from this data when first asked for (licencePdf.ts): rendering stays out of the transaction.
    pdfSha256: null,
    pdfSize: null,
    createdAt: o.at,
    state: 'valid',
    machineContext: { validUntil: fields.validUntil, note: null, suspendedUntil: null } satisfies LicenceContext,
    rowVersion: 1,
    lastSeq: 0,
    statusNote: null,
    statusChangedAt: null,
    supersededBy: null,
    issuerDepartment: o.issuerDepartment,
  });
}
