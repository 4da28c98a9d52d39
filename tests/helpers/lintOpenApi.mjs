// Lints an OpenAPI description read from stdin with the repository's redocly.yaml (Redocly's
// recommended rules, and .redocly.lint-ignore.yaml beside it); prints the problems as JSON.
// A separate Node process because @redocly/openapi-core is ESM only, which Jest's CommonJS runtime cannot load.
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const config = await loadConfig({ configPath: path.join(root, 'redocly.yaml') });
// Named as if saved at the root, where the ignore file's entries point.
const problems = await lintFromString({ source: Buffer.concat(chunks).toString('utf8'), absoluteRef: path.join(root, 'openapi.json'), config });
const out = problems
  .filter((p) => !p.ignored)
  .map((p) => ({ rule: p.ruleId, severity: p.severity, message: p.message, at: p.location?.[0]?.pointer }));
process.stdout.write(JSON.stringify(out));
