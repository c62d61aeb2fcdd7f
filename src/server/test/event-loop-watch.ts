/**
 * A setup file (vitest.config.ts) that names what blocks a test worker's event loop. A worker
 * blocked past a minute makes vitest's own RPC time out ("Timeout calling onTaskUpdate"), which
 * fails a run whose tests all passed: a one-second timer prints a line to stderr for every
 * wake-up that came more than DTBD_BLOCK_MS (20,000) late, naming the test file and the test then
 * running, and appends it as JSON to DTBD_BLOCK_LOG when that is set.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

const file = process.env.DTBD_BLOCK_LOG;
const limit = Number(process.env.DTBD_BLOCK_MS ?? 20_000);
// Kept before a test file can fake timers or the clock (vi.useFakeTimers, vi.setSystemTime).
const every = globalThis.setInterval;
const stop = globalThis.clearInterval;
const nowMs = () => Number(process.hrtime.bigint() / 1_000_000n);
let timer: NodeJS.Timeout | undefined;

beforeAll(() => {
  let last = nowMs();
  timer = every(() => {
    const now = nowMs();
    const late = now - last - 1_000;
    last = now;
    if (late < limit) return;
    const { testPath, currentTestName } = expect.getState();
    const line = { lateMs: late, file: testPath, test: currentTestName };
    process.stderr.write(`[event loop blocked ${late} ms] ${testPath ?? ''} ${currentTestName ?? ''}\n`);
    if (file) fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1_000);
  timer.unref();
});
afterAll(() => stop(timer));
