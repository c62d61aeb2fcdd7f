import { openSheet } from './src/server/lib/sheets/read.ts';
import { writeVietnameseSheet, expectedRow } from './src/server/test/vietnamese-sheet.ts';
import fs from 'node:fs';
const N = Number(process.argv[2] ?? 20000);
for (const shared of [true, false]) {
  const file = `/tmp/i12x/vn-${N}-${shared}.xlsx`;
  let t = Date.now();
  await writeVietnameseSheet(file, N, shared);
  console.log('write', shared, Date.now() - t, 'ms', fs.statSync(file).size);
  t = Date.now();
  const s = await openSheet(fs.readFileSync(file));
  let n = 0, bad = 0, fffd = 0;
  for await (const r of s.rows) {
    const exp = expectedRow(n);
    const got = Object.values(r.values);
    if (JSON.stringify(got) !== JSON.stringify(exp)) { if (bad++ < 3) console.log('diff', n, got, exp); }
    if (JSON.stringify(got).includes('\uFFFD')) fffd++;
    n++;
  }
  console.log('read', shared, Date.now() - t, 'ms', n, 'rows', bad, 'bad', fffd, 'fffd', 'rss', process.resourceUsage().maxRSS/1024|0, 'MB');
}
