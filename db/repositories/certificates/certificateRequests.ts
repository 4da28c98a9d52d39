import type { Knex } from 'knex';
import { parseJson } from '../../connection';
import { fromColumns, toColumns, type ColumnMap } from '../columnMap';

/** A certificate request as stored: the machine's state and context, the version, the last event's number. */
export interface CertificateRequestRow {
  id: number;
  kindCode: string;
  kindName: string;
  applicantUserId: number;
  holderName: string;
  holderIdNumber: string;
  purpose: string;
  villageCode: string;
  townCode: string;
  needsTown: boolean;
  /** The centre whose clerk acts now; null once decided or withdrawn. */
  deskCode: string | null;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  /** The e-certificate's identifier once issued. */
  certificateId: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS: ColumnMap<Omit<CertificateRequestRow, 'id'>> = {
  kindCode: 'kind_code',
  kindName: 'kind_name',
  applicantUserId: 'applicant_user_id',
  holderName: 'holder_name',
  holderIdNumber: 'holder_id_number',
  purpose: 'purpose',
  villageCode: 'village_code',
  townCode: 'town_code',
  needsTown: 'needs_town',
  deskCode: 'desk_code',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  certificateId: 'certificate_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function fromDb(r: Record<string, any>): CertificateRequestRow {
  const out = fromColumns(COLUMNS, r);
  out.applicantUserId = Number(r.applicant_user_id);
  out.rowVersion = Number(r.row_version);
  out.needsTown = Boolean(r.needs_town);
  out.lastSeq = Number(r.last_seq);
  out.machineContext = parseJson(r.machine_context);
  return out as unknown as CertificateRequestRow;
}

const toDb = (patch: Partial<CertificateRequestRow>) => toColumns(COLUMNS, patch, ['machineContext']);

export async function insertCertificateRequest(trx: Knex, r: Omit<CertificateRequestRow, 'id'>): Promise<number> {
  const [id] = await trx('certificate_requests').insert(toDb(r));
  return Number(id);
}

export async function findCertificateRequest(db: Knex, id: number, forUpdate = false): Promise<CertificateRequestRow | undefined> {
  const q = db('certificate_requests').where('id', id);
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? fromDb(r) : undefined;
}

export async function updateCertificateRequestIfVersion(trx: Knex, current: CertificateRequestRow, patch: Partial<CertificateRequestRow>): Promise<boolean> {
  const n = await trx('certificate_requests').where({ id: current.id, row_version: current.rowVersion }).update(toDb(patch));
  return Number(n) === 1;
}

/** An applicant's requests, newest first. */
export async function listCertificateRequestsOf(db: Knex, userId: number): Promise<CertificateRequestRow[]> {
  return (await db('certificate_requests').where('applicant_user_id', userId).orderBy('id', 'desc').limit(200)).map(fromDb);
}

/** A centre's queue: what waits for its clerk, or (`all`) every request of its area it took part in. */
export async function listCertificateDesk(db: Knex, centreCode: string, all: boolean): Promise<CertificateRequestRow[]> {
  const q = db('certificate_requests');
  if (all) q.where((w) => w.where('village_code', centreCode).orWhere((t) => t.where({ town_code: centreCode, needs_town: true }).whereNot('state', 'requested')));
  else q.where('desk_code', centreCode);
  return (await q.orderBy('id', 'desc').limit(200)).map(fromDb);
}
