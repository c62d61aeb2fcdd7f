/**
 * The demo province in one call: code lists, org tree, synthetic staff, their ratings, the
 * training catalogue (programmes, institutions, lecturers), demo logins and plans, this year's
 * classes and a few of the years before.
 */
import { sql } from 'drizzle-orm';
import type { DbHandle, Queryable } from '../db/client';
import { vietnamMoment } from '../lib/dates';
import { seedCodeLists } from '../modules/codes/seed-codes';
import { seedFeedbackForms } from '../modules/feedback/feedback-forms';
import { seedPolicies } from '../modules/policies/policies';
import { seedDemoCatalogue } from './catalogue';
import { generateClassHistory } from './class-history';
import { seedDemoAbroad } from './demo-abroad';
import { seedDemoClassHistory } from './demo-class-history';
import { seedDemoClasses } from './demo-classes';
import { seedDemoMoney } from './demo-money';
import { seedDemoPlans } from './demo-plans';
import { createDemoUsers, linkDemoLecturer } from './demo-users';
import { seedDemoWork } from './demo-work';
import { type GenerateResult, generatePeople } from './generate';
import { buildDemoOrgTree } from './org-tree';
import { seedDemoRatings } from './ratings';
import { queryRows } from './sql-util';

export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './demo-users';

export interface SeedDemoOptions {
  people?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called with the figures of the people load. */
  onGenerated?: (result: GenerateResult) => void;
  /** "Today" for the demo's dated data (ratings of the three previous years). */
  today?: Date;
  /** Classes of the four years before last (class-history.ts); default 24. */
  pastClasses?: number;
}

/** True when there is no org unit yet (a fresh database). */
export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const rows = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM org_units) AS present`,
  );
  return !rows[0].present;
}

/**
 * Seed the demo province when the database has no org tree. Returns false (and changes
 * nothing) when org units already exist, true once seeded.
 */
export async function seedDemo(handle: DbHandle, opts: SeedDemoOptions = {}): Promise<boolean> {
  if (!(await isDatabaseEmpty(handle.db))) return false;
  await seedCodeLists(handle.db);
  await seedPolicies(handle.db);
  await seedFeedbackForms(handle.db);
  await buildDemoOrgTree(handle);
  const result = await generatePeople(handle, {
    people: opts.people ?? 3000,
    seed: opts.seed ?? 2025,
    onProgress: opts.onProgress,
  });
  await seedDemoRatings(handle.db, { today: opts.today });
  await seedDemoCatalogue(handle.db, { today: opts.today });
  await createDemoUsers(handle.db);
  await seedDemoPlans(handle.db);
  await seedDemoClasses(handle.db, { today: opts.today });
  await linkDemoLecturer(handle.db);
  await seedDemoAbroad(handle.db, { today: opts.today });
  // Past years' classes, so the dashboard's charts over the last five years have something to show.
  const today = opts.today ?? new Date();
  const year = today.getFullYear();
  const past = opts.pastClasses ?? 30;
  if (past > 0)
    await generateClassHistory(handle.db, {
      classes: past,
      nominations: past * 30,
      fromYear: year - 5,
      toYear: year - 1,
      today: vietnamMoment(today).day,
    });
  if (past > 0) await seedDemoClassHistory(handle.db, { today: opts.today });
  await seedDemoMoney(handle.db, { today: opts.today });
  await seedDemoWork(handle.db, { today: opts.today });
  opts.onGenerated?.(result);
  return true;
}
