import { seedCodeLists } from '../modules/demo/seed-codes';
import type { DbHandle } from './client';
import { migrate } from './migrate';

/**
 * Bring a database to the current release: apply migrations, then add the reference data the
 * product ships (code lists; later rule packs). Idempotent: what an admin changed is kept.
 */
export async function migrateAndProvision(handle: DbHandle): Promise<void> {
  await migrate(handle);
  await seedCodeLists(handle.db);
}
