/**
 * `dtbd import <kind> <file>`: the same checks and the same one-transaction write as the web
 * import (the imports service), with progress bars, the errors as a table and a non-zero exit
 * code when the import is refused. Acts as the admin of the whole tree unless --user is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { IMPORT_KINDS, IMPORT_MODES, type ImportKind, type ImportMode } from '../../contracts/imports';
import type { Queryable } from '../../server/db/client';
import { classes } from '../../server/db/schema/index';
import { systemClock } from '../../server/lib/dates';
import { markInterrupted } from '../../server/modules/imports/imports.queries';
import { createImportsService } from '../../server/modules/imports/imports.service';
import { actorFor } from '../actor';
import { CliError, fmt, withDatabase } from '../context';
import { progressBar } from '../progress';
import { resolveUnit } from './user';

/** A class by id, or by code when one class (any year) has it. */
async function resolveClass(db: Queryable, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  const found = await db
    .select({ id: classes.id, year: classes.year })
    .from(classes)
    .where(sql`lower(${classes.code}) = lower(${ref})`);
  if (found.length === 1) return found[0].id;
  if (!found.length) throw new CliError(`Không có lớp mã "${ref}".`, `No class "${ref}".`);
  const ids = found.map((c) => `${c.id} (${c.year})`).join(', ');
  throw new CliError(
    `Nhiều lớp mang mã "${ref}": dùng số ${ids}.`,
    `Several classes "${ref}": use an id: ${ids}.`,
  );
}

function printIssues(
  items: { row: number; column: string; value: string | null; message: string }[],
  total: number,
  what: 'Lỗi' | 'Cảnh báo',
) {
  const rows = items.map((e) => [String(e.row), e.column, (e.value ?? '').slice(0, 24), e.message]);
  const head = ['Dòng', 'Cột', 'Giá trị', what];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 3 ? c : c.padEnd(widths[i]))).join(' | ');
  console.log(line(head));
  console.log(widths.map((w, i) => '-'.repeat(i === 3 ? 20 : w)).join('-+-'));
  for (const r of rows) console.log(line(r));
  if (total > items.length)
    console.log(
      `... và ${fmt.format(total - items.length)} ${what.toLowerCase()} khác / and ${total - items.length} more`,
    );
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Nhập dữ liệu từ tệp .xlsx hoặc .csv / import a sheet (.xlsx or .csv)')
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', 'tệp .xlsx hoặc .csv / the file')
    .option('--unit <code>', 'đơn vị cho dòng không ghi mã đơn vị / unit of rows without a unit code')
    .option(
      '--class <id|code>',
      'lớp, theo số hoặc mã (danh sách học viên, điểm) / the class (roster, results)',
    )
    .option('--mode <mode>', 'all (tất cả hoặc không) | valid (chỉ dòng hợp lệ)', 'all')
    .option('--dry-run', 'chỉ kiểm tra, không ghi / check only, write nothing')
    .option('--user <username>', 'nhập với quyền và phạm vi của tài khoản này / act as this user')
    .action(
      async (
        kind: string,
        file: string,
        opts: { unit?: string; class?: string; mode: string; dryRun?: boolean; user?: string },
      ) => {
        if (!IMPORT_KINDS.includes(kind as ImportKind))
          throw new CliError(
            `Loại "${kind}" không có; chọn ${IMPORT_KINDS.join(', ')}.`,
            `Unknown kind "${kind}".`,
          );
        if (!IMPORT_MODES.includes(opts.mode as ImportMode))
          throw new CliError('--mode phải là all hoặc valid.', '--mode must be all or valid.');
        if (!fs.existsSync(file)) throw new CliError(`Không thấy tệp ${file}.`, `No file ${file}.`);
        const bytes = fs.readFileSync(file);
        const refused = await withDatabase(async ({ handle, where, config }) => {
          const interrupted = await markInterrupted(handle.db, []);
          if (interrupted)
            console.log(
              `${interrupted} lần nhập trước bị gián đoạn — không có dữ liệu nào được ghi / interrupted earlier, nothing written.`,
            );
          const actor = await actorFor(handle.db, opts.user);
          const unitId = opts.unit ? (await resolveUnit(handle.db, opts.unit)).id : undefined;
          const classId = opts.class ? await resolveClass(handle.db, opts.class) : undefined;
          const service = createImportsService({ handle, clock: systemClock, limits: config.importLimits });
          console.log(`Nhập ${kind} từ ${path.basename(file)} vào ${where} / importing`);
          const t0 = Date.now();
          const reading = progressBar('Đọc / reading', 'dòng');
          const checkOnly = Boolean(opts.dryRun);
          // Writing is one pass: the commit reads and checks the file itself (skip the preview).
          const batch = await service.upload(
            actor,
            {
              kind: kind as ImportKind,
              fileName: path.basename(file),
              unitId,
              classId,
            },
            bytes,
            { skipCheck: !checkOnly, onProgress: (_phase, done) => reading.update(done, done) },
          );
          let result = batch;
          if (!checkOnly) {
            let phase = 'reading';
            result = await service.commit(actor, batch.id, opts.mode as ImportMode, {
              onProgress: (p, n) => {
                if (p === 'reading') reading.update(n, n);
                else if (p !== phase) {
                  reading.stop();
                  console.log(p === 'checking' ? 'Kiểm tra / checking...' : 'Ghi / writing...');
                }
                phase = p;
              },
            });
          }
          reading.stop();
          console.log(
            `${fmt.format(result.totalRows)} dòng: ${fmt.format(result.validRows)} hợp lệ, ${fmt.format(result.errorRows)} có lỗi / rows, valid, with errors`,
          );
          if (result.errorRows) {
            const errs = await service.errors(actor, result.id, 1, 30, 'error');
            printIssues(errs.items, errs.total, 'Lỗi');
          }
          // Warnings refuse nothing (ADR 024) but are printed: the records should be looked at.
          const warnings = Object.values(result.warningCounts).reduce((a, b) => a + b, 0);
          if (warnings) {
            console.log(
              `${fmt.format(warnings)} cảnh báo (không chặn việc ghi) / warnings (they do not stop the write)`,
            );
            const warns = await service.errors(actor, result.id, 1, 30, 'warning');
            printIssues(warns.items, warns.total, 'Cảnh báo');
          }
          if (checkOnly) return opts.mode === 'all' && result.errorRows > 0;
          if (result.status !== 'committed') {
            console.error(result.failure ?? result.status);
            return true;
          }
          console.log(
            `Đã ghi / written: ${fmt.format(result.writtenRows)} ${kind === 'results' ? 'điểm / scores' : 'dòng / rows'}, lần nhập #${result.id} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
          );
          return false;
        });
        if (refused) throw new CliError('Không ghi dữ liệu nào (có lỗi).', 'Nothing written (errors).', 1);
      },
    );
}
