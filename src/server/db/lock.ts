import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/errors';

/**
 * One owner per PGlite data dir: two processes opening it lose writes silently. The owner writes
 * its pid to `dtbd.lock`; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string, owner: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'dtbd.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, owner, since: new Date().toISOString() }), {
        flag: 'wx',
      });
      const release = () => {
        try {
          const held = JSON.parse(fs.readFileSync(file, 'utf8'));
          if (held.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let held: { pid: number; owner: string } | undefined;
      try {
        held = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        held = undefined;
      }
      if (held && held.pid !== process.pid && isAlive(held.pid)) {
        throw new AppError('DATA_DIR_LOCKED', {
          details: { dataDir, pid: held.pid, owner: held.owner },
          message: {
            vi: `Thư mục dữ liệu ${dataDir} đang được tiến trình ${held.pid} (${held.owner}) sử dụng. Hãy dừng máy chủ trước, hoặc dùng DATABASE_URL để làm việc với PostgreSQL.`,
            en: `The data directory ${dataDir} is held by process ${held.pid} (${held.owner}). Stop the server first, or use DATABASE_URL to work on PostgreSQL.`,
          },
        });
      }
      fs.rmSync(file, { force: true }); // stale lock
    }
  }
  throw new Error(`Could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
