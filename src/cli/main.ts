/**
 * dtbd command line: database migrations, the demo province, synthetic data and user accounts.
 * Run through bin/dtbd.js (or `npm run dtbd -- ...`).
 */
import { Command } from 'commander';
import { registerAudit } from './commands/audit';
import { registerDb } from './commands/db';
import { registerDocuments } from './commands/documents';
import { registerExport } from './commands/export';
import { registerGenerate } from './commands/generate';
import { registerImport } from './commands/import';
import { registerImports } from './commands/imports';
import { registerNotifications } from './commands/notifications';
import { registerPosts } from './commands/posts';
import { registerSeed } from './commands/seed';
import { registerUser } from './commands/user';
import { reportError } from './context';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dtbd')
    .description(
      'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức - công cụ dòng lệnh.\n' +
        'Training of cadres and civil servants - command line.\n' +
        'DATABASE_URL=postgres://... dùng PostgreSQL / uses PostgreSQL; nếu không / otherwise PGlite in DTBD_DATA_DIR (./data).',
    )
    .showHelpAfterError()
    .exitOverride();
  registerDb(program);
  registerSeed(program);
  registerGenerate(program);
  registerUser(program);
  registerImport(program);
  registerImports(program);
  registerExport(program);
  registerAudit(program);
  registerPosts(program);
  registerDocuments(program);
  registerNotifications(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    // Commander's own exits (help, version, usage errors) have already printed their text.
    const code = (err as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.'))
      return (err as { exitCode: number }).exitCode;
    return reportError(err);
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.exitCode = reportError(err);
  },
);
