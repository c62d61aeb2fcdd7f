/**
 * Figures about the server's import graph (ADR 030): cross-module imports, the largest knot of
 * modules that can all reach each other, files loaded by nominations.routes.ts, import circles.
 * Usage: npx tsx scripts/module-graph.ts
 * Counts relative imports of src/server (type-only imports included; *.test.ts files excluded).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const server = join(root, 'src/server');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(c)) return c;
  return undefined;
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const files = walk(server);
const deps = new Map<string, string[]>();
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const out = new Set<string>();
  for (const m of src.matchAll(importRe)) {
    const r = resolveImport(f, m[1] ?? m[2]);
    if (r?.startsWith(server)) out.add(r);
  }
  deps.set(f, [...out]);
}

const moduleOf = (f: string) => /src\/server\/modules\/([^/]+)\//.exec(f)?.[1];

/** Tarjan's strongly connected components. */
function scc<T>(nodes: T[], next: (n: T) => T[]): T[][] {
  let index = 0;
  const idx = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const on = new Set<T>();
  const out: T[][] = [];
  const visit = (v: T) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: T[] = [];
      let w: T;
      do {
        w = stack.pop() as T;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      out.push(comp);
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

let crossImports = 0;
const moduleDeps = new Map<string, Set<string>>();
for (const [f, ds] of deps) {
  const a = moduleOf(f);
  for (const d of ds) {
    const b = moduleOf(d);
    if (a && b && a !== b) {
      crossImports++;
      if (!moduleDeps.has(a)) moduleDeps.set(a, new Set());
      moduleDeps.get(a)?.add(b);
    }
  }
}
const modules = readdirSync(join(server, 'modules')).filter((m) =>
  statSync(join(server, 'modules', m)).isDirectory(),
);
const knots = scc(modules, (m) => [...(moduleDeps.get(m) ?? [])]).sort((x, y) => y.length - x.length);

/** Tests' helpers (fixtures, test data, benches, the test kit) are not production code. */
const testSupport = (f: string) =>
  /\.bench\.ts$|\.fixtures?\.ts$|-fixture\.ts$|\/test-data\.ts$/.test(f) || f.includes('/src/server/test/');
const prodDeps = new Map<string, Set<string>>();
for (const [f, ds] of deps) {
  const a = moduleOf(f);
  if (!a || testSupport(f)) continue;
  for (const d of ds) {
    const b = moduleOf(d);
    if (b && a !== b && !testSupport(d)) {
      if (!prodDeps.has(a)) prodDeps.set(a, new Set());
      prodDeps.get(a)?.add(b);
    }
  }
}
const prodKnots = scc(modules, (m) => [...(prodDeps.get(m) ?? [])]).sort((x, y) => y.length - x.length);

const entry = join(server, 'modules/nominations/nominations.routes.ts');
const seen = new Set<string>([entry]);
const todo = [entry];
while (todo.length)
  for (const d of deps.get(todo.pop() as string) ?? []) if (!seen.has(d) && seen.add(d)) todo.push(d);

const fileCircles = scc(files, (f) => deps.get(f) ?? []).filter((c) => c.length > 1);
const rel = (f: string) => relative(root, f);

console.log(`server files (not tests):           ${files.length}`);
console.log(`cross-module imports:               ${crossImports}`);
console.log(
  `module pairs X -> Y:                ${[...moduleDeps.values()].reduce((s, v) => s + v.size, 0)}`,
);
/** A knot needs two modules; a lone module is not one. */
const knotLine = (k: string[] | undefined) =>
  k && k.length > 1 ? [...k].sort().join(', ') : 'none: no two modules reach each other';
const knotSize = (k: string[] | undefined) => (k && k.length > 1 ? k.length : 0);
console.log(`largest knot of modules:            ${knotSize(knots[0])} of ${modules.length}`);
console.log(`  ${knotLine(knots[0])}`);
console.log(`  without test support files:        ${knotSize(prodKnots[0])} of ${modules.length}`);
console.log(`  ${knotLine(prodKnots[0])}`);
console.log(`files loaded by nominations.routes: ${seen.size}`);
console.log(`import circles (file SCCs > 1):     ${fileCircles.length}`);
for (const c of fileCircles) console.log(`  ${c.map(rel).sort().join(' <-> ')}`);
