/**
 * `dtbd export people <file.xlsx>`: the staff list as the web's "Xuất Excel" writes it (same
 * service, same columns in words, same scope: the admin of the whole tree unless --user), with a
 * progress bar of the rows written. The file imports back with `dtbd import people`.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { systemClock } from '../../server/lib/dates';
import { createPeopleService } from '../../server/modules/people/people.service';
import { actorFor } from '../actor';
import { CliError, fmt, withDatabase } from '../context';
import { progressBar } from '../progress';
import { resolveUnit } from './user';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Xuất danh sách ra tệp .xlsx / export a list to .xlsx')
    .argument('<list>', 'people')
    .argument('<file>', 'tệp .xlsx sẽ ghi / the .xlsx file to write')
    .option('--unit <code>', 'chỉ đơn vị này và các đơn vị trực thuộc / only this unit and those under it')
    .option('--user <username>', 'xuất với quyền và phạm vi của tài khoản này / act as this user')
    .action(async (list: string, file: string, opts: { unit?: string; user?: string }) => {
      if (list !== 'people')
        throw new CliError(`Danh sách "${list}" không có; chọn people.`, `Unknown list "${list}".`);
      if (!file.toLowerCase().endsWith('.xlsx'))
        throw new CliError('Tệp phải có đuôi .xlsx.', 'The file must end in .xlsx.');
      await withDatabase(async ({ handle, where }) => {
        const actor = await actorFor(handle.db, opts.user);
        const unitId = opts.unit ? (await resolveUnit(handle.db, opts.unit)).id : undefined;
        const service = createPeopleService({ db: handle.db, clock: systemClock });
        const query = { unitId, subtree: 'true' as const };
        const { total } = await service.list(actor, { ...query, page: 1, pageSize: 1 });
        console.log(`Xuất ${fmt.format(total)} người từ ${where} / exporting`);
        const bar = progressBar('Ghi / writing', 'dòng');
        let written = 0;
        const stream = await service.exportXlsx(actor, query, (n) => {
          written = n;
          bar.update(n, Math.max(n, total));
        });
        await pipeline(stream, fs.createWriteStream(file));
        bar.update(written, Math.max(written, total));
        bar.stop();
        console.log(`Đã ghi ${fmt.format(written)} dòng vào ${file} / written`);
      });
    });
}
