/**
 * Every API route and the file that declares it (ADR 031): "a route finds its file".
 * Usage: npx tsx scripts/route-map.ts [--markdown]
 * Builds the Fastify app (no database is touched: services are only created) and records, as each
 * route is declared, the first src/server/modules file on the call stack. Prints METHOD URL -> file,
 * then the URL prefixes whose routes live in more than one module.
 */
import { relative, resolve } from 'node:path';
import type { RouteOptions } from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { DbHandle } from '../src/server/db/client';

const root = resolve(import.meta.dirname, '..');
const markdown = process.argv.includes('--markdown');

/** A database handle whose parts refuse every use: declaring routes must not query. */
const refusing = (name: string): unknown =>
  new Proxy(() => undefined, {
    get: (_t, key) => {
      if (key === 'then') return undefined;
      throw new Error(`route-map: the app used ${name}.${String(key)} while declaring routes`);
    },
    apply: () => {
      throw new Error(`route-map: the app called ${name} while declaring routes`);
    },
  });
const refuse = new Proxy({} as DbHandle, {
  get: (_t, key) => (key === 'then' ? undefined : refusing(`handle.${String(key)}`)),
});

function declaringFile(stack: string): string {
  const frames = stack.split('\n').slice(1);
  const file = (re: RegExp) => frames.map((f) => re.exec(f)?.[1]).find(Boolean);
  const found =
    file(/\((\/[^)]*\/src\/server\/modules\/[^):]+):\d+:\d+\)/) ??
    file(/at (\/[^ ]*\/src\/server\/modules\/[^:]+):\d+:\d+/) ??
    file(/\((\/[^)]*\/src\/server\/[^):]+):\d+:\d+\)/);
  return found ? relative(root, found) : '?';
}

const routes: { method: string; url: string; file: string }[] = [];
Error.stackTraceLimit = 50;
const app = await buildApp({
  handle: refuse,
  config: loadConfig({ DTBD_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }),
  logger: false,
  onRoute: (r: RouteOptions) => {
    if (!r.url.startsWith('/api/') || r.method === 'HEAD' || (r.schema as { hide?: boolean })?.hide) return;
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const file = declaringFile(new Error().stack ?? '');
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: r.url, file });
  },
});
await app.close();

routes.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
const moduleOf = (f: string) => /src\/server\/modules\/([^/]+)\//.exec(f)?.[1] ?? f;
const prefixOf = (url: string) => url.split('/').slice(0, 3).join('/');
const byPrefix = new Map<string, Set<string>>();
for (const r of routes) {
  const set = byPrefix.get(prefixOf(r.url)) ?? new Set<string>();
  set.add(moduleOf(r.file));
  byPrefix.set(prefixOf(r.url), set);
}
const shared = [...byPrefix].filter(([, m]) => m.size > 1);

if (markdown) {
  console.log('| method | URL | file |\n|---|---|---|');
  for (const r of routes) console.log(`| ${r.method} | \`${r.url}\` | \`${r.file}\` |`);
  console.log('\n| prefix | modules |\n|---|---|');
  for (const [p, m] of shared) console.log(`| \`${p}\` | ${[...m].sort().join(', ')} |`);
} else {
  const w = Math.max(...routes.map((r) => r.method.length + r.url.length)) + 2;
  for (const r of routes) console.log(`${`${r.method} ${r.url}`.padEnd(w)} -> ${r.file}`);
  console.log(`\n${routes.length} routes. Prefixes served by more than one module:`);
  for (const [p, m] of shared) console.log(`  ${p.padEnd(24)} ${[...m].sort().join(', ')}`);
}
