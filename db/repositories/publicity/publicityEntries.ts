import type { Knex } from 'knex';
import type { PublicityDecision } from '../../../workflows/publicity';
import { parseJson } from '../../connection';

/** An entry of the public register as written in the decision's transaction (the holder already as the public sees it). */
export interface NewPublicityEntry {
  caseId: number;
  decision: PublicityDecision;
  holderType: 'person' | 'organisation';
  holderName: string;
  holderCode: string;
  holderCodeType: string;
  legalRepresentative: string | null;
  docTitle: string;
  docNo: string;
  category: string;
  licenceName: string;
  content: string;
  itemCode: string;
  itemName: string;
  decidedOn: string;
  issuerName: string;
  issuerCode: string;
  issuerJurisdiction: string;
  issuerDepartment: string;
  licenceId: string | null;
  dueOn: string;
  createdAt: string;
}

const COLUMNS: Record<keyof NewPublicityEntry, string> = {
  caseId: 'case_id',
  decision: 'decision',
  holderType: 'holder_type',
  holderName: 'holder_name',
  holderCode: 'holder_code',
  holderCodeType: 'holder_code_type',
  legalRepresentative: 'legal_representative',
  docTitle: 'doc_title',
  docNo: 'doc_no',
  category: 'category',
  licenceName: 'licence_name',
  content: 'content',
  itemCode: 'item_code',
  itemName: 'item_name',
  decidedOn: 'decided_on',
  issuerName: 'issuer_name',
  issuerCode: 'issuer_code',
  issuerJurisdiction: 'issuer_jurisdiction',
  issuerDepartment: 'issuer_department',
  licenceId: 'licence_id',
  dueOn: 'due_on',
  createdAt: 'created_at',
};

/** One INSERT, in the decision's transaction: no published decision exists without its entry. */
export async function insertPublicityEntry(trx: Knex, e: NewPublicityEntry): Promise<void> {
  const row: Record<string, unknown> = { published_at: null };
  for (const [k, col] of Object.entries(COLUMNS)) row[col] = e[k as keyof NewPublicityEntry];
  await trx('publicity_entries').insert(row);
}

/** The number of the decision document an event wrote (case_documents, written just before in the same transaction). */
export async function decisionDocumentOf(trx: Knex, caseId: number, eventSeq: number, kind: string): Promise<{ title: string; docNo: string; issuedOn: string; issuerName: string } | undefined> {
  const r = await trx('case_documents').where({ case_id: caseId, event_seq: eventSeq, kind }).first('title', 'doc_no', 'issued_on', 'model');
  if (!r) return undefined;
  const model = parseJson<{ issuer?: { name?: string } } | null>(r.model) ?? {};
  return { title: r.title, docNo: r.doc_no, issuedOn: r.issued_on, issuerName: model.issuer?.name ?? '' };
}

export interface PublishOptions {
  /** The publishing time (dbTime). */
  now: string;
  /** Entries written at or before this (dbTime) have waited out the hold. */
  heldUntil: string;
  /** Today in China: an entry due today or earlier is published whatever the hold. */
  today: string;
  limit: number;
}

const due = (q: Knex.QueryBuilder, o: PublishOptions) =>
  q
    .whereNull('published_at')
    .where((w) => w.where('created_at', '<=', o.heldUntil).orWhere('due_on', '<=', o.today))
    .orderBy('id')
    .limit(o.limit);

/**
 * Publishes up to `limit` entries whose hold has passed or that are due: sets
 * `published_at`. Several schedulers may run it at once. On MySQL each takes
 * the rows it publishes with FOR UPDATE SKIP LOCKED, so two never wait on
 * (or publish) the same entry; on SQLite one UPDATE takes the write lock up
 * front (the timers' way, timers.ts). Either way an entry is only published
 * while `published_at` is null: publishing twice is impossible.
 */
export async function publishDueEntries(knex: Knex, dialect: 'sqlite' | 'mysql', o: PublishOptions): Promise<number> {
  if (dialect === 'sqlite') {
    const n = await knex('publicity_entries').whereIn('id', due(knex('publicity_entries').select('id'), o)).whereNull('published_at').update({ published_at: o.now });
    return Number(n);
  }
  return knex.transaction(async (trx) => {
    const ids = ((await due(trx('publicity_entries').select('id'), o).forUpdate().skipLocked()) as { id: number }[]).map((r) => Number(r.id));
    if (!ids.length) return 0;
    return Number(await trx('publicity_entries').whereIn('id', ids).whereNull('published_at').update({ published_at: o.now }));
  });
}

/** An entry as stored, published or not (for the tests and the desks; the public reads go through publicityQueries.ts). */
export async function findPublicityEntryOfCase(db: Knex, caseId: number): Promise<{ docNo: string; dueOn: string; decidedOn: string; publishedAt: string | null; licenceId: string | null } | undefined> {
  const r = await db('publicity_entries').where('case_id', caseId).first('doc_no', 'due_on', 'decided_on', 'published_at', 'licence_id');
  return r ? { docNo: r.doc_no, dueOn: r.due_on, decidedOn: r.decided_on, publishedAt: r.published_at ?? null, licenceId: r.licence_id ?? null } : undefined;
}
