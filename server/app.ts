import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import pinoHttp from 'pino-http';
import type { AppContext } from './context';
import { AppError } from './errors';
import { authenticate } from './http/auth';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { buildOpenApi } from './http/openapi';
import { adminRouter } from './routes/admin';
import { authRouter } from './routes/auth';
import { casesRouter } from './routes/cases';
import { catalogueRouter } from './routes/catalogue';
import { deskRouter } from './routes/desk';
import { statsRouter } from './routes/stats';
import { usersRouter } from './routes/users';
import { webApp } from './http/webApp';

function limiter(ctx: AppContext, code: string, message: string) {
  // Only failures count: an applicant who knows the code is never slowed down.
  return rateLimit({
    windowMs: ctx.config.QUERY_CODE_WINDOW_MINUTES * 60_000,
    limit: ctx.config.QUERY_CODE_MAX_FAILURES,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(code, 429, message)),
  });
}

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(pinoHttp({ logger: ctx.log, autoLogging: { ignore: (req) => req.url === '/health' } }));
  app.use(express.json({ limit: ctx.config.BODY_LIMIT }));
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
  app.use('/api/auth/login', limiter(ctx, 'RATE_LIMITED', 'Too many failed log-ins; wait and try again'));
  app.use('/api/auth', authRouter(ctx));
  const codeLimiter = limiter(ctx, 'RATE_LIMITED', 'Too many failed case lookups; wait and try again');
  app.use('/api/cases/:caseNo', (req, res, next) => (req.get('x-query-code') && !res.locals.user ? codeLimiter(req, res, next) : next()));
  app.use('/api/cases', casesRouter(ctx));
  app.use('/api', adminRouter(ctx));
  app.use('/api', usersRouter(ctx));
  app.use('/api', catalogueRouter(ctx));
  app.use('/api', deskRouter(ctx));
  app.use('/api', statsRouter(ctx));
  app.use('/api', notFoundHandler);
  app.use(webApp());
  app.use(notFoundHandler);
  app.use(errorHandler(ctx.log));
  return app;
}
