import { seedCodeLists } from '../modules/codes/seed-codes';
import { seedFeedbackForms } from '../modules/feedback/feedback-forms';
import { seedPlanDefaults } from '../modules/plans/plans.draft.service';
import { seedPolicies } from '../modules/policies/policies';
import { seedReportLayouts } from '../modules/reports/layouts/layout-pack';
import { seedRulePack } from '../modules/standards/rule-pack';
import type { DbHandle } from './client';
import { migrate } from './migrate';

/**
 * Bring a database to the current release: apply migrations, then add the reference data the
 * product ships (code lists, the default rule pack). Idempotent: what an admin changed is kept.
 */
export async function migrateAndProvision(handle: DbHandle): Promise<void> {
  await migrate(handle);
  await seedCodeLists(handle.db);
  await seedRulePack(handle.db);
  await seedPlanDefaults(handle.db);
  await seedPolicies(handle.db);
  await seedFeedbackForms(handle.db);
  await seedReportLayouts(handle.db);
}

/**
 * Provision a database, then run `seed` on it (the demo province: `npm start` with DEMO and
 * `dtbd seed demo` both come here, so both leave the same database, the rule pack, policies and
 * layouts included). The seeder is passed in because production code may not import the demo
 * (.dependency-cruiser.cjs); it returns whether it seeded.
 */
export async function provisionDatabase(
  handle: DbHandle,
  seed?: (handle: DbHandle) => Promise<boolean>,
): Promise<boolean> {
  await migrateAndProvision(handle);
  return seed ? seed(handle) : false;
}
