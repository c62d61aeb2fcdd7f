/**
 * Fails when the Drizzle schema and the committed migrations drift apart: generates migrations
 * from the schema into a scratch copy of the migrations folder and checks nothing new appears.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function migrationDrift(root = process.cwd()): string[] {
  // drizzle-kit wants a relative `out`, so the scratch copy lives inside the project.
  fs.mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, 'node_modules/.cache/dtbd-drift-'));
  const out = path.join(scratch, 'migrations');
  fs.cpSync(path.join(root, 'src/server/db/migrations'), out, { recursive: true });
  const before = new Set(fs.readdirSync(out));
  fs.writeFileSync(
    path.join(scratch, 'drizzle.config.ts'),
    `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(root, 'src/server/db/schema/index.ts'))}, out: ${JSON.stringify(`./${path.relative(root, out)}`)} };\n`,
  );
  const log = execFileSync(
    path.join(root, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--config', path.join(scratch, 'drizzle.config.ts'), '--name', 'drift'],
    {
      cwd: root,
      stdio: 'pipe',
      encoding: 'utf8',
    },
  );
  if (/error/i.test(log)) throw new Error(`drizzle-kit failed:\n${log}`);
  const added = fs.readdirSync(out).filter((f) => !before.has(f));
  fs.rmSync(scratch, { recursive: true, force: true });
  return added;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const added = migrationDrift();
  if (added.length) {
    console.error(
      `Schema and migrations drift: drizzle-kit would add ${added.join(', ')}. Run npm run db:generate and commit.`,
    );
    process.exit(1);
  }
  console.log('Migrations match the schema.');
}
