import type { Command } from 'commander';
import { provisionDatabase } from '../../server/db/provision';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../../server/demo/seed-demo';
import { fmt, positiveInt, withDatabase } from '../context';
import { progressBar } from '../progress';

export function printDemoLogins(): void {
  console.log(`Tài khoản mẫu / demo logins (mật khẩu / password: ${DEMO_PASSWORD}):`);
  for (const l of DEMO_LOGINS)
    console.log(`  ${l.username.padEnd(16)} ${l.role.padEnd(18)} ${l.vi} / ${l.en}`);
}

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('Dữ liệu mẫu / demo data');
  seed
    .command('demo')
    .description(
      'Tạo tỉnh mẫu (Quảng Ninh) trên cơ sở dữ liệu trống / seed the demo province into an empty database',
    )
    .option('--people <n>', 'số hồ sơ cán bộ / number of people', '3000')
    .option('--seed <s>', 'hạt giống ngẫu nhiên / random seed', '2025')
    .action(async (opts: { people?: string; seed?: string }) => {
      const people = positiveInt('people', opts.people, 3000);
      const seedValue = positiveInt('seed', opts.seed, 2025);
      await withDatabase(async ({ handle, where }) => {
        const bar = progressBar('Hồ sơ / people', 'người');
        let stats = '';
        // The same provisioning as `npm start` with DEMO (rule pack, policies, layouts, then the demo).
        const seeded = await provisionDatabase(handle, (h) =>
          seedDemo(h, {
            people,
            seed: seedValue,
            onProgress: (done, total) => bar.update(done, total),
            onGenerated: (r) => {
              stats = `${fmt.format(r.people)} người, ${fmt.format(r.qualifications)} văn bằng, ${fmt.format(r.history)} dòng lịch sử / people, qualifications, history rows (${(r.ms / 1000).toFixed(1)} s)`;
            },
          }),
        );
        bar.stop();
        if (!seeded) {
          console.log(
            `Cơ sở dữ liệu đã có cây tổ chức, không tạo dữ liệu mẫu. Dùng "dtbd generate" để thêm hồ sơ.\nThe database already has an org tree; nothing seeded. Use "dtbd generate" to add people. (${where})`,
          );
          return;
        }
        console.log(`Đã tạo tỉnh mẫu / demo province seeded (${where}): ${stats}`);
        printDemoLogins();
      });
    });
}
