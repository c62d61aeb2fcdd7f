import { describe, expect, it } from 'vitest';
import { loadConfig, publicBase } from './config';

describe('loadConfig', () => {
  it('defaults to PGlite in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).databaseUrl).toBe('postgres://u@h:5432/d');
  });
  it('reads from a replica only beside a primary, with a bounded lag threshold (ADR 034)', () => {
    expect(loadConfig({}).readReplica).toBeUndefined();
    const c = loadConfig({ DATABASE_URL: 'postgres://u@p/d', DATABASE_READ_URL: 'postgres://u@r/d' });
    expect(c.readReplica).toEqual({ url: 'postgres://u@r/d', maxLagMs: 5000, checkMs: 1000 });
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@r/d' })).toThrow(
      /DATABASE_READ_URL: needs DATABASE_URL/,
    );
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://u@p/d',
        DATABASE_READ_URL: 'mysql://r',
        DATABASE_READ_MAX_LAG_MS: '61000',
      }),
    ).toThrow(/DATABASE_READ_URL[\s\S]*DATABASE_READ_MAX_LAG_MS/);
  });
  it('sizes the PostgreSQL pool from DB_POOL_MAX (default 10, 1-500; ADR 046)', () => {
    expect(loadConfig({}).poolMax).toBe(10);
    expect(loadConfig({ DB_POOL_MAX: '40' }).poolMax).toBe(40);
    expect(() => loadConfig({ DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX/);
  });
  it('runs WORKERS app processes (default 1), more than one only on PostgreSQL (ADR 057)', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@p/d', WORKERS: '2' }).workers).toBe(2);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS: more than 1 needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@p/d', WORKERS: '0' })).toThrow(/WORKERS/);
  });
  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      const msg = (e as Error).message;
      for (const v of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(msg).toContain(v);
    }
  });
});

describe('PUBLIC_URL', () => {
  it('is the base of QR codes and links, without a trailing slash', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://dtbd.quangninh.gov.vn/dtbd/' });
    expect(c.publicUrl).toBe('https://dtbd.quangninh.gov.vn/dtbd');
    expect(publicBase(c)).toBe('https://dtbd.quangninh.gov.vn/dtbd');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://old.example.vn' }).publicUrl).toBe('https://old.example.vn');
  });
  it('falls back to the listen address, never a request Host', () => {
    expect(publicBase(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080');
    expect(publicBase(loadConfig({ HOST: '10.0.0.5', PORT: '3000' }))).toBe('http://10.0.0.5:3000');
  });
  it('stops start-up on a value that is not an absolute http(s) URL', () => {
    for (const bad of [
      'dtbd.gov.vn',
      'ftp://dtbd.gov.vn',
      'https://dtbd.gov.vn/?a=1',
      'https://u:p@dtbd.gov.vn',
    ])
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
  });
});
