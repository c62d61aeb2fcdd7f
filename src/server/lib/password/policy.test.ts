import { describe, expect, it } from 'vitest';
import { passwordProblems } from './policy';

describe('password policy (zxcvbn-ts with a Vietnamese dictionary)', () => {
  it('refuses common leaked and Vietnamese patterns with the estimator hint in both languages', () => {
    for (const p of [
      'password1',
      'aaaaaaa1',
      'matkhau123',
      'Matkhau@2026',
      'Mật khẩu 123',
      '123456a@',
      'Nguyen1990',
      'hanoi2026',
      'Admin@123',
      'Passw0rd!',
    ]) {
      const problem = passwordProblems(p);
      expect(problem, p).not.toBeNull();
      expect(problem!.vi, p).toMatch(/^Mật khẩu quá dễ đoán\. .+/);
      expect(problem!.en, p).toMatch(/^The password is too easy to guess\. .+/);
    }
    expect(passwordProblems('aaaaaaa1')!.en).toContain('Repeated characters');
    expect(passwordProblems('password1')!.vi).toContain('thường dùng');
  });

  it("refuses the user's own username and name", () => {
    expect(passwordProblems('Thanhtung.ha84', [])).toBeNull();
    const own = passwordProblems('Thanhtung.ha84', ['thanhtung.ha', 'Hà Thanh Tùng']);
    expect(own?.en).toContain('username or name');
  });

  it('refuses short passwords and accepts passphrases', () => {
    expect(passwordProblems('Ab1!')?.en).toMatch(/at least 8 characters/);
    for (const p of [
      'Kho-doan-9-Ngua-Xanh',
      'Cap-nhat#2026-an-toan',
      'Qk7#vL2p!xR',
      'Sông Hồng chảy về xuôi',
    ])
      expect(passwordProblems(p), p).toBeNull();
  });
});
