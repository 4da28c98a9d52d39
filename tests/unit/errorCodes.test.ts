import fs from 'node:fs';
import path from 'node:path';
import { toAppError } from '../../server/http/errorHandler';

/*
 * The README's table of error codes is the API's promise: every code the
 * server can answer is in it, and every error the body parser (body-parser,
 * raw-body) can raise maps to one of them with the status the table gives.
 */

const ROOT = path.resolve(__dirname, '../..');

/** An error as http-errors (body-parser's and raw-body's) makes it: status, expose, and the parser's type. */
function createError(status: number, cause: string | Error, props: Record<string, unknown> = {}): Error {
  const err = typeof cause === 'string' ? new Error(cause) : cause;
  return Object.assign(err, { status, statusCode: status, expose: status < 500 }, props);
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourcesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** "status code" pairs of the README's table (a row may list several codes). */
function documented(): Map<string, Set<number>> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const out = new Map<string, Set<number>>();
  for (const m of readme.matchAll(/^\| (\d{3}) \| ([^|]+) \|/gm)) {
    for (const code of m[2]!.matchAll(/`([A-Z_]+)`/g)) {
      if (!out.has(code[1]!)) out.set(code[1]!, new Set());
      out.get(code[1]!)!.add(Number(m[1]));
    }
  }
  return out;
}

describe('error codes', () => {
  it('lists every HTTP error code the server raises in the README’s table, with its status', () => {
    const table = documented();
    const missing: string[] = [];
    for (const file of sourcesUnder(path.join(ROOT, 'server'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/AppError\(\s*'([A-Z_]+)',\s*(\d{3})/g)) {
        if (!table.get(m[1]!)?.has(Number(m[2]))) missing.push(`${m[1]} ${m[2]} (${path.relative(ROOT, file)})`);
      }
    }
    expect(missing).toEqual([]);
    expect(table.get('DATABASE_UNAVAILABLE')).toEqual(new Set([503]));
    expect(table.get('ROUTE_NOT_FOUND')).toEqual(new Set([404]));
  });

  // Each error as body-parser 2 and raw-body create it (http-errors, with their `type`).
  const parserErrors: [string, Error, number, string][] = [
    ['bad JSON', createError(400, 'Unexpected token', { type: 'entity.parse.failed' }), 400, 'MALFORMED_JSON'],
    ['too large', createError(413, 'request entity too large', { type: 'entity.too.large', limit: 102400 }), 413, 'PAYLOAD_TOO_LARGE'],
    ['unknown content-encoding', createError(415, 'unsupported content encoding "x"', { type: 'encoding.unsupported' }), 415, 'UNSUPPORTED_ENCODING'],
    ['unknown charset', createError(415, 'unsupported charset "LATIN1"', { type: 'charset.unsupported' }), 415, 'UNSUPPORTED_ENCODING'],
    ['aborted', createError(400, 'request aborted', { type: 'request.aborted' }), 400, 'REQUEST_ABORTED'],
    ['length mismatch', createError(400, 'request size did not match content length', { type: 'request.size.invalid' }), 400, 'MALFORMED_BODY'],
    ['gzip garbage', createError(400, Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' })), 400, 'MALFORMED_BODY'],
    ['brotli garbage', createError(400, Object.assign(new Error('Decompression failed'), { code: 'ERR__ERROR' })), 400, 'MALFORMED_BODY'],
    ['a path that does not decode', Object.assign(new URIError('URI malformed'), { status: 400 }), 400, 'MALFORMED_URL'],
    ['any other client error', createError(400, 'something else', { type: 'parameters.too.many' }), 400, 'BAD_REQUEST'],
  ];

  it.each(parserErrors)('maps %s to its documented code', (_what, err, status, code) => {
    const e = toAppError(err);
    expect({ status: e.status, code: e.code }).toEqual({ status, code });
    expect(documented().get(code)).toContain(status);
  });

  it('names every other error code the server sends (plain answers, socket refusals and acknowledgements) in the README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const missing = new Set<string>();
    for (const file of sourcesUnder(path.join(ROOT, 'server'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:code: |fail\()'([A-Z][A-Z_]+)'/g)) if (!readme.includes(`\`${m[1]}\``)) missing.add(m[1]!);
    }
    expect([...missing]).toEqual([]);
  });

  it('answers anything else as 500 INTERNAL, without its message', () => {
    const e = toAppError(new TypeError('secret internals'));
    expect({ status: e.status, code: e.code }).toEqual({ status: 500, code: 'INTERNAL' });
    expect(e.message).not.toContain('secret');
  });
});
