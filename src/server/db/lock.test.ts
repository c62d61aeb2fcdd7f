import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors';
import { acquireDataDirLock } from './lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-lock-'));

describe('PGlite data directory lock', () => {
  it('refuses a directory held by a live process, naming it in Vietnamese and English', async () => {
    const dir = tmp();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    fs.writeFileSync(path.join(dir, 'dtbd.lock'), JSON.stringify({ pid: holder.pid, owner: 'server :3000' }));
    try {
      expect(() => acquireDataDirLock(dir, 'cli')).toThrowError(AppError);
      try {
        acquireDataDirLock(dir, 'cli');
      } catch (e) {
        const err = e as AppError;
        expect(err.code).toBe('DATA_DIR_LOCKED');
        expect(err.localized.vi).toContain(String(holder.pid));
        expect(err.localized.en).toContain('Stop the server first');
      }
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a dead process and releases its own', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'dtbd.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, owner: 'crashed' }));
    const release = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dtbd.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'dtbd.lock'))).toBe(false);
  });

  it('creates the data directory when missing (PGlite does not)', () => {
    const dir = path.join(tmp(), 'nested', 'data');
    const release = acquireDataDirLock(dir, 'test');
    expect(fs.existsSync(dir)).toBe(true);
    release();
  });
});
