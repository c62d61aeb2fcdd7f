import { describe, expect, it } from 'vitest';
import { blank } from './form-values';

describe('blank', () => {
  it('trims, and sends null for nothing', () => {
    expect(blank('  Hà Nội ')).toBe('Hà Nội');
    for (const v of ['', '   ', null, undefined]) expect(blank(v)).toBeNull();
  });
});
