import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import { redactUrl } from './logRedaction';

/** What body-parser (http-errors), raw-body, zlib and the router attach to the errors they throw. */
interface HttpLibraryError {
  type?: string;
  status?: number;
  limit?: number;
  code?: string;
  expose?: boolean;
}

/** Turns anything thrown into {error: {code, message, details?}}; never leaks a stack. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    const e = toAppError(err);
    if (e.status >= 500) log.error({ err, method: req.method, url: redactUrl(req.originalUrl) }, 'request failed');
    // Too late for an error body: Express's own handler closes the connection.
    if (res.headersSent) return next(err);
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } });
  };
}

/**
 * Every error a client can cause before our code runs gets a stable code
 * (listed in the README): the body parser's types, a body that does not
 * decompress, a path that does not percent-decode.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // The router's decodeURIComponent of a path parameter (`/api/cases/%E0%A4%A`).
  if (err instanceof URIError) return new AppError('MALFORMED_URL', 400, 'The request path is not valid percent-encoded UTF-8');
  const e = (err ?? {}) as HttpLibraryError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 400, 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 413, `The request body is larger than ${e.limit} bytes`);
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_ENCODING', 415, 'Send the body uncompressed, or with Content-Encoding gzip, deflate or br');
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_ENCODING', 415, 'Send the body as UTF-8');
    case 'request.aborted':
      return new AppError('REQUEST_ABORTED', 400, 'The request was aborted before its body arrived');
    case 'request.size.invalid':
      return new AppError('MALFORMED_BODY', 400, 'The request body is not as long as its Content-Length says');
  }
  // A compressed body that does not decompress: zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR, ERR_BROTLI_…, ERR__ERROR).
  if (e.status === 400 && typeof e.code === 'string' && /^(Z_|ERR_BROTLI|ERR__|ERR_ZLIB|ERR_ZSTD)/.test(e.code)) {
    return new AppError('MALFORMED_BODY', 400, 'The request body does not decode with its Content-Encoding');
  }
  // Any other client error a library reports (http-errors sets `expose` on 4xx only).
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    return new AppError('BAD_REQUEST', 400, 'The request could not be read');
  }
  return new AppError('INTERNAL', 500, 'Something went wrong on our side; it has been logged');
}

export function notFoundHandler(req: Request, res: Response) {
  res.status(404).json({ error: { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${req.path}` } });
}
