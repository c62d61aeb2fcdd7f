#!/usr/bin/env node
// Launcher: runs the TypeScript CLI (src/cli/main.ts) through tsx, forwarding arguments, stdio,
// signals and the exit code. Works from any working directory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const main = path.join(here, '..', 'src', 'cli', 'main.ts');
let tsx;
try {
  tsx = import.meta.resolve('tsx');
} catch {
  tsx = pathToFileURL(path.join(here, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
}

// `generate` makes garbage fast (CSV text chunk after chunk) and keeps little: V8 would grow its
// heap toward the machine's size first (534 MB RSS for 60,000 people, 840 MB at 1 M). A bounded
// heap keeps the process under 400 MB at any size (issue 15); DTBD_GENERATE_HEAP_MB overrides it.
const heap =
  process.argv[2] === 'generate'
    ? [`--max-old-space-size=${Number(process.env.DTBD_GENERATE_HEAP_MB) || 192}`, '--max-semi-space-size=8']
    : [];
const child = spawn(process.execPath, [...heap, '--import', tsx, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (err) => {
  console.error(`dtbd: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
