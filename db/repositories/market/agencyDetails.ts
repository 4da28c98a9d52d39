import type { Knex } from 'knex';

/** An agency's qualification (资质) with level and expiry. */
export interface QualificationRow {
  name: string;
  level: string;
  certificateNo: string;
  issuedBy: string;
  expiresOn: string;
}

/** A practising staff member; the certificate number is kept for the centre, not published. */
export interface StaffRow {
  name: string;
  title: string;
  certificateNo: string;
}

export async function insertAgencyDetails(trx: Knex, agencyId: number, d: { qualifications: QualificationRow[]; staff: StaffRow[]; services: string[] }): Promise<void> {
  if (d.qualifications.length) await trx('market_qualifications').insert(d.qualifications.map((q) => ({ agency_id: agencyId, name: q.name, level: q.level, certificate_no: q.certificateNo, issued_by: q.issuedBy, expires_on: q.expiresOn })));
  if (d.staff.length) await trx('market_staff').insert(d.staff.map((s) => ({ agency_id: agencyId, name: s.name, title: s.title, certificate_no: s.certificateNo })));
  if (d.services.length) await trx('market_agency_services').insert(d.services.map((c) => ({ agency_id: agencyId, service_item_code: c })));
}

export async function qualificationsOf(db: Knex, agencyId: number): Promise<QualificationRow[]> {
  const rows = await db('market_qualifications').where('agency_id', agencyId).orderBy('id');
  return rows.map((r: any) => ({ name: r.name, level: r.level, certificateNo: r.certificate_no, issuedBy: r.issued_by, expiresOn: r.expires_on }));
}

export async function staffOf(db: Knex, agencyId: number): Promise<StaffRow[]> {
  const rows = await db('market_staff').where('agency_id', agencyId).orderBy('id');
  return rows.map((r: any) => ({ name: r.name, title: r.title, certificateNo: r.certificate_no }));
}

/** The service items an agency offers, with their names. */
export async function servicesOf(db: Knex, agencyId: number): Promise<{ code: string; name: string }[]> {
  return db('market_agency_services as s').join('market_service_items as i', 'i.code', 's.service_item_code').where('s.agency_id', agencyId).orderBy('i.code').select('i.code', 'i.name');
}
