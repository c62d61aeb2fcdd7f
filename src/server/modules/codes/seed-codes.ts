import { CODE_LISTS, type CodeItemSeed, levelListOf, QUALIFICATION_LEVELS } from '../../../contracts/codes';
import type { Queryable } from '../../db/client';
import { codeItems } from '../../db/schema/index';
import { seedCodeAliases } from './aliases.defaults';
import { seedCategoryDates } from './categories';

/** All built-in code items: the code lists and one `level_<KIND>` list per qualification kind. */
export function builtInCodeItems(): (typeof codeItems.$inferInsert)[] {
  const lists: [string, CodeItemSeed[]][] = [
    ...Object.entries(CODE_LISTS as Record<string, CodeItemSeed[]>),
    ...Object.entries(QUALIFICATION_LEVELS).map(
      ([kind, items]) => [levelListOf(kind), items] as [string, CodeItemSeed[]],
    ),
  ];
  return lists.flatMap(([list, items]) =>
    items.map((item, i) => ({
      list,
      code: item.code,
      labelVi: item.vi,
      labelEn: item.en,
      sort: i,
      meta: item.meta ?? {},
      builtIn: true,
    })),
  );
}

/**
 * Insert the built-in code lists. Idempotent: existing items are left alone, so labels an admin
 * changed survive a restart. Then the default import aliases (ADR 028). Returns how many items
 * were new. The categories' dates and mapping (ADR 043) are merged in too.
 */
export async function seedCodeLists(db: Queryable): Promise<number> {
  const rows = builtInCodeItems();
  const inserted = await db
    .insert(codeItems)
    .values(rows)
    .onConflictDoNothing()
    .returning({ code: codeItems.code });
  await seedCodeAliases(db);
  await seedCategoryDates(db);
  return inserted.length;
}
