/** Demo logins, one per role, on the demo province. All share one password. */
import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/roles';
import type { Queryable } from '../db/client';
import { users } from '../db/schema/index';
import { hashPassword } from '../lib/password';
import { SCHOOL_NAME } from './quang-ninh';
import { queryRows } from './sql-util';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_COMMUNE = 'Xã Đầm Hà';

export interface DemoLogin {
  username: string;
  role: Role;
  /** What the login shows, in Vietnamese and English. */
  vi: string;
  en: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  {
    username: 'admin',
    role: 'admin',
    vi: 'Quản trị hệ thống, toàn tỉnh',
    en: 'Administrator, whole province',
  },
  {
    username: 'sonoivu',
    role: 'training_officer',
    vi: 'Cán bộ đào tạo Sở Nội vụ, toàn tỉnh',
    en: 'Training officer (Department of Home Affairs), whole province',
  },
  {
    username: 'canbo.xa',
    role: 'unit_officer',
    vi: `Cán bộ tổ chức ${DEMO_COMMUNE}`,
    en: `Unit HR officer, ${DEMO_COMMUNE}`,
  },
  {
    username: 'truongchinhtri',
    role: 'institution_staff',
    vi: `Cán bộ ${SCHOOL_NAME}`,
    en: `Staff of the ${SCHOOL_NAME} political school`,
  },
  {
    username: 'giangvien',
    role: 'lecturer',
    vi: `Giảng viên ${SCHOOL_NAME}`,
    en: `Lecturer, ${SCHOOL_NAME} political school`,
  },
  {
    username: 'hocvien',
    role: 'learner',
    vi: `Học viên (một công chức ${DEMO_COMMUNE})`,
    en: `Learner (a civil servant of ${DEMO_COMMUNE})`,
  },
  {
    username: 'lanhdao',
    role: 'viewer',
    vi: 'Lãnh đạo tỉnh, chỉ xem',
    en: 'Provincial leadership, read-only',
  },
];

const DISPLAY_NAMES: Record<string, string> = {
  admin: 'Quản trị hệ thống',
  sonoivu: 'Phòng Công chức, viên chức - Sở Nội vụ',
  'canbo.xa': `Cán bộ tổ chức ${DEMO_COMMUNE}`,
  truongchinhtri: `Phòng Đào tạo - ${SCHOOL_NAME}`,
  giangvien: `Giảng viên ${SCHOOL_NAME}`,
  lanhdao: 'Lãnh đạo tỉnh',
};

async function unitId(db: Queryable, where: ReturnType<typeof sql>): Promise<number | null> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM org_units WHERE valid_to IS NULL AND ${where} ORDER BY id LIMIT 1`,
  );
  return rows.length ? Number(rows[0].id) : null;
}

/**
 * Create the demo users (skipping usernames that exist). Scopes: the province root, the demo
 * commune and the political school; the learner is linked to a person working in that commune.
 * Returns the number of users created.
 */
export async function createDemoUsers(db: Queryable): Promise<number> {
  const root = await unitId(db, sql`parent_id IS NULL AND level = 'province'`);
  if (root === null) throw new Error('createDemoUsers: no province root unit');
  const commune = (await unitId(db, sql`level = 'commune' AND name = ${DEMO_COMMUNE}`)) ?? root;
  const school = (await unitId(db, sql`name = ${SCHOOL_NAME}`)) ?? root;
  const learner = await queryRows<{ id: number; full_name: string }>(
    db,
    sql`SELECT p.id, p.full_name FROM people p JOIN org_units u ON u.id = p.unit_id
        WHERE u.path <@ (SELECT path FROM org_units WHERE id = ${commune}) AND p.status = 'WORKING'
        ORDER BY p.id LIMIT 1`,
  );

  const scope: Record<string, number> = {
    admin: root,
    sonoivu: root,
    'canbo.xa': commune,
    truongchinhtri: school,
    giangvien: school,
    hocvien: commune,
    lanhdao: root,
  };
  const rows: (typeof users.$inferInsert)[] = [];
  for (const login of DEMO_LOGINS) {
    const person = login.role === 'learner' ? learner[0] : undefined;
    rows.push({
      username: login.username,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      displayName: person ? person.full_name : (DISPLAY_NAMES[login.username] ?? login.username),
      role: login.role,
      scopeUnitId: scope[login.username],
      personId: person ? Number(person.id) : null,
    });
  }
  const created = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
  return created.length;
}

/**
 * Link the demo lecturer's login to the lecturer who teaches the most sessions of this year's
 * demo classes (ADR 038), so "Lớp của tôi" lists real classes and the login takes their
 * attendance and scores. Run after the classes are seeded; returns the lecturer's id or null.
 */
export async function linkDemoLecturer(db: Queryable): Promise<number | null> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT s.lecturer_id AS id FROM class_sessions s JOIN classes c ON c.id = s.class_id
        WHERE s.lecturer_id IS NOT NULL AND c.status <> 'cancelled'
          AND s.lecturer_id NOT IN (SELECT lecturer_id FROM users WHERE lecturer_id IS NOT NULL)
        GROUP BY s.lecturer_id ORDER BY count(*) DESC, s.lecturer_id LIMIT 1`,
  );
  if (!rows.length) return null;
  const id = Number(rows[0].id);
  await db.execute(sql`UPDATE users SET lecturer_id = ${id},
      display_name = (SELECT full_name FROM lecturers WHERE id = ${id})
    WHERE username = 'giangvien' AND lecturer_id IS NULL`);
  return id;
}
