/**
 * `dtbd notifications remind [--date yyyy-mm-dd]`: the daily reminders (ADR 051) now, as the
 * server's timer runs them after midnight; idempotent, so running it again adds nothing.
 */
import type { Command } from 'commander';
import { systemClock, todayOf } from '../../server/lib/dates';
import { reminderText, runReminders } from '../../server/modules/todo/reminders';
import { CliError, withDatabase } from '../context';

/** The day of `--date` (default today in Vietnam), refused unless a real yyyy-mm-dd day. */
export function dayOf(value: string | undefined): string {
  if (value === undefined) return todayOf(systemClock);
  const t = Date.parse(`${value}T00:00:00Z`);
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(value);
  if (!ok)
    throw new CliError(
      `--date phải là một ngày yyyy-mm-dd (nhận "${value}").`,
      `--date must be a day yyyy-mm-dd (got "${value}").`,
    );
  return value;
}

export function registerNotifications(program: Command): void {
  const n = program.command('notifications').description('Thông báo, nhắc việc / notifications, reminders');
  n.command('remind')
    .description(
      'Nhắc việc hằng ngày: tiêu chuẩn sắp đến hạn, đề xuất nhu cầu và báo cáo sau chuyến đi quá hạn (không gửi trùng)\n' +
        'Daily reminders: standards coming due, needs proposals and trip reports overdue (never sent twice)',
    )
    .option('--date <yyyy-mm-dd>', 'ngày nhắc (mặc định hôm nay) / the day (default today)')
    .action(async (opts: { date?: string }) => {
      const day = dayOf(opts.date);
      await withDatabase(async ({ handle, where }) => {
        console.error(where);
        const summary = await runReminders(handle.db, day, systemClock.now());
        console.log(reminderText(summary));
      });
    });
}
