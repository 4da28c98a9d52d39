import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { findProjectByCode, listProjects, type ProjectFilter, type ProjectRow } from '../../db/repositories/projects/projects';
import { parseProjectCode } from '../../workflows/projectCode';
import type { StageNo } from '../../workflows/projectStages';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, badRequest } from '../errors';
import { requireUser } from '../http/auth';
import { ProjectCancelBody, ProjectListQuery, StageCaseActionBody, ProjectRegisterBody, StageFileFields, StageParam, StageStartBody, WaitDeclareBody, WaitIdParam } from '../http/projectSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { canSeeProject, mayActForOwner } from '../policies/projects';
import { actOnProject } from '../projects/projectAggregate';
import { actOnStageCase } from '../projects/actOnStageCase';
import { projectCodeMalformed, projectNotAllowed, projectNotFound } from '../projects/projectErrors';
import { presentProjectDetail, presentProjectSummary } from '../projects/projectView';
import { registerProject } from '../projects/registerProject';
import { uploadStageFile } from '../projects/stageFiles';
import { startStage } from '../projects/startStage';
import { refileStage } from '../projects/refileStage';
import { declareWait, endProjectWait } from '../projects/projectWaits';

const MB = 1024 * 1024;
const userActor = (res: Response): Actor => ({ kind: 'user', user: requireUser(res) });

/** A well-formed code (else 422 with the problem) of a project this actor may see (else 404). */
export async function loadVisibleProject(ctx: AppContext, actor: Actor, raw: unknown): Promise<ProjectRow> {
  const code = String(raw ?? '');
  const parsed = parseProjectCode(code);
  if (!parsed.ok) throw projectCodeMalformed(parsed.problem);
  const p = await findProjectByCode(ctx.db.knex, code);
  if (!p || !canSeeProject(actor, p)) throw projectNotFound();
  return p;
}

function stageOf(raw: unknown): StageNo {
  const r = StageParam.safeParse(raw);
  if (!r.success) throw badRequest('The stage is 1, 2, 3 or 4', { field: 'stage' });
  return r.data as StageNo;
}

function uploadOf(ctx: AppContext) {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.FILE_MAX_MB * MB, files: 1, fields: 2, fieldSize: 1000, parts: 4 }, defParamCharset: 'utf8' } as multer.Options).single('file');
  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      parse(req, res, (err?: unknown) => {
        if (!err) return resolve();
        if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return reject(new AppError('FILE_TOO_LARGE', 413, `A file may be at most ${ctx.config.FILE_MAX_MB} MB; nothing was stored`, { limitMb: ctx.config.FILE_MAX_MB }));
        reject(badRequest('The upload is not one material: send the fields material and file'));
      }),
    );
}

/** Investment projects (投资项目): registration (赋码), the list, the page, stages filed in parallel, declared waits. */
export function projectsRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  const upload = uploadOf(ctx);

  async function detail(actor: Actor, code: string) {
    const p = await findProjectByCode(db, code);
    return presentProjectDetail(ctx, db, actor, p!);
  }

  r.post('/projects', async (req, res) => {
    const actor = userActor(res);
    const body = parseBody(ProjectRegisterBody, req.body);
    const result = await registerProject(ctx, { actor, ...body });
    res.status(201).json(await detail(actor, result.row.code));
  });

  r.get('/projects', async (req, res) => {
    const user = requireUser(res);
    const q = parseQuery(ProjectListQuery, req.query);
    const scope: Partial<ProjectFilter> =
      user.role === 'applicant' ? { ownerUserId: user.id } : user.role === 'proxy_agent' ? { actingUserId: user.id } : user.role === 'intermediary' ? { ownerUserId: -1 } : { within: user.jurisdictionCode };
    const { rows, total } = await listProjects(db, { ...scope, state: q.state, stage: q.stage, light: q.light, q: q.q, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    res.json({ projects: rows.map(presentProjectSummary), total, page: q.page, pageSize: q.pageSize });
  });

  r.get('/projects/:code', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    res.json(await presentProjectDetail(ctx, db, actor, p));
  });

  r.post('/projects/:code/stages/:stage/files', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const stage = stageOf(req.params.stage);
    // Who may upload, before a byte of the upload is read.
    if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, uploads a stage’s materials');
    if (!req.is('multipart/form-data')) throw badRequest('Send the material as multipart/form-data with the fields material and file');
    await upload(req, res);
    const fields = parseBody(StageFileFields, { ...req.body });
    if (!req.file) throw new AppError('FILE_MISSING', 422, 'No file was sent: attach it as the multipart field `file`', { field: 'file' });
    const f = await uploadStageFile(ctx, actor, p.code, stage, fields.material, { bytes: req.file.buffer, originalName: req.file.originalname });
    res.status(201).json({ file: { id: f.id, stage: f.stage, material: f.material, sha256: f.sha256, size: f.size, mediaType: f.mediaType, originalName: f.originalName, uploadedAt: f.createdAt } });
  });

  r.post('/projects/:code/stages/:stage/start', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const stage = stageOf(req.params.stage);
    const body = parseBody(StageStartBody, req.body);
    const { expectedVersion, ...form } = body;
    const result = await startStage(ctx, actor, p.code, stage, form, expectedVersion);
    res.status(201).json({ ...(await detail(actor, p.code)), filed: result.filed.map((f) => ({ caseNo: f.case.caseNo, itemCode: f.case.itemCode, centreCode: f.case.centreCode, queryCode: f.queryCode })) });
  });

  // A held stage goes on: its unapproved items filed anew, in one transaction with RESUME.
  r.post('/projects/:code/stages/:stage/refile', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const stage = stageOf(req.params.stage);
    const result = await refileStage(ctx, actor, p.code, stage);
    res.status(201).json({ ...(await detail(actor, p.code)), filed: result.filed.map((f) => ({ caseNo: f.case.caseNo, itemCode: f.case.itemCode, centreCode: f.case.centreCode, queryCode: f.queryCode })) });
  });

  r.post('/projects/:code/waits', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const body = parseBody(WaitDeclareBody, req.body);
    await declareWait(ctx, actor, p.code, body);
    res.status(201).json(await detail(actor, p.code));
  });

  r.post('/projects/:code/waits/:id/end', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const id = WaitIdParam.safeParse(req.params.id);
    if (!id.success) throw badRequest('The wait id is a positive integer', { field: 'id' });
    await endProjectWait(ctx, actor, p.code, id.data);
    res.json(await detail(actor, p.code));
  });

  // The owner's part on one of the project's cases (补正, withdrawal), by the owner or the agent acting for the owner.
  r.post('/projects/:code/cases/:caseNo/actions', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const { expectedVersion, ...action } = parseBody(StageCaseActionBody, req.body);
    const result = await actOnStageCase(ctx, actor, p.code, String(req.params.caseNo), action, expectedVersion);
    res.json({ caseNo: result.case.caseNo, state: result.case.state, version: result.case.version, ...(await detail(actor, p.code)) });
  });

  r.post('/projects/:code/cancel', async (req, res) => {
    const actor = userActor(res);
    const p = await loadVisibleProject(ctx, actor, req.params.code);
    const body = parseBody(ProjectCancelBody, req.body);
    await actOnProject(ctx, { key: p.code, actor, action: { type: 'CANCEL', reason: body.reason } });
    res.json(await detail(actor, p.code));
  });

  return r;
}
