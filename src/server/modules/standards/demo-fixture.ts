/** Test helper: a database with the demo province, N generated people and the rule pack. */
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { orgUnits } from '../../db/schema/index';
import { type Backend, openTestDb } from '../../test/db';
import { seedCodeLists } from '../codes/seed-codes';
import { generatePeople } from '../demo/generate';
import { buildDemoOrgTree } from '../demo/org-tree';
import { seedRulePack } from './rule-pack';

export async function openDemoDb(kind: Backend, people: number, seed = 11) {
  const { handle, cleanup } = await openTestDb(kind);
  await seedCodeLists(handle.db);
  const tree = await buildDemoOrgTree(handle);
  await generatePeople(handle, { people, seed });
  await seedRulePack(handle.db);
  const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.id, tree.rootId));
  return { handle: handle as DbHandle, cleanup, root };
}
