import type { Command } from 'commander';
import { withDatabase } from '../context';

export function registerDb(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu / database');
  db.command('migrate')
    .description('Áp dụng các migration / apply the migrations')
    .action(async () => {
      await withDatabase(async ({ where }) => {
        console.log(
          `Cơ sở dữ liệu đã cập nhật cấu trúc mới nhất / Database schema is up to date (${where}).`,
        );
      });
    });
}
