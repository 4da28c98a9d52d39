import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { dbTime } from '../../db/connection';
import { findOrder, type OrderRow } from '../../db/repositories/market/orders';
import { findAgencyOfUser } from '../../db/repositories/market/signups';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, badRequest } from '../errors';
import { applyIn } from '../commands/aggregates/applyCommand';
import { withRetry } from '../commands/writeHelpers';
import { sha256Of } from '../files/blobStore';
import { detectMaterialType, EXTENSION } from '../files/fileType';
import { requireUser } from '../http/auth';
import { ContractFields, ResultFields } from '../http/marketOrderSchemas';
import { parseBody } from '../http/validate';
import { orderTransitions, type OrderAction } from '../market/orders/orderAggregate';
import { isMarketCentre, isOrderOwner } from '../policies/marketOrders';
import { loadVisibleOrder } from './marketOrders';

const MB = 1024 * 1024;

function uploadOf(ctx: AppContext) {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.FILE_MAX_MB * MB, files: 1, fields: 4, fieldSize: 1000, parts: 6 }, defParamCharset: 'utf8' } as multer.Options).single('file');
  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      parse(req, res, (err?: unknown) => {
        if (!err) return resolve();
        if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return reject(new AppError('FILE_TOO_LARGE', 413, `A file may be at most ${ctx.config.FILE_MAX_MB} MB; nothing was stored`, { limitMb: ctx.config.FILE_MAX_MB }));
        reject(badRequest('The multipart body cannot be read (send the field file)'));
      }),
    );
}

type Present = (actor: Actor | null, o: OrderRow) => Promise<unknown>;

/** The contract and the result of an order: uploaded by the chosen agency into the content-addressed store; downloaded by the owner, the chosen agency and the centre. */
export function marketOrderFilesRouter(ctx: AppContext, present: Present): Router {
  const r = Router();
  const upload = uploadOf(ctx);
  const db = ctx.db.knex;

  async function store(req: Request, res: Response, build: (fileId: string, fields: Record<string, unknown>) => OrderAction, schema: typeof ContractFields | typeof ResultFields) {
    const user = requireUser(res);
    const actor: Actor = { kind: 'user', user };
    const o = await loadVisibleOrder(ctx, actor, req.params.id);
    const agency = user.role === 'intermediary' ? await findAgencyOfUser(db, user.id) : undefined;
    if (!agency || agency.id !== o.chosenAgencyId) throw new AppError('FORBIDDEN', 403, 'Only the chosen agency uploads the contract and the result');
    if (agency.state !== 'listed') throw new AppError('MARKET_AGENCY_NOT_LISTED', 403, `The agency is ${agency.state}: it may not act in the market`);
    if (!req.is('multipart/form-data')) throw badRequest('Send the file as multipart/form-data (field file)');
    await upload(req, res);
    const fields = parseBody(schema, { ...req.body }) as Record<string, unknown>;
    if (!req.file) throw new AppError('FILE_MISSING', 422, 'No file was sent: attach it as the multipart field `file`', { field: 'file' });
    const bytes = req.file.buffer;
    await detectMaterialType(bytes, { maxInflated: ctx.config.FILE_MAX_MB * MB * 20, maxRatio: 100, maxEntries: 10_000 });
    const sha = sha256Of(bytes);
    const kind = orderTransitions(ctx);
    const result = await withRetry(() =>
      db.transaction(async (trx) => {
        const done = await applyIn(ctx, trx, kind, { key: String(o.id), actor, action: { ...build(sha, fields), byAgencyId: agency.id }, expectedVersion: fields.expectedVersion as number | undefined });
        await ctx.blobs.put(trx, sha, bytes, dbTime(ctx.now()));
        return done;
      }),
    );
    kind.committed(ctx, result);
    res.status(201).json(await present(actor, (await findOrder(db, o.id))!));
  }

  r.post('/market/orders/:id/contract', (req, res) => store(req, res, (fileId, f) => ({ type: 'UPLOAD_CONTRACT', amount: f.amount as number, fileId }), ContractFields));
  r.post('/market/orders/:id/result', (req, res) => store(req, res, (fileId) => ({ type: 'DELIVER_RESULT', fileId }), ResultFields));

  async function download(req: Request, res: Response, which: 'contract' | 'result') {
    const user = requireUser(res);
    const actor: Actor = { kind: 'user', user };
    const o = await loadVisibleOrder(ctx, actor, req.params.id);
    const agency = user.role === 'intermediary' ? await findAgencyOfUser(db, user.id) : undefined;
    const may = isOrderOwner(actor, o) || isMarketCentre(actor, o) || (agency !== undefined && agency.id === o.chosenAgencyId);
    if (!may) throw new AppError('FORBIDDEN', 403, 'Only the owner, the chosen agency and the centre open the contract and the result');
    const sha = which === 'contract' ? o.contractFileId : o.resultFileId;
    const content = sha ? await ctx.blobs.get(sha) : undefined;
    if (!sha || !content) throw new AppError('MARKET_FILE_MISSING', 404, `The order has no ${which} yet`);
    const type = await detectMaterialType(content, { maxInflated: ctx.config.FILE_MAX_MB * MB * 20, maxRatio: 100, maxEntries: 10_000 });
    const name = `${o.orderNo}-${which}.${EXTENSION[type]}`;
    res.set({ 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(content);
  }

  r.get('/market/orders/:id/contract', (req, res) => download(req, res, 'contract'));
  r.get('/market/orders/:id/result', (req, res) => download(req, res, 'result'));
  return r;
}
