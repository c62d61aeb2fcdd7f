import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError } from '../context';
import { registerUser } from './user';

/** `dtbd user add` checks the password with the same policy as the API, before opening the database. */
describe('dtbd user add: password policy', () => {
  const run = (password: string) => {
    const program = new Command().exitOverride();
    registerUser(program);
    const args = ['user', 'add', '--username', 'nguyen.an', '--role', 'viewer', '--unit', '1'];
    return program.parseAsync(['node', 'dtbd', ...args, '--name', 'Nguyễn An', '--password', password]);
  };

  it.each(['password1', 'aaaaaaa1', 'matkhau123', 'nguyenan2026'])(
    'refuses %s with the reason',
    async (p) => {
      const err = await run(p).catch((e) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).vi).toMatch(/^Mật khẩu quá dễ đoán\./);
      expect((err as CliError).en).toMatch(/^The password is too easy to guess\./);
    },
  );

  it("names the user's own name as the reason", async () => {
    const err = (await run('nguyenan2026').catch((e) => e)) as CliError;
    expect(err.en).toContain('username or name');
  });
});
