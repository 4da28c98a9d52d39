import type { Knex } from 'knex';
import { toBool } from '../../connection';

/** One proof of an item's proof list (证明事项清单). */
export interface ItemProof {
  name: string;
  legalBasis: string;
  requestingUnit: string;
  issuingUnit: string;
  commitmentAllowed: boolean;
  commitmentTemplate: string | null;
}

/** An item's proof list, in its order (the same for every version of the item). */
export async function listItemProofs(db: Knex, itemCode: string): Promise<ItemProof[]> {
  const rows = await db('item_proofs').where('item_code', itemCode).orderBy('position');
  return rows.map((r: Record<string, any>) => ({
    name: r.name,
    legalBasis: r.legal_basis,
    requestingUnit: r.requesting_unit,
    issuingUnit: r.issuing_unit,
    commitmentAllowed: toBool(r.commitment_allowed),
    commitmentTemplate: r.commitment_template ?? null,
  }));
}

/** A signed commitment (承诺书) that replaced a proof in a filing. */
export interface CommitmentRow {
  id: number;
  caseId: number;
  proof: string;
  text: string;
  signedBy: string;
  signedByUserId: number | null;
  signedAt: string;
}

export async function insertCommitment(trx: Knex, c: Omit<CommitmentRow, 'id'>): Promise<number> {
  const [id] = await trx('commitments').insert({
    case_id: c.caseId,
    proof: c.proof,
    text: c.text,
    signed_by: c.signedBy,
    signed_by_user_id: c.signedByUserId,
    signed_at: c.signedAt,
  });
  return Number(id);
}

export async function findCommitment(db: Knex, id: number): Promise<CommitmentRow | undefined> {
  const r = await db('commitments').where({ id }).first();
  return r ? { id: Number(r.id), caseId: Number(r.case_id), proof: r.proof, text: r.text, signedBy: r.signed_by, signedByUserId: r.signed_by_user_id == null ? null : Number(r.signed_by_user_id), signedAt: r.signed_at } : undefined;
}
