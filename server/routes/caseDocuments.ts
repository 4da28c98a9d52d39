import { Router } from 'express';
import { findItemById } from '../../db/repositories/items';
import type { AppContext } from '../context';
import { decisionDocument, rightsNoticeFor } from '../documents/decisionDocument';
import { notFound } from '../errors';
import { personalDataView } from '../policies/cases';
import { resolveCaseAccess } from './cases';

/** The written documents of a case, for whoever may see the case itself (staff in scope, or its query code). */
export function caseDocumentsRouter(ctx: AppContext): Router {
  const r = Router();
  // The notice a refusal or denial must carry, generated from the tree: the desk's form starts from it.
  r.get('/:caseNo/rights-notice', async (req, res) => {
    const { row } = await resolveCaseAccess(ctx, req, res);
    res.json(await rightsNoticeFor(ctx.db.knex, row));
  });
  r.get('/:caseNo/decision', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const item = await findItemById(ctx.db.knex, row.itemId);
    if (!item) throw notFound('Item version');
    res.json(await decisionDocument(ctx.db.knex, row, item, personalDataView(actor, row)));
  });
  return r;
}
