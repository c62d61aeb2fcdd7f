import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles';
import { foldText, nameSortKey } from '../../contracts/text';
import type { Db } from '../db/client';
import { orgUnits, orgUnitVersions, people, personHistory, users } from '../db/schema/index';
import { hashPassword } from '../lib/password';

export const PASSWORD = 'Test@2026';
let passwordHash: Promise<string> | undefined;
let seq = 0;
const uniq = () => `${process.pid % 1000}${++seq}`;

export type UnitRow = typeof orgUnits.$inferSelect;

/** A unit under a parent (or a root), with its first version row. */
export async function makeUnit(
  db: Db,
  opts: { parent?: UnitRow; name?: string; level?: string; kind?: string; validFrom?: string } = {},
): Promise<UnitRow> {
  const name = opts.name ?? `Đơn vị ${uniq()}`;
  const [u] = await db
    .insert(orgUnits)
    .values({
      parentId: opts.parent?.id ?? null,
      path: 'tmp',
      name,
      searchName: foldText(name),
      level: opts.level ?? (opts.parent ? 'commune' : 'province'),
      kind: opts.kind ?? 'ADMIN_AREA',
      validFrom: opts.validFrom ?? '2025-07-01',
    })
    .returning();
  const path = opts.parent ? `${opts.parent.path}.${u.id}` : String(u.id);
  const [withPath] = await db.update(orgUnits).set({ path }).where(eq(orgUnits.id, u.id)).returning();
  await db
    .insert(orgUnitVersions)
    .values({ unitId: u.id, name, parentId: opts.parent?.id ?? null, validFrom: withPath.validFrom });
  return withPath;
}

export type PersonRow = typeof people.$inferSelect;

export async function makePerson(
  db: Db,
  unit: UnitRow,
  over: Partial<typeof people.$inferInsert> = {},
): Promise<PersonRow> {
  const fullName = over.fullName ?? `Nguyễn Văn Thử ${uniq()}`;
  const [p] = await db
    .insert(people)
    .values({
      fullName,
      searchName: foldText(fullName),
      sortKey: nameSortKey(fullName),
      gender: 'M',
      category: 'CC',
      rank: 'CV',
      birthDate: '1985-03-04',
      unitId: unit.id,
      ...over,
    })
    .returning();
  await db.insert(personHistory).values({
    personId: p.id,
    validFrom: '2020-01-01',
    category: p.category,
    rank: p.rank,
    post: p.post,
    leadershipTier: p.leadershipTier,
    unitId: p.unitId,
    status: p.status,
  });
  return p;
}

export async function makeUser(
  db: Db,
  role: Role,
  scope: UnitRow,
  opts: { personId?: number; username?: string } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const username = opts.username ?? `${role.replace('_', '')}${uniq()}`;
  const [u] = await db
    .insert(users)
    .values({
      username,
      passwordHash: await passwordHash,
      displayName: username,
      role,
      scopeUnitId: scope.id,
      personId: opts.personId ?? null,
    })
    .returning();
  return u;
}
