import fc from 'fast-check';

/** The parts of a JSON Schema (as @asteasolutions/zod-to-openapi writes them) that shape generated values. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export type Components = Record<string, Schema>;

/** The description's schemas, and real values worth trying for fields of a given name (item codes, centres, …). */
export interface Vocabulary {
  components: Components;
  hints: Record<string, readonly unknown[]>;
}

/** encodeURIComponent that takes lone surrogates too (as a replacement character: a URL cannot carry them). */
export const enc = (v: string) => encodeURIComponent(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

const text = (min = 0, max = 40) => fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'binary', minLength: min, maxLength: max }));

/** Values the schema describes: what a well-meaning client sends (so requests get past validation and reach the code behind it). */
export function fromSchema(s: Schema, v: Vocabulary, depth = 0): fc.Arbitrary<unknown> {
  if (s.$ref) return fromSchema(v.components[s.$ref.replace('#/components/schemas/', '')] ?? {}, v, depth);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromSchema(a, v, depth + 1)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => fromSchema({ ...s, type }, v, depth)));
  switch (s.type) {
    case 'string':
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity));
      return text(s.minLength ?? 0, Math.min(s.maxLength ?? 40, 60));
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000, max: s.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items && depth < 4 ? fromSchema(s.items, v, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object': {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, hinted(k, fromSchema(p, v, depth + 1), v)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A field's real values (when the vocabulary has some) most of the time, else what its schema allows. */
export function hinted(name: string, arb: fc.Arbitrary<unknown>, v: Vocabulary): fc.Arbitrary<unknown> {
  const real = v.hints[name];
  return real?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: arb }) : arb;
}

/** A value nested `n` deep: arrays or objects. */
const nested = (n: number, kind: 'array' | 'object') => (kind === 'array' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

/**
 * What an attacker or a broken client sends instead: wrong types, huge or odd
 * strings, numbers as strings. `huge` bounds the longest string: bodies go to
 * the body limit; URLs stay under Node's 16 KB header limit, past which Node
 * itself answers 431 before the app sees anything.
 */
export const hostile = (huge: number): fc.Arbitrary<unknown> => fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat({ max: huge }).map((n) => 'x'.repeat(n)),
  fc.nat({ max: huge / 60 }).map((n) => '𠮷'.repeat(n)),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1e308, -0, '', ' ', 'null', 'NaN', 'Infinity', '[]', '{}', '__proto__', 'constructor', '\u0000', '\u202e', '\ud800', '%00', '../../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', []),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: Math.min(200, Math.round(huge / 50)) }),
);
export const hostileValue = hostile(120_000);
const hostileInUrl = hostile(1_500);

/** Replaces one property of an object (or the whole value) with a hostile one, or adds an unknown one. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return hostileValue;
  const keys = Object.keys(value);
  return fc.oneof(
    fc.tuple(keys.length ? fc.constantFrom(...keys) : fc.constant('x'), hostileValue).map(([k, v]) => ({ ...value, [k]: v })),
    fc.tuple(fc.string({ maxLength: 12 }), hostileValue).map(([k, v]) => ({ ...value, [k]: v })),
    // Numbers as strings and strings as numbers: the loose typing of a form post.
    fc.constant(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'number' ? String(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]))),
  );
}

/** Keys that pollute prototypes when a server merges bodies carelessly; written as raw JSON, where JSON.parse keeps them as own keys. */
function polluted(json: string): string {
  const extra = '"__proto__":{"isAdmin":true,"role":"admin"},"constructor":{"prototype":{"isAdmin":true}}';
  return json.startsWith('{') ? (json === '{}' ? `{${extra}}` : `{${extra},${json.slice(1)}`) : `{${extra},"value":${json}}`;
}

/** A request body as raw text: mostly schema-shaped, often hostile, sometimes not JSON at all. */
export function bodyText(schema: Schema | undefined, v: Vocabulary): fc.Arbitrary<string> {
  const shaped = schema ? fromSchema(schema, v) : fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    { weight: 6, arbitrary: shaped.map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: shaped.chain(mutate).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: shaped.map((v) => polluted(JSON.stringify(v))) },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 20_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([n, k]) => nested(n, k)) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('{', '{"a":', '[1,]', 'undefined', '\u0000', '{"a":1}{"b":2}')) },
  );
}

/** A path segment: a real value, one the schema describes, or a hostile one (bad percent-encoding included). */
export function segment(real: readonly string[], schema: Schema | undefined, v: Vocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: real.length ? 5 : 0, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('') },
    { weight: 2, arbitrary: (schema ? fromSchema(schema, v) : fc.string()).map((v) => enc(String(v))) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(enc) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('%E0%A4%A', '%', '%%', '%zz', '%C0%AF', '%00', '%2e%2e', '%2F', '..', '__proto__', 'constructor', '-1', '0', '1e309', '99999999999999999999', '%20', 'a'.repeat(1000)),
    },
  );
}

/** A query string: documented parameters with shaped or hostile values, repeated keys, unknown and prototype keys. */
export function queryString(params: { name: string; schema?: Schema }[], v: Vocabulary): fc.Arbitrary<string> {
  const value = (name: string, s?: Schema) => fc.oneof({ weight: 4, arbitrary: hinted(name, s ? fromSchema(s, v) : fc.string(), v) }, { weight: 1, arbitrary: hostileInUrl });
  const pair = (name: string, s?: Schema) => value(name, s).map((x) => `${enc(name)}=${enc(typeof x === 'string' ? x : JSON.stringify(x) ?? '')}`);
  const documented = params.map((p) => fc.option(pair(p.name, p.schema), { freq: 2 }));
  const extras = fc.array(
    fc.oneof(
      fc.constantFrom('__proto__[admin]=1', 'constructor[prototype][x]=1', 'a[b][c]=1', 'page=1&page=2', '%E0%A4%A=1', 'x=%E0%A4%A', '=', '&&', 'pageSize=-1'),
      fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 20 })).map(([k, v]) => `${enc(k)}=${enc(v)}`),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...documented), fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: extras })).map(([docs, more]) => {
    const parts = [...docs.filter((d): d is string => d !== null), ...more];
    return parts.length ? `?${parts.join('&')}` : '';
  });
}
