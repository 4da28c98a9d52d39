import type { z } from 'zod';
import { badRequest, validationFailed } from '../errors';

function issuesOf(error: z.ZodError) {
  return error.issues.flatMap((i) => {
    const at = (extra: string[] = []) => [...i.path.map(String), ...extra].join('.') || '(root)';
    // An unknown field is named itself, not its parent object.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: at([k]), message: 'unknown field' }));
    return [{ field: at(), message: i.message }];
  });
}

function describe(issues: { field: string; message: string }[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}

/** A request body: a shape error names the field and answers 422. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Send a JSON object with Content-Type: application/json');
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const issues = issuesOf(r.error);
    throw validationFailed(`Invalid request: ${describe(issues)}`, { issues });
  }
  return r.data;
}

/** Query strings and path parameters: a bad one is a 400. */
export function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = issuesOf(r.error);
    throw badRequest(`Invalid parameters: ${describe(issues)}`, { issues });
  }
  return r.data;
}
