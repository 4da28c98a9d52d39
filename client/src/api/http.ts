import { session } from '../session';
import { takeBootAnswer } from './boot';

/** An error the API answered with: its stable code, HTTP status and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  /** For an applicant without an account: the case's query code. */
  queryCode?: string;
  body?: unknown;
  /** Raw body (CSV text, or a file's bytes); sent with this content type. */
  text?: { body: string | Blob; type: string };
  /** A multipart body (a file upload): the browser sets its content type, boundary included. */
  form?: FormData;
  /** Extra request headers (e.g. Accept-Language for answers in the UI's language). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** One call to the API; throws ApiError with the server's code, or NETWORK when it cannot be reached. */
export async function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  if (method === 'GET') {
    const early = takeBootAnswer(path);
    if (early !== undefined) return early as T;
  }
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers, ...whoHeaders(opts.queryCode) };
  let body: string | Blob | FormData | undefined;
  if (opts.form) body = opts.form;
  else if (opts.text) {
    headers['Content-Type'] = opts.text.type;
    body = opts.text.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw refusal(res, data);
  return data as T;
}

/** Who is asking: the session's token, and (an applicant without an account) the case's query code. */
export function whoHeaders(queryCode?: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (queryCode) headers['X-Query-Code'] = queryCode;
  return headers;
}

/** The ApiError of a refused answer (its JSON body already read); a lapsed session ends here. */
export function refusal(res: Response, data: unknown): ApiError {
  const err = (data as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
  if (res.status === 401 && session.token()) {
    if (err?.code === 'INVALID_TOKEN') session.end('expired');
    else session.clear();
  }
  return new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
