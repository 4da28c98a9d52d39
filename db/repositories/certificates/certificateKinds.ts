import type { Knex } from 'knex';
import { parseJson } from '../../connection';
import type { CertificateKind } from '../../seed/certificateKinds';

export type CertificateKindRow = CertificateKind;

function fromDb(r: Record<string, any>): CertificateKindRow {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    typeSerial: r.type_serial,
    needsTown: Boolean(r.needs_town),
    legalBasis: r.legal_basis,
    materials: parseJson<string[]>(r.materials),
    validDays: Number(r.valid_days),
    statement: r.statement,
  };
}

/** The catalogue of certificates committees and towns issue online. */
export async function listCertificateKinds(db: Knex): Promise<CertificateKindRow[]> {
  return (await db('certificate_kinds').orderBy('type_serial')).map(fromDb);
}

export async function findCertificateKind(db: Knex, code: string): Promise<CertificateKindRow | undefined> {
  const r = await db('certificate_kinds').where('code', code).first();
  return r ? fromDb(r) : undefined;
}

/** The certificates an item names among its materials (attached by reference once issued). */
export async function certificatesNeededBy(db: Knex, itemCode: string): Promise<CertificateKindRow[]> {
  const rows = await db('item_certificate_needs as n').join('certificate_kinds as k', 'k.code', 'n.kind_code').where('n.item_code', itemCode).orderBy('k.type_serial').select('k.*');
  return rows.map(fromDb);
}
