/**
 * What the login page loads: the entry script of index.html and every chunk it imports
 * statically (the browser fetches them before the first screen), from the build manifest.
 * Prints each file with its gzip and brotli sizes and the total; exits 1 over the budget.
 *
 *   npx tsx scripts/web-size.ts           # measure dist/web as built
 *   npx tsx scripts/web-size.ts --build   # build first (npm run build:web)
 *
 * Budget: 400 KB of gzip JavaScript on first load (issue 15, ADR 032).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BUDGET_KB = 400;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface SizedFile {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** The entry chunk and its static imports, each once, in load order. */
export function firstLoad(manifest: Manifest): { js: string[]; css: string[] } {
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key.endsWith('index.html'))?.[1];
  if (!entry) throw new Error('no index.html entry in the manifest (built with build.manifest?)');
  const js: string[] = [];
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (c: ManifestChunk) => {
    if (seen.has(c.file)) return;
    seen.add(c.file);
    js.push(c.file);
    for (const f of c.css ?? []) css.add(f);
    for (const key of c.imports ?? []) visit(manifest[key]);
  };
  visit(entry);
  return { js, css: [...css] };
}

export function sizeOf(dir: string, file: string): SizedFile {
  const body = fs.readFileSync(path.join(dir, file));
  return {
    file,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body).length,
  };
}

function main() {
  const root = process.cwd();
  const dir = path.join(root, 'dist/web');
  if (process.argv.includes('--build'))
    execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts'], { stdio: 'inherit' });
  const manifestPath = path.join(dir, '.vite/manifest.json');
  if (!fs.existsSync(manifestPath)) {
    console.error(`${manifestPath} is missing: run npm run build:web (or pass --build).`);
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const { js, css } = firstLoad(manifest);
  const files = js.map((f) => sizeOf(dir, f));
  const styles = css.map((f) => sizeOf(dir, f));
  for (const f of [...files, ...styles])
    console.log(
      `${f.file.padEnd(44)} ${kb(f.raw).padStart(8)} KB  gzip ${kb(f.gzip).padStart(7)} KB  br ${kb(f.brotli).padStart(7)} KB`,
    );
  const sum = (xs: SizedFile[], k: keyof Omit<SizedFile, 'file'>) => xs.reduce((a, f) => a + f[k], 0);
  const gzip = sum(files, 'gzip') / 1024;
  console.log(
    `first load: ${files.length} scripts, ${kb(sum(files, 'raw'))} KB raw, ${gzip.toFixed(1)} KB gzip, ` +
      `${kb(sum(files, 'brotli'))} KB brotli JavaScript` +
      (styles.length ? `; ${kb(sum(styles, 'gzip'))} KB gzip CSS` : '') +
      ` (budget ${BUDGET_KB} KB gzip JS)`,
  );
  const all = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js'));
  console.log(
    `whole app: ${all.length} scripts, ${kb(
      sum(
        all.map((f) => sizeOf(dir, f)),
        'gzip',
      ),
    )} KB gzip`,
  );
  if (gzip > BUDGET_KB) {
    console.error(`over budget by ${(gzip - BUDGET_KB).toFixed(1)} KB`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
