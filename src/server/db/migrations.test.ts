import { describe, expect, it } from 'vitest';
import { migrationDrift } from '../../../scripts/check-migrations';

describe('migrations', () => {
  it('match the Drizzle schema (no drift)', () => {
    expect(migrationDrift()).toEqual([]);
  }, 60_000);
});
