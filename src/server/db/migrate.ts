import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { trendTriggersSql } from '../modules/dashboard/dashboard.trends';
import { standingTriggersSql } from '../modules/standards/standing.triggers';
import type { DbHandle } from './client';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Apply the committed migrations (extensions first), then the triggers Drizzle cannot declare
 * (the standing's dirty marks, ADR 033; the trends' marks, ADR 047). Idempotent.
 */
export async function migrate(handle: DbHandle): Promise<void> {
  const cfg = { migrationsFolder: MIGRATIONS_DIR };
  // biome-ignore lint/suspicious/noExplicitAny: both migrators accept the drizzle instance of their driver
  if (handle.kind === 'pglite') await migratePglite(handle.db as any, cfg);
  // biome-ignore lint/suspicious/noExplicitAny: see above
  else await migratePg(handle.db as any, cfg);
  await handle.exec(standingTriggersSql());
  await handle.exec(trendTriggersSql());
  // The per-unit rollups (ADR 035) arrived after the standing: a standing built before them is
  // rebuilt once, with its rollups, by the next reader.
  await handle.exec(`insert into standing_dirty (person_id) select null
    where exists (select 1 from person_standing) and not exists (select 1 from standing_unit_counts)`);
}
