/**
 * `dtbd audit resets`: the fields a 0.1.0 update reset to their create defaults without being
 * asked, listed, shown one entry at a time, and restored on confirmation (ADR 023).
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import { systemClock } from '../../server/lib/dates';
import { actorFor } from '../actor';
import { CliError, withDatabase } from '../context';
import { progressBar } from '../progress';
import { runResets } from '../resets';

/** Ask a yes/no question on the terminal (or read the first line piped in); no answer is no. */
function confirm(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    let answer = '';
    rl.once('line', (line) => {
      answer = line;
      rl.close();
    });
    rl.once('close', () => resolve(/^(y|yes|c|có|co)$/i.test(answer.trim())));
    rl.setPrompt(question);
    rl.prompt();
  });
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('Nhật ký thao tác / audit log');
  audit
    .command('resets')
    .description(
      'Giá trị bị bản 0.1.0 đặt lại về mặc định khi sửa (không được yêu cầu): liệt kê, xem, khôi phục\n' +
        'Fields a 0.1.0 update reset to their default without being asked: list, show, restore',
    )
    .option('--entity <entity>', 'person | report_layout')
    .option('--since <yyyy-mm-dd>', 'chỉ các lần sửa từ ngày này / only updates from this day')
    .option('--all', 'cả các thay đổi có thể đã được yêu cầu / also changes that may have been asked for')
    .option('--show <id>', 'xem một dòng nhật ký / show one audit entry', (v) => Number(v))
    .option('--restore', 'khôi phục (hỏi xác nhận) / restore (asks first)')
    .option('--yes', 'không hỏi xác nhận / do not ask')
    .option('--user <username>', 'với quyền và phạm vi của tài khoản này / act as this user')
    .action(
      async (opts: {
        entity?: string;
        since?: string;
        all?: boolean;
        show?: number;
        restore?: boolean;
        yes?: boolean;
        user?: string;
      }) => {
        const code = await withDatabase(async ({ handle, where }) => {
          console.error(`${where}`);
          const actor = await actorFor(handle.db, opts.user);
          return runResets({ db: handle.db, clock: systemClock }, actor, opts, {
            out: (l) => console.log(l),
            confirm,
            progress: progressBar,
          });
        });
        if (code !== 0)
          throw new CliError(
            'Có lần sửa không khôi phục được (xem ở trên).',
            'Some updates were not restored (see above).',
          );
      },
    );
}
