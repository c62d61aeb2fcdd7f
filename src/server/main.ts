import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig, publicBase } from './config';
import { openDb } from './db/client';
import { acquireDataDirLock } from './db/lock';
import { provisionDatabase } from './db/provision';
import { openWithReadReplica } from './db/read-replica';
import { DEMO_LOGINS } from './demo/demo-users';
import { seedDemo } from './demo/seed-demo';
import { systemClock } from './lib/dates';
import { AppError } from './lib/errors';
import { markInterrupted } from './modules/imports/imports.queries';
import { startMailOutbox } from './modules/notifications/mail-outbox';
import { startStandingRollover } from './modules/standards/standing.rollover';
import { startReminders } from './modules/todo/reminders';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const config = loadConfig();
  let release = () => {};
  if (!config.databaseUrl) release = acquireDataDirLock(config.dataDir, `server :${config.port}`);
  const handle =
    config.databaseUrl && config.readReplica
      ? await openWithReadReplica(config.databaseUrl, config.readReplica, { postgres: config })
      : await openDb(config);
  // Migrations and the demo seed are bulk work: on PostgreSQL they run on a pool of their own
  // with the bulk statement timeout (ADR 032). PGlite has one connection and no timeout.
  const boot =
    handle.kind === 'postgres'
      ? await openDb({ ...config, statementTimeoutMs: config.bulkStatementTimeoutMs })
      : handle;
  let seeded = false;
  try {
    const t0 = Date.now();
    seeded = await provisionDatabase(
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
  } finally {
    if (boot !== handle) await boot.close();
  }
  const app = await buildApp({ handle, config, webDir: config.webDir ?? path.join(root, 'dist/web') });
  // The day's reminders before the first request (idempotent: a restart adds nothing), then a
  // minute after each midnight in Vietnam (ADR 051).
  const reminders = startReminders({ db: handle.db, clock: systemClock, log: (m) => app.log.info(m) });
  await reminders.done();
  await app.listen({ port: config.port, host: config.host });
  // The standing moves to the new day just after midnight in Vietnam, not at the first read (ADR 035).
  const rollover = startStandingRollover({
    db: handle.db,
    clock: systemClock,
    log: (m) => app.log.info(m),
  });

  // Notification mail leaves through the outbox, outside every request (ADR 042).
  const outbox = config.mail
    ? startMailOutbox({
        db: handle.db,
        clock: systemClock,
        settings: config.mail,
        log: (m) => app.log.info(m),
      })
    : null;

  const url = `http://localhost:${config.port}`;
  if (!config.publicUrl)
    console.warn(
      `\nCảnh báo: chưa đặt PUBLIC_URL; mã QR và đường dẫn trên giấy chứng nhận sẽ trỏ tới ${publicBase(config)}.` +
        `\nWarning: PUBLIC_URL is not set; certificate QR codes and links will point at ${publicBase(config)}.` +
        '\nSet PUBLIC_URL=https://<your public address> (docs/SECURITY.md).',
    );
  console.log(
    `\ndtbd is running at ${url}  (database: ${handle.kind}${handle.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
  );
  if (config.demo) {
    console.log('Demo logins (password Demo@2026):');
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(16)} ${l.role.padEnd(18)} ${l.vi}`);
  }
  console.log('');

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    rollover.stop();
    reminders.stop();
    outbox?.stop();
    await app.close();
    await handle.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
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
