/**
 * What every CLI command shares: configuration, the PGlite data-dir lock (taken before the
 * database is opened), migrations, and exit codes (0 ok, 1 error, 2 data dir held elsewhere).
 */
import { type Config, loadConfig } from '../server/config';
import { type DbHandle, openDb } from '../server/db/client';
import { acquireDataDirLock } from '../server/db/lock';
import { migrate } from '../server/db/migrate';
import { AppError } from '../server/lib/errors';

/** An error the CLI prints as is (both languages), exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode = 1,
  ) {
    super(en);
  }
}

export interface CommandContext {
  config: Config;
  handle: DbHandle;
  /** Where the data lives, for messages. */
  where: string;
}

function describe(config: Config): string {
  if (!config.databaseUrl) return `PGlite ${config.dataDir}`;
  try {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL ${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** Lock (PGlite), open, migrate, run, close, unlock. */
export async function withDatabase<T>(fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let release = () => {};
  if (!config.databaseUrl) {
    try {
      release = acquireDataDirLock(config.dataDir, 'cli');
    } catch (err) {
      if (err instanceof AppError && err.code === 'DATA_DIR_LOCKED')
        throw new CliError(err.localized.vi, err.localized.en, 2);
      throw err;
    }
  }
  try {
    // Every CLI command is bulk work (generate, import, migrate): the bulk statement timeout.
    const handle = await openDb({ ...config, statementTimeoutMs: config.bulkStatementTimeoutMs });
    try {
      await migrate(handle);
      return await fn({ config, handle, where: describe(config) });
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
}

/** Print an error in Vietnamese then English and pick the exit code. */
export function reportError(err: unknown): number {
  if (err instanceof CliError) {
    console.error(err.vi);
    if (err.en !== err.vi) console.error(err.en);
    return err.exitCode;
  }
  if (err instanceof AppError) {
    console.error(err.localized.vi);
    console.error(err.localized.en);
    return err.code === 'DATA_DIR_LOCKED' ? 2 : 1;
  }
  console.error(err instanceof Error ? err.message : String(err));
  return 1;
}

/** A positive integer option, or a clear error. */
export function positiveInt(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(
      `--${name} phải là số nguyên >= ${min} (nhận được "${value}").`,
      `--${name} must be an integer >= ${min} (got "${value}").`,
    );
  return n;
}

export const fmt = new Intl.NumberFormat('vi-VN');
