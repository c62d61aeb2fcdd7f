#!/usr/bin/env node
// `npm run test:e2e`: make sure Debian's Chromium is there, then run the browser journeys.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

if (!fs.existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `e2e: Chromium not found at ${CHROMIUM}.\n` +
        'Install it with `sudo apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.\n' +
        '`npx playwright install` does not work here: the tests drive the system Chromium through playwright-core.',
    );
    process.exit(1);
  }
  console.log('e2e: installing Debian Chromium (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update', '-qq'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) !== 0
  ) {
    console.error('e2e: could not install chromium with apt-get; install it by hand and run again.');
    process.exit(1);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`e2e: chromium installed but ${CHROMIUM} is missing; set CHROMIUM_PATH.`);
    process.exit(1);
  }
}

const status = run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
process.exit(status);
