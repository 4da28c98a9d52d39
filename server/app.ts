import express, { type Express } from 'express';
import pinoHttp from 'pino-http';
import type { AppContext } from './context';
import { authenticate } from './http/auth';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { cors, securityHeaders } from './http/security';
import { redactedRequest } from './http/logRedaction';
import { buildOpenApi } from './http/openapi';
import { adminRouter } from './routes/admin';
import { authRouter } from './routes/auth';
import { caseDocumentsRouter } from './routes/caseDocuments';
import { caseFilesRouter } from './routes/caseFiles';
import { licencesRouter } from './routes/licences';
import { publicityRouter } from './routes/publicity';
import { licenceOperationsRouter } from './routes/licenceOperations';
import { postChecksRouter } from './routes/postChecks';
import { certificatesRouter } from './routes/certificates';
import { marketAgenciesRouter } from './routes/marketAgencies';
import { marketOrdersRouter } from './routes/marketOrders';
import { proxyAgentsRouter } from './routes/proxyAgents';
import { delegationsRouter } from './routes/delegations';
import { proxyOrdersRouter } from './routes/proxyOrders';
import { transfersRouter } from './routes/transfers';
import { ratingsRouter } from './routes/ratings';
import { accountabilityRouter } from './routes/accountability';
import { marketRatingsRouter } from './routes/marketRatings';
import { marketRatingViewsRouter } from './routes/marketRatingViews';
import { projectsRouter } from './routes/projects';
import { casesRouter } from './routes/cases';
import { catalogueRouter } from './routes/catalogue';
import { deskRouter } from './routes/desk';
import { handledRouter } from './routes/handled';
import { statsRouter } from './routes/stats';
import { usersRouter } from './routes/users';
import { urgingsRouter } from './routes/urgings';
import { projectBoardRouter } from './routes/projectBoard';
import { powersRouter } from './routes/powers';
import { powerAdminRouter } from './routes/powerAdmin';
import { webApp } from './http/webApp';
import { applicantActionThrottle, filingThrottle, retryAfter, useRateLimits } from './security/httpLimits';
import type { RateLimits } from './security/rateLimits';

export function createApp(ctx: AppContext, limits: RateLimits): Express {
  const app = express();
  app.disable('x-powered-by');
  useRateLimits(app, limits);
  app.use(pinoHttp({ logger: ctx.log, autoLogging: { ignore: (req) => req.url === '/health' }, serializers: { req: redactedRequest } }));
  app.use(securityHeaders());
  app.use(cors(ctx.config.CORS_ORIGINS));
  const openapi = buildOpenApi();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.get('/health', async (_req, res) => {
    try {
      await ctx.db.knex.raw('select 1');
      res.json({ status: 'ok', database: ctx.db.dialect, calendarYears: ctx.calendar.years() });
    } catch {
      res.status(503).json({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database does not answer' } });
    }
  });
  app.use('/api', authenticate(ctx));
  // Bodies are read after the token is checked: a bad token is refused before anything is read.
  app.use(express.json({ limit: ctx.config.BODY_LIMIT }));
  app.use('/api/auth', authRouter(ctx));
  // Log-in failures and wrong query codes are counted where they are checked (routes/auth.ts, routes/cases.ts).
  app.post('/api/cases', filingThrottle);
  app.post('/api/cases/:caseNo/actions', applicantActionThrottle);
  app.post('/api/cases/:caseNo/files', applicantActionThrottle);
  app.post('/api/cases/:caseNo/materials/marks', applicantActionThrottle);
  app.post('/api/cases/:caseNo/rating', applicantActionThrottle);
  app.post('/api/cases/:caseNo/rectification-rating', applicantActionThrottle);
  // A PDF check reads up to 20 MB: the public's budget for actions covers it.
  app.post('/api/licences/verify-file', applicantActionThrottle);
  // An export of the public register reads up to 20,000 entries: the same public budget.
  app.get('/api/publicity/export', applicantActionThrottle);
  // 入驻 creates an account and an agency: the public's filing budget.
  app.post('/api/market/agencies', filingThrottle);
  app.use('/api/cases', casesRouter(ctx));
  app.use('/api/cases', caseDocumentsRouter(ctx));
  app.use('/api', caseFilesRouter(ctx));
  app.use(licencesRouter(ctx));
  app.use('/api', publicityRouter(ctx));
  app.use(licenceOperationsRouter(ctx));
  app.use(postChecksRouter(ctx));
  app.use('/api', certificatesRouter(ctx));
  app.use('/api', marketAgenciesRouter(ctx));
  app.use('/api', marketOrdersRouter(ctx));
  app.use('/api', marketRatingsRouter(ctx));
  app.use('/api', marketRatingViewsRouter(ctx));
  app.use('/api', proxyOrdersRouter(ctx));
  app.use('/api', proxyAgentsRouter(ctx));
  app.use('/api', transfersRouter(ctx));
  app.use('/api', ratingsRouter(ctx));
  app.use('/api', accountabilityRouter(ctx));
  app.use('/api', delegationsRouter(ctx));
  // `/api/projects/board` before `/api/projects/:code`: `board` is not a project code.
  app.use('/api', projectBoardRouter(ctx));
  app.use('/api', projectsRouter(ctx));
  app.use('/api', adminRouter(ctx));
  app.use('/api', usersRouter(ctx));
  app.use('/api', catalogueRouter(ctx));
  app.use('/api', deskRouter(ctx));
  app.use('/api', handledRouter(ctx));
  app.use('/api', statsRouter(ctx));
  app.use('/api', urgingsRouter(ctx));
  // Power and responsibility lists (docs/powers.md).
  app.use('/api', powersRouter(ctx), powerAdminRouter(ctx));
  app.use('/api', notFoundHandler);
  app.use(webApp(ctx.db.knex));
  app.use(notFoundHandler);
  app.use(retryAfter);
  app.use(errorHandler(ctx.log));
  return app;
}
