import cluster, { type Worker } from 'node:cluster';

/** The environment variable that tells a forked worker its number (1..WORKERS). */
export const WORKER_INDEX_ENV = 'DTBD_WORKER_INDEX';

/**
 * This process's worker number: 1 for a single process (WORKERS=1), 1..n in a cluster's worker,
 * never asked in a cluster's primary (which serves no request). Background jobs run where it is 1 (ADR 057).
 */
export function workerIndex(): number {
  return Number(process.env[WORKER_INDEX_ENV] ?? 1);
}

/**
 * The cluster's primary (ADR 057): forks `count` workers that share the port (the operating
 * system hands each connection to one of them), resolves when every one listens, forks a
 * replacement with the same number when one dies unexpectedly, and stops them all on SIGINT/SIGTERM.
 */
export function runWorkers(count: number, log: (m: string) => void): Promise<void> {
  let stopping = false;
  const byIndex = new Map<number, Worker>();
  let listening = 0;
  let ready: () => void = () => {};
  const allListening = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const fork = (index: number) => {
    const w = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    byIndex.set(index, w);
    w.once('listening', () => {
      listening += 1;
      if (listening === count) ready();
    });
    w.once('exit', (code, signal) => {
      // 0: the worker stopped itself on a signal (Ctrl-C reaches the whole process group).
      if (stopping || code === 0) return;
      log(
        `Tiến trình ${index} dừng (${signal ?? code}): khởi động lại. / Worker ${index} stopped (${signal ?? code}): restarting.`,
      );
      fork(index);
    });
  };
  for (let i = 1; i <= count; i++) fork(i);
  const stop = () => {
    stopping = true;
    const alive = [...byIndex.values()].filter((w) => !w.isDead());
    let left = alive.length;
    if (left === 0) process.exit(0);
    for (const w of alive) {
      w.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      w.process.kill('SIGTERM');
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return allListening;
}
