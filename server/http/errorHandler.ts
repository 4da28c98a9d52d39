import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Turns anything thrown into {error: {code, message, details?}}; never leaks a stack. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = toAppError(err);
    if (e.status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } });
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const bp = err as BodyParserError;
  switch (bp?.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 400, 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 413, `The request body is larger than ${bp.limit} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_ENCODING', 415, 'Send the body as UTF-8');
    case 'request.aborted':
      return new AppError('REQUEST_ABORTED', 400, 'The request was aborted');
  }
  return new AppError('INTERNAL', 500, 'Something went wrong on our side; it has been logged');
}

export function notFoundHandler(req: Request, res: Response) {
  res.status(404).json({ error: { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${req.path}` } });
}
