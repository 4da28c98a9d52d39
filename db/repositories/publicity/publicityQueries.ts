import type { Knex } from 'knex';
import { likeText } from '../../connection';
import type { NewPublicityEntry } from './publicityEntries';

/** The public's filters of the register (each optional; all must hold). */
export interface RegisterFilter {
  /** A 文书号 (in part), a legal person's name (in part) or its whole USCC, or a whole 许可编号. */
  q?: string;
  /** An item code, or part of an item's name. */
  item?: string;
  /** Decided by a body of this area or below: the significant digits of its area code (330302). */
  areaPrefix?: string;
  /** The deciding body: its whole USCC, or part of its name. */
  issuer?: string;
  /** Decided on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** A published entry with its licence as it stands now (number, validity, status: null until issued). */
export interface RegisterRow extends Omit<NewPublicityEntry, 'caseId' | 'decision' | 'issuerDepartment' | 'dueOn' | 'createdAt'> {
  id: number;
  publishedAt: string;
  /** The licence as it stands now: the one the decision granted, or the newest version 延续/变更 issued after it. */
  licence: { licenceId: string; licenceNo: string; name: string; validFrom: string; validUntil: string; status: string } | null;
}

const SELECT = [
  'p.id',
  'p.holder_type',
  'p.holder_name',
  'p.holder_code',
  'p.holder_code_type',
  'p.legal_representative',
  'p.doc_title',
  'p.doc_no',
  'p.category',
  'p.licence_name',
  'p.content',
  'p.item_code',
  'p.item_name',
  'p.decided_on',
  'p.issuer_name',
  'p.issuer_code',
  'p.issuer_jurisdiction',
  'p.licence_id',
  'p.published_at',
  'l.licence_id as l_licence_id',
  'l.licence_no as l_licence_no',
  'l.name as l_name',
  'l.valid_from as l_valid_from',
  'l.valid_until as l_valid_until',
  'l.status as l_status',
];

function toRow(r: Record<string, any>): RegisterRow {
  return {
    id: Number(r.id),
    holderType: r.holder_type,
    holderName: r.holder_name,
    holderCode: r.holder_code,
    holderCodeType: r.holder_code_type,
    legalRepresentative: r.legal_representative ?? null,
    docTitle: r.doc_title,
    docNo: r.doc_no,
    category: r.category,
    licenceName: r.licence_name,
    content: r.content,
    itemCode: r.item_code,
    itemName: r.item_name,
    decidedOn: r.decided_on,
    issuerName: r.issuer_name,
    issuerCode: r.issuer_code,
    issuerJurisdiction: r.issuer_jurisdiction,
    licenceId: r.licence_id ?? null,
    publishedAt: r.published_at,
    licence: r.l_licence_id == null ? null : { licenceId: r.l_licence_id, licenceNo: r.l_licence_no, name: r.l_name, validFrom: r.l_valid_from, validUntil: r.l_valid_until, status: r.l_status },
  };
}

/**
 * Published entries matching the filter, joined with their licence by
 * identifier (`g`, the one the decision granted) and then with the newest
 * version of it (`l`: every version of a licence belongs to the case, and
 * 延续/变更 add versions): the status a revocation or cancellation wrote to
 * `e_licences` is what the register shows, read now. A person is never found
 * by name or ID number (neither is stored whole here): by 文书号 or 许可编号 only.
 */
function published(db: Knex, f: RegisterFilter): Knex.QueryBuilder {
  const q = db('publicity_entries as p')
    .leftJoin('e_licences as g', 'g.licence_id', 'p.licence_id')
    .leftJoin('e_licences as l', (j) => j.on('l.id', '=', db.raw('(select max(x.id) from e_licences x where x.case_id = g.case_id)')))
    .whereNotNull('p.published_at');
  if (f.q) {
    const text = f.q;
    const like = `%${likeText(text)}%`;
    q.where((w) =>
      w
        .whereRaw("p.doc_no like ? escape '!'", [like])
        .orWhere((o) => o.where('p.holder_type', 'organisation').where((n) => n.whereRaw("p.holder_name like ? escape '!'", [like]).orWhere('p.holder_code', text.toUpperCase())))
        .orWhere('l.licence_no', text),
    );
  }
  if (f.item) q.where((w) => w.where('p.item_code', f.item!).orWhereRaw("p.item_name like ? escape '!'", [`%${likeText(f.item!)}%`]));
  if (f.areaPrefix) q.where('p.issuer_jurisdiction', 'like', `${f.areaPrefix.replace(/\D/g, '')}%`);
  if (f.issuer) q.where((w) => w.where('p.issuer_code', f.issuer!.toUpperCase()).orWhereRaw("p.issuer_name like ? escape '!'", [`%${likeText(f.issuer!)}%`]));
  if (f.from) q.where('p.decided_on', '>=', f.from);
  if (f.to) q.where('p.decided_on', '<=', f.to);
  return q;
}

async function countOf(q: Knex.QueryBuilder): Promise<number> {
  const r = (await q.clone().clearSelect().clearOrder().count({ n: '*' }).first()) as { n: number | string } | undefined;
  return Number(r?.n ?? 0);
}

/** A page of the register, newest decision first, with the total. */
export async function searchRegister(db: Knex, f: RegisterFilter, page: number, pageSize: number): Promise<{ total: number; rows: RegisterRow[] }> {
  const q = published(db, f);
  const total = await countOf(q);
  const rows = await q.select(SELECT).orderBy('p.decided_on', 'desc').orderBy('p.id', 'desc').limit(pageSize).offset((page - 1) * pageSize);
  return { total, rows: rows.map(toRow) };
}

/** Every matching entry for an export, oldest decision first; none when more than `max` match (the caller says to narrow it). */
export async function exportRegister(db: Knex, f: RegisterFilter, max: number): Promise<{ total: number; rows: RegisterRow[] | null }> {
  const q = published(db, f);
  const total = await countOf(q);
  if (total > max) return { total, rows: null };
  const rows = await q.select(SELECT).orderBy('p.decided_on').orderBy('p.id');
  return { total, rows: rows.map(toRow) };
}
