import type { z } from 'zod';
import { badRequest, validationFailed } from '../errors';

interface Issue {
  field: string;
  message: string;
  /** The values a discriminator (an action's `type`) takes, when the one sent is not among them. */
  allowed?: string[];
}

/** The discriminator values of a top-level discriminated union (zod keeps them in its internals). */
function discriminatorValues(schema: z.ZodType, key: PropertyKey): string[] | undefined {
  const values = (schema as { _zod?: { propValues?: Record<PropertyKey, Set<unknown>> } })._zod?.propValues?.[key];
  return values ? [...values].map(String) : undefined;
}

function issuesOf(error: z.ZodError, schema: z.ZodType): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    const at = (extra: string[] = []) => [...i.path.map(String), ...extra].join('.') || '(root)';
    // An unknown field is named itself, not its parent object.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: at([k]), message: 'unknown field' }));
    if (i.code === 'invalid_union' && 'discriminator' in i && i.path.length === 1) {
      const allowed = discriminatorValues(schema, i.path[0]!);
      if (allowed) return [{ field: at(), message: i.message, allowed }];
    }
    return [{ field: at(), message: i.message }];
  });
}

function describe(issues: Issue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}

/** A request body: a shape error names the field and answers 422. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Send a JSON object with Content-Type: application/json');
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const issues = issuesOf(r.error, schema);
    throw validationFailed(`Invalid request: ${describe(issues)}`, { issues });
  }
  return r.data;
}

/** Query strings and path parameters: a bad one is a 400. */
export function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = issuesOf(r.error, schema);
    throw badRequest(`Invalid parameters: ${describe(issues)}`, { issues });
  }
  return r.data;
}
