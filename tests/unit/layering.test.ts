import fs from 'node:fs';
import path from 'node:path';

/*
 * Imports run client/ → server/ → db/ → workflows/ only (DESIGN.md, "Architecture"): workflows/ imports none
 * of the others, db/ neither server/ nor client/, server/ never client/. Checked over every source file, so
 * a file moved or added on the wrong side of a layer (the old db/cli.ts importing server/) fails here.
 */

const ROOT = path.resolve(__dirname, '../..');
const LAYERS = ['workflows', 'db', 'server', 'client'] as const;
type Layer = (typeof LAYERS)[number];
/** What each layer may import, besides itself and packages. */
const MAY: Record<Layer, Layer[]> = { workflows: [], db: ['workflows'], server: ['db', 'workflows'], client: ['server', 'db', 'workflows'] };

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier of a file: static and dynamic imports, re-exports, require. */
function specifiers(text: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...text.matchAll(re)].map((m) => m[1]!);
}

function layerOf(file: string): Layer | undefined {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return (LAYERS as readonly string[]).includes(top!) ? (top as Layer) : undefined;
}

describe('import layering', () => {
  it('finds the import statements it checks', () => {
    expect(specifiers("import a from '../x';\nexport { b } from \"./y\";\nconst c = await import('../../z');\nimport './side';")).toEqual(['../x', './y', '../../z', './side']);
  });

  it.each(LAYERS)('%s/ imports only the layers below it', (layer) => {
    const wrong: string[] = [];
    for (const file of sources(path.join(ROOT, layer))) {
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = layerOf(path.resolve(path.dirname(file), spec));
        if (target && target !== layer && !MAY[layer].includes(target)) wrong.push(`${path.relative(ROOT, file)} imports ${spec} (${target}/)`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has the command-line tool beside the server, not in db/', () => {
    expect(fs.existsSync(path.join(ROOT, 'server/cli.ts'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'db/cli.ts'))).toBe(false);
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of ['migrate', 'seed', 'import:items', 'users']) expect(scripts[name]).toMatch(/^tsx server\/cli\.ts /);
  });
});
