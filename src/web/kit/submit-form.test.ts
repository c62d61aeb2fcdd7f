import { describe, expect, it } from 'vitest';
import { submitForm } from './submit-form';

function steps(opts: { valid?: boolean; fails?: boolean; nothing?: boolean }) {
  const log: string[] = [];
  return {
    log,
    run: () =>
      submitForm({
        validate: async () => {
          log.push('validate');
          if (opts.valid === false) throw { errorFields: [{ name: ['name'] }] };
          return { name: 'A' };
        },
        send: async (v) => {
          log.push(`send ${v.name}`);
          if (opts.fails) throw new Error('409');
          return opts.nothing ? false : 7;
        },
        setBusy: (b) => log.push(`busy ${b}`),
        onSuccess: (r) => log.push(`success ${r}`),
        onError: (e) => log.push(`error ${(e as Error).message}`),
      }),
  };
}

describe('submitForm', () => {
  it('sends once and reports success after the spinner stops', async () => {
    const s = steps({});
    expect(await s.run()).toBe(true);
    expect(s.log).toEqual(['validate', 'busy true', 'send A', 'busy false', 'success 7']);
  });

  it('sends nothing while a field is invalid', async () => {
    const s = steps({ valid: false });
    expect(await s.run()).toBe(false);
    expect(s.log).toEqual(['validate']);
  });

  it('nothing to send (send answers false): no success, the modal stays open', async () => {
    const s = steps({ nothing: true });
    expect(await s.run()).toBe(false);
    expect(s.log).toEqual(['validate', 'busy true', 'send A', 'busy false']);
  });

  it('a server error is shown, not a success, and the modal can be tried again', async () => {
    const s = steps({ fails: true });
    expect(await s.run()).toBe(false);
    expect(s.log).toEqual(['validate', 'busy true', 'send A', 'busy false', 'error 409']);
  });
});
