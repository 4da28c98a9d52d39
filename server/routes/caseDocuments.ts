import { Router } from 'express';
import { z } from 'zod';
import { findCaseDocument, listCaseDocuments } from '../../db/repositories/documents/caseDocuments';
import { findItemById } from '../../db/repositories/items';
import type { AppContext } from '../context';
import { decisionDocument, rightsNoticeFor } from '../documents/decisionDocument';
import { documentPdf } from '../documents/notices/noticePdf';
import { notFound } from '../errors';
import { parseQuery } from '../http/validate';
import { personalDataView } from '../policies/cases';
import { resolveCaseAccess } from './cases';

export const DocumentIdParam = z.coerce.number().int().positive();

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
  // Every official document the case has: receipt, notices, decisions, the 送达回证.
  r.get('/:caseNo/documents', async (req, res) => {
    const { row } = await resolveCaseAccess(ctx, req, res);
    const docs = await listCaseDocuments(ctx.db.knex, row.id);
    res.json({
      caseNo: row.caseNo,
      documents: docs.map((d) => ({ id: d.id, kind: d.kind, title: d.title, docNo: d.docNo, issuedOn: d.issuedOn, seq: d.eventSeq, pdfUrl: `/api/cases/${row.caseNo}/documents/${d.id}/pdf` })),
    });
  });
  r.get('/:caseNo/documents/:docId/pdf', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const doc = await findCaseDocument(ctx.db.knex, row.id, parseQuery(DocumentIdParam, req.params.docId));
    if (!doc) throw notFound('Document');
    // The applicant's own receipt carries the query code they opened it with; nobody else's copy does.
    const code = actor.kind === 'queryCode' && doc.kind === 'receipt' ? req.get('x-query-code') : undefined;
    const pdf = await documentPdf(ctx, ctx.db.knex, doc, row.caseNo, code ? [['查询码', code]] : []);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(`${doc.title}-${row.caseNo}.pdf`)}`,
      'Cache-Control': 'private, no-store',
    });
    res.end(pdf);
  });
  return r;
}
