import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { type Config, loadConfig, publicBase } from './config';
import { type DbHandle, openDb } from './db/client';
import { acquireDataDirLock } from './db/lock';
import { provisionDatabase } from './db/provision';
import { openWithReadReplica } from './db/read-replica';
import { DEMO_LOGINS } from './demo/demo-users';
import { seedDemo } from './demo/seed-demo';
import { systemClock } from './lib/dates';
import { AppError } from './lib/errors';
import { purgeStaged, purgeText } from './modules/imports/imports.purge';
import { markInterrupted } from './modules/imports/imports.queries';
import { startMailOutbox } from './modules/notifications/mail-outbox';
import { startStandingRollover } from './modules/standards/standing.rollover';
import { startReminders } from './modules/todo/reminders';
import { runWorkers, workerIndex } from './workers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const config = loadConfig();
  // WORKERS > 1 (PostgreSQL only): this primary migrates and seeds once, then forks the workers
  // that share the port and serve; it serves nothing itself (ADR 057).
  if (config.workers > 1 && cluster.isPrimary) {
    const boot = await openDb({ ...config, statementTimeoutMs: config.bulkStatementTimeoutMs });
    try {
      await prepare(boot, config);
    } finally {
      await boot.close();
    }
    await runWorkers(config.workers, (m) => console.log(m));
    announce(config, 'postgres', `${config.workers} workers`);
    return;
  }
  await serve(config);
}

/** Migrations, imports left by a killed process, the demo seed: once, before anything serves. */
async function prepare(boot: DbHandle, config: Config) {
  const t0 = Date.now();
  // One path with `dtbd seed demo` (ADR 054 follow-up): migrations, reference data, the demo.
  const seeded = await provisionDatabase(
    boot,
    config.demo ? (h) => seedDemo(h, { people: config.demoPeople }) : undefined,
  );
  if (seeded)
    console.log(
      `Demo province seeded (${config.demoPeople} people) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  // Imports left running by a killed process wrote nothing (one transaction): say so.
  const interrupted = await markInterrupted(boot.db, []);
  if (interrupted) console.log(`${interrupted} import(s) interrupted earlier: nothing was written.`);
}

/** One process that serves: the only one (WORKERS=1) or a worker of the cluster. */
async function serve(config: Config) {
  const inCluster = cluster.isWorker;
  let release = () => {};
  if (!config.databaseUrl) release = acquireDataDirLock(config.dataDir, `server :${config.port}`);
  const handle =
    config.databaseUrl && config.readReplica
      ? await openWithReadReplica(config.databaseUrl, config.readReplica, { postgres: config })
      : await openDb(config);
  // Migrations and the demo seed are bulk work: on PostgreSQL they run on a pool of their own
  // with the bulk statement timeout (ADR 032). PGlite has one connection and no timeout. In a
  // cluster the primary did them.
  const boot =
    handle.kind === 'postgres' && !inCluster
      ? await openDb({ ...config, statementTimeoutMs: config.bulkStatementTimeoutMs })
      : handle;
  try {
    if (!inCluster) await prepare(boot, config);
  } finally {
    if (boot !== handle) await boot.close();
  }
  const app = await buildApp({ handle, config, webDir: config.webDir ?? path.join(root, 'dist/web') });
  // Timers that write run in one process only: the single one, or worker 1 of a cluster.
  const background = workerIndex() === 1;
  // The day's reminders before the first request (idempotent: a restart adds nothing), then a
  // minute after each midnight in Vietnam (ADR 051).
  // The same run cleans the staged rows of imports never committed (ADR 058).
  const reminders = background
    ? startReminders({
        db: handle.db,
        clock: systemClock,
        log: (m) => app.log.info(m),
        also: [async (today) => purgeText(await purgeStaged(handle.db, today))],
      })
    : null;
  await reminders?.done();
  await app.listen({ port: config.port, host: config.host });
  // The standing moves to the new day just after midnight in Vietnam, not at the first read (ADR 035).
  const rollover = background
    ? startStandingRollover({
        db: handle.db,
        clock: systemClock,
        log: (m) => app.log.info(m),
      })
    : null;

  // Notification mail leaves through the outbox, outside every request (ADR 042).
  const outbox =
    config.mail && background
      ? startMailOutbox({
          db: handle.db,
          clock: systemClock,
          settings: config.mail,
          log: (m) => app.log.info(m),
        })
      : null;
  if (!inCluster) announce(config, handle.kind, handle.kind === 'pglite' ? config.dataDir : '');

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    rollover?.stop();
    reminders?.stop();
    outbox?.stop();
    await app.close();
    await handle.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The address, the warnings and the demo logins, once per start (by the primary in a cluster). */
function announce(config: Config, kind: string, detail: string) {
  const url = `http://localhost:${config.port}`;
  if (!config.publicUrl)
    console.warn(
      `\nCảnh báo: chưa đặt PUBLIC_URL; mã QR và đường dẫn trên giấy chứng nhận sẽ trỏ tới ${publicBase(config)}.` +
        `\nWarning: PUBLIC_URL is not set; certificate QR codes and links will point at ${publicBase(config)}.` +
        '\nSet PUBLIC_URL=https://<your public address> (docs/SECURITY.md).',
    );
  console.log(`\ndtbd is running at ${url}  (database: ${kind}${detail ? `, ${detail}` : ''})`);
  if (config.demo) {
    console.log('Demo logins (password Demo@2026):');
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(16)} ${l.role.padEnd(18)} ${l.vi}`);
  }
  console.log('');
}

main().catch((err) => {
  if (err instanceof AppError) {
    console.error(err.localized.vi);
    console.error(err.localized.en);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
