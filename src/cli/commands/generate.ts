import type { Command } from 'commander';
import { generatePeople } from '../../server/demo/generate';
import { buildDemoOrgTree } from '../../server/demo/org-tree';
import { isDatabaseEmpty } from '../../server/demo/seed-demo';
import { seedCodeLists } from '../../server/modules/codes/seed-codes';
import { fmt, positiveInt, withDatabase } from '../context';
import { progressBar } from '../progress';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'Thêm hồ sơ cán bộ giả lập vào cây tổ chức hiện có (tạo cây mẫu nếu chưa có) / add synthetic people to the existing tree (builds the demo tree if there is none)',
    )
    .requiredOption('--people <n>', 'số hồ sơ / number of people')
    .option('--seed <s>', 'hạt giống ngẫu nhiên / random seed', '1')
    .option('--chunk <n>', 'số hồ sơ mỗi lần COPY / people per COPY chunk', '10000')
    .action(async (opts: { people: string; seed?: string; chunk?: string }) => {
      const people = positiveInt('people', opts.people, 0, 1);
      const seed = positiveInt('seed', opts.seed, 1);
      const chunkSize = positiveInt('chunk', opts.chunk, 10_000, 1);
      await withDatabase(async ({ handle, where }) => {
        await seedCodeLists(handle.db);
        if (await isDatabaseEmpty(handle.db)) {
          const tree = await buildDemoOrgTree(handle);
          console.log(
            `Chưa có cây tổ chức: đã tạo cây mẫu tỉnh Quảng Ninh (${tree.unitCount} đơn vị) / no org tree: built the demo tree (${tree.unitCount} units).`,
          );
        }
        console.log(
          `Tạo ${fmt.format(people)} hồ sơ (seed ${seed}) vào ${where} / generating ${people} people`,
        );
        const bar = progressBar('Hồ sơ / people', 'người');
        const r = await generatePeople(handle, {
          people,
          seed,
          chunkSize,
          onProgress: (d, t) => bar.update(d, t),
        });
        bar.stop();
        const seconds = r.ms / 1000;
        const rows = r.people + r.qualifications + r.history;
        console.log(
          `Xong / done: ${fmt.format(r.people)} người, ${fmt.format(r.qualifications)} văn bằng, ${fmt.format(r.history)} dòng lịch sử trong ${seconds.toFixed(1)} s`,
        );
        console.log(
          `  ${fmt.format(Math.round(r.people / seconds))} người/s (people/s), ${fmt.format(Math.round(rows / seconds))} dòng/s (rows/s), id ${r.firstPersonId}-${r.firstPersonId + r.people - 1}`,
        );
        console.log(
          `  Cập nhật tình trạng tiêu chuẩn / standing rebuilt: ${(r.standingMs / 1000).toFixed(1)} s`,
        );
      });
    });
}
