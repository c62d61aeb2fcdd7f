import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './lib/sheets/limits';
import { parseTrustProxy, type TrustProxySetting } from './lib/trust-proxy';

const MB = 1024 * 1024;
const limit = (dflt: number) => z.coerce.number().int().min(1).default(dflt);

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * A streaming replica of DATABASE_URL (ADR 034): reports, dashboards, exports and lists read
   * from it; writes, sessions and transactions stay on the primary. PostgreSQL only.
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Reads go back to the primary while the replica is this far behind (ms). */
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** How often the replica's state and lag are checked (ms). */
  DATABASE_READ_CHECK_MS: z.coerce.number().int().min(50).max(10_000).default(1_000),
  DTBD_DATA_DIR: z.string().default('./data'),
  /** Longest one SQL statement of a request may run on PostgreSQL, in ms; 0 = no limit (ADR 032). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** The same for bulk work: imports, generate, migrations and the demo seed at start (ADR 032). */
  DB_BULK_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Connections of the request pool on PostgreSQL (and of the replica's pool); ADR 046. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** App processes sharing PORT (node:cluster); more than 1 needs PostgreSQL (ADR 057). */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set on HTTPS deployments so cookies carry the Secure flag. */
  COOKIE_SECURE: bool,
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * Proxies in front of the server whose X-Forwarded-For is believed: unset = none, a hop count,
   * or a comma list of addresses / CIDR ranges (ADR 027).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustProxy(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: ${(e as Error).message}` });
      }
    }),
  /** Login attempts per username (per client address x10) before each one waits 1 s, 2 s, 4 s ... (ADR 027). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Seed the demo province when the database is empty (npm start). */
  DTBD_DEMO: z.enum(['true', 'false']).default('true'),
  /** How many people the demo province gets on first start. */
  DTBD_DEMO_PEOPLE: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  /** Where the built web UI is served from (default dist/web in the package). */
  DTBD_WEB_DIR: z.string().optional(),
  /**
   * The address users reach the server at (https://dtbd.example.gov.vn, optionally with a path):
   * the base of every QR code and link in PDFs and exports (ADR 027). Without it the listen
   * address is used and the server warns at start.
   */
  PUBLIC_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const problem = publicUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Older name of PUBLIC_URL (0.1), still read when PUBLIC_URL is not set. */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const problem = publicUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Public certificate look-ups allowed per IP per minute. */
  VERIFY_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Limits of an uploaded sheet (ADR 022): checked before it is inflated, then while read. */
  DTBD_IMPORT_MAX_MB: limit(DEFAULT_SHEET_LIMITS.maxBytes / MB),
  DTBD_IMPORT_MAX_INFLATED_MB: limit(DEFAULT_SHEET_LIMITS.maxInflatedBytes / MB),
  DTBD_IMPORT_MAX_RATIO: limit(DEFAULT_SHEET_LIMITS.maxRatio),
  DTBD_IMPORT_MAX_ENTRIES: limit(DEFAULT_SHEET_LIMITS.maxEntries),
  DTBD_IMPORT_MAX_SHEETS: limit(DEFAULT_SHEET_LIMITS.maxSheets),
  DTBD_IMPORT_MAX_ROWS: limit(DEFAULT_SHEET_LIMITS.maxRows),
  DTBD_IMPORT_MAX_CELLS: limit(DEFAULT_SHEET_LIMITS.maxCells),
  /**
   * The mail server notifications are sent through (ADR 042): smtp://user:pass@host:587 or
   * smtps://...:465. Unset: notifications stay in the app only.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The sender of notification mail. */
  SMTP_FROM: z.string().min(3).default('Đào tạo, bồi dưỡng <no-reply@localhost>'),
  /** First wait before a failed mail is tried again (ms); it doubles with each attempt. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(100).default(60_000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  /** Mail queued longer than this before its first attempt expires (hours). */
  MAIL_MAX_AGE_HOURS: z.coerce.number().int().min(1).default(72),
  /** How often the outbox looks for mail to send (ms). */
  MAIL_POLL_MS: z.coerce.number().int().min(100).default(5_000),
});

/** A replica needs a primary: PGlite has none (one process owns its directory, ADR 005). */
const ConfigRules = ConfigSchema.superRefine((c, ctx) => {
  if (c.DATABASE_READ_URL && !c.DATABASE_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_READ_URL'],
      message: 'needs DATABASE_URL (the primary); PGlite has no replica',
    });
  if (c.WORKERS > 1 && !c.DATABASE_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['WORKERS'],
      message: 'more than 1 needs DATABASE_URL (PostgreSQL); a PGlite directory has one owner process',
    });
});

/** Why a PUBLIC_URL value is not an absolute http(s) address (null when fine or unset). */
export function publicUrlProblem(v: string | undefined): string | null {
  if (v === undefined || v === '') return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `"${v}" is not an absolute URL (e.g. https://dtbd.example.gov.vn)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `"${v}" must start with https:// or http://`;
  if (url.username || url.password || url.search || url.hash)
    return `"${v}" must not carry a user, password, query or fragment`;
  return null;
}

/** An address without its trailing slash, so `${base}/verify/...` has exactly one. */
const trimUrl = (v: string | undefined) => (v ? v.replace(/\/+$/, '') : undefined);

export interface ReadReplicaConfig {
  url: string;
  maxLagMs: number;
  checkMs: number;
}

export interface Config {
  databaseUrl?: string;
  /** The streaming replica reads go to (ADR 034), with its lag threshold and check interval. */
  readReplica?: ReadReplicaConfig;
  dataDir: string;
  /** Statement timeout of request queries on PostgreSQL (ms, 0 = none). */
  statementTimeoutMs: number;
  /** Statement timeout of bulk work (imports, CLI, migrations; ms, 0 = none). */
  bulkStatementTimeoutMs: number;
  /** Connections of the request pool on PostgreSQL. */
  poolMax: number;
  /** App processes sharing the port (ADR 057). */
  workers: number;
  port: number;
  host: string;
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: TrustProxySetting;
  sessionHours: number;
  loginMaxFailures: number;
  demo: boolean;
  demoPeople: number;
  webDir?: string;
  /** PUBLIC_URL as configured (no trailing slash); see `publicBase` for the address in use. */
  publicUrl?: string;
  verifyMaxPerMinute: number;
  importLimits: SheetLimits;
  /** Notification mail (ADR 042); undefined without SMTP_URL. */
  mail?: MailConfig;
}

export interface MailConfig {
  url: string;
  from: string;
  retryBaseMs: number;
  maxAttempts: number;
  maxAgeHours: number;
  pollMs: number;
}

/** Parse the environment once; on error list every bad variable and stop. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigRules.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    readReplica: c.DATABASE_READ_URL
      ? { url: c.DATABASE_READ_URL, maxLagMs: c.DATABASE_READ_MAX_LAG_MS, checkMs: c.DATABASE_READ_CHECK_MS }
      : undefined,
    dataDir: path.resolve(c.DTBD_DATA_DIR),
    statementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
    bulkStatementTimeoutMs: c.DB_BULK_STATEMENT_TIMEOUT_MS,
    poolMax: c.DB_POOL_MAX,
    workers: c.WORKERS,
    port: c.PORT,
    host: c.HOST,
    logLevel: c.LOG_LEVEL,
    cookieSecure: c.COOKIE_SECURE,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    sessionHours: c.SESSION_HOURS,
    loginMaxFailures: c.LOGIN_MAX_FAILURES,
    demo: c.DTBD_DEMO === 'true',
    demoPeople: c.DTBD_DEMO_PEOPLE,
    webDir: c.DTBD_WEB_DIR ? path.resolve(c.DTBD_WEB_DIR) : undefined,
    publicUrl: trimUrl(c.PUBLIC_URL || c.PUBLIC_ORIGIN),
    verifyMaxPerMinute: c.VERIFY_MAX_PER_MINUTE,
    importLimits: {
      maxBytes: c.DTBD_IMPORT_MAX_MB * MB,
      maxInflatedBytes: c.DTBD_IMPORT_MAX_INFLATED_MB * MB,
      maxRatio: c.DTBD_IMPORT_MAX_RATIO,
      maxEntries: c.DTBD_IMPORT_MAX_ENTRIES,
      maxSheets: c.DTBD_IMPORT_MAX_SHEETS,
      maxRows: c.DTBD_IMPORT_MAX_ROWS,
      maxCells: c.DTBD_IMPORT_MAX_CELLS,
    },
    mail: c.SMTP_URL
      ? {
          url: c.SMTP_URL,
          from: c.SMTP_FROM,
          retryBaseMs: c.MAIL_RETRY_BASE_MS,
          maxAttempts: c.MAIL_MAX_ATTEMPTS,
          maxAgeHours: c.MAIL_MAX_AGE_HOURS,
          pollMs: c.MAIL_POLL_MS,
        }
      : undefined,
  };
}

/** The base of QR codes and links: PUBLIC_URL, else the listen address (never a request's Host). */
export function publicBase(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}
