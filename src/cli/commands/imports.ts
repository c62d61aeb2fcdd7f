/**
 * `dtbd imports purge-staged [--date yyyy-mm-dd]`: delete the staged rows of imports never
 * committed once older than the policy `imports.staged_keep_days` (ADR 058), as the server's
 * daily job does; audited per batch, and running it again deletes nothing more.
 */
import type { Command } from 'commander';
import { purgeStaged, purgeText } from '../../server/modules/imports/imports.purge';
import { withDatabase } from '../context';
import { dayOf } from './notifications';

export function registerImports(program: Command): void {
  const n = program.command('imports').description('Các lần nhập / import batches');
  n.command('purge-staged')
    .description(
      'Xóa dữ liệu đã kiểm tra của các lần nhập chưa ghi quá số ngày giữ (chính sách imports.staged_keep_days)\n' +
        'Delete the checked rows of uncommitted imports older than the kept days (policy imports.staged_keep_days)',
    )
    .option('--date <yyyy-mm-dd>', 'tính đến ngày (mặc định hôm nay) / as of the day (default today)')
    .action(async (opts: { date?: string }) => {
      const day = dayOf(opts.date);
      await withDatabase(async ({ handle, where }) => {
        console.error(where);
        console.log(purgeText(await purgeStaged(handle.db, day)));
      });
    });
}
