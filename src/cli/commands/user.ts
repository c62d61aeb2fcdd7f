import type { Command } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../contracts/roles';
import { cleanText } from '../../contracts/text';
import type { Queryable } from '../../server/db/client';
import { orgUnits, people, users } from '../../server/db/schema/index';
import { systemActor } from '../../server/lib/actor';
import { audit } from '../../server/lib/audit';
import { hashPassword, passwordProblems } from '../../server/lib/password';
import { CliError, positiveInt, withDatabase } from '../context';
import { readPassword } from '../prompt';

type UnitRow = typeof orgUnits.$inferSelect;

/** `--unit` is an id or a unit code; "id:12" or "code:12" settles a number that could be both. */
export async function resolveUnit(db: Queryable, ref: string): Promise<UnitRow> {
  const value = ref.trim();
  const byId = async (id: number) => (await db.select().from(orgUnits).where(eq(orgUnits.id, id)))[0];
  // A current unit first; else the newest dissolved one, so the message can say so.
  const byCode = async (code: string) =>
    (
      await db
        .select()
        .from(orgUnits)
        .where(eq(orgUnits.code, code))
        .orderBy(sql`${orgUnits.validTo} IS NULL DESC, ${orgUnits.validTo} DESC`)
        .limit(1)
    )[0];
  let unit: UnitRow | undefined;
  if (value.startsWith('id:')) unit = await byId(Number(value.slice(3)) || 0);
  else if (value.startsWith('code:')) unit = await byCode(value.slice(5));
  else {
    const coded = await byCode(value);
    const numbered = /^\d{1,9}$/.test(value) ? await byId(Number(value)) : undefined;
    if (coded && numbered && coded.id !== numbered.id)
      throw new CliError(
        `"${value}" vừa là mã của "${coded.name}" vừa là id của "${numbered.name}". Hãy ghi rõ code:${value} hoặc id:${value}.`,
        `"${value}" is both the code of "${coded.name}" and the id of "${numbered.name}". Write code:${value} or id:${value}.`,
      );
    unit = coded ?? numbered;
  }
  if (!unit)
    throw new CliError(`Không tìm thấy đơn vị "${value}".`, `No unit "${value}" (give its id or code).`);
  if (unit.validTo) {
    const [next] = unit.successorId
      ? await db.select().from(orgUnits).where(eq(orgUnits.id, unit.successorId))
      : [];
    const hint = next ? ` -> ${next.name} (id ${next.id}${next.code ? `, ${next.code}` : ''})` : '';
    throw new CliError(
      `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập từ ${unit.validTo}${hint}.`,
      `The unit "${unit.name}" was dissolved or merged on ${unit.validTo}${hint}.`,
    );
  }
  return unit;
}

interface UserAddOptions {
  username: string;
  role: string;
  unit: string;
  password?: string;
  name?: string;
  person?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Tài khoản / user accounts');
  user
    .command('add')
    .description('Tạo tài khoản / create a user account')
    .requiredOption('--username <u>', 'tên đăng nhập / username')
    .requiredOption('--role <r>', `vai trò / role: ${ROLES.join(', ')}`)
    .requiredOption('--unit <unit>', 'đơn vị phạm vi: id hoặc mã / scope unit: id or code')
    .option('--password <p>', 'mật khẩu (bỏ trống để nhập ẩn) / password (omit to be prompted)')
    .option('--name <name>', 'tên hiển thị / display name')
    .option(
      '--person <id>',
      'hồ sơ cán bộ gắn với tài khoản (bắt buộc cho học viên) / linked person id (learners)',
    )
    .action(async (opts: UserAddOptions) => {
      const username = cleanText(opts.username).toLowerCase();
      if (!/^[a-z0-9._-]{3,64}$/.test(username))
        throw new CliError(
          'Tên đăng nhập gồm 3-64 ký tự a-z, 0-9, dấu chấm, gạch ngang hoặc gạch dưới.',
          'The username needs 3-64 characters: a-z, 0-9, dot, dash or underscore.',
        );
      if (!(ROLES as readonly string[]).includes(opts.role))
        throw new CliError(
          `Vai trò không hợp lệ: ${opts.role}. Chọn một trong: ${ROLES.join(', ')}.`,
          `Unknown role ${opts.role}; use one of: ${ROLES.join(', ')}.`,
        );
      const role = opts.role as Role;
      const personId = opts.person === undefined ? null : positiveInt('person', opts.person, 0, 1);
      if (role === 'learner' && personId === null)
        throw new CliError(
          'Tài khoản học viên cần --person (id hồ sơ).',
          'A learner account needs --person (a person id).',
        );
      const password = opts.password ?? (await readPassword());
      const problem = passwordProblems(password, [username, opts.name]);
      if (problem) throw new CliError(problem.vi, problem.en);

      await withDatabase(async ({ handle }) => {
        const db = handle.db;
        const unit = await resolveUnit(db, opts.unit);
        let personName: string | null = null;
        if (personId !== null) {
          const [p] = await db
            .select({ fullName: people.fullName })
            .from(people)
            .where(eq(people.id, personId));
          if (!p) throw new CliError(`Không có hồ sơ id ${personId}.`, `No person with id ${personId}.`);
          personName = p.fullName;
        }
        const displayName = opts.name ? cleanText(opts.name) : (personName ?? username);
        const passwordHash = await hashPassword(password);
        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(users)
            .values({ username, passwordHash, displayName, role, scopeUnitId: unit.id, personId })
            .onConflictDoNothing()
            .returning({ id: users.id });
          if (!row) return null;
          await audit(
            tx,
            { ...systemActor(unit.id, unit.path), username: 'cli' },
            {
              action: 'create',
              entity: 'user',
              entityId: row.id,
              summary: `CLI: tạo tài khoản ${username} (${role}) tại ${unit.name}`,
              scopePath: unit.path,
              after: { username, displayName, role, scopeUnitId: unit.id, personId },
            },
          );
          return row;
        });
        if (!created)
          throw new CliError(`Tên đăng nhập "${username}" đã có.`, `The username "${username}" is taken.`);
        console.log(
          `Đã tạo tài khoản / created user #${created.id}: ${username} (${role}), ${displayName}, phạm vi / scope: ${unit.name} [${unit.id}]`,
        );
      });
    });
}
