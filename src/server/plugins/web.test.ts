import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app';
import { testBackends } from '../test/db';

/** A built-UI folder with the files an attacker would look for, reached through a symlink. */
function makeWebDir(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dtbd-web-'));
  const real = path.join(base, 'real');
  fs.mkdirSync(path.join(real, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(real, '.git'));
  fs.writeFileSync(path.join(real, 'index.html'), '<!doctype html><title>dtbd</title>');
  fs.writeFileSync(path.join(real, 'assets', 'app.js'), 'console.log(1)');
  // What the build writes beside each text file (ADR 032).
  fs.writeFileSync(path.join(real, 'assets', 'app.js.gz'), zlib.gzipSync('console.log(1)'));
  fs.writeFileSync(path.join(real, 'assets', 'app.js.br'), zlib.brotliCompressSync('console.log(1)'));
  fs.writeFileSync(path.join(real, 'robots.txt'), 'User-agent: *');
  fs.writeFileSync(path.join(real, 'assets', 'small.js'), 'void 0');
  fs.writeFileSync(path.join(real, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(real, '.git', 'config'), '[core]');
  fs.writeFileSync(path.join(base, 'outside.txt'), 'OUTSIDE-CONTENT');
  fs.symlinkSync(path.join(base, 'outside.txt'), path.join(real, 'leak.txt'));
  // A sibling whose name starts with the folder's name: a string-prefix check would let it through.
  fs.mkdirSync(path.join(base, 'real-other'));
  fs.writeFileSync(path.join(base, 'real-other', 'secret.txt'), 'SIBLING-CONTENT');
  fs.symlinkSync(real, path.join(base, 'web'));
  return base;
}

describe.each(testBackends())('security headers and the web folder (%s)', (kind) => {
  const base = makeWebDir();
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
  const t = useTestApp(kind, { webDir: () => path.join(base, 'web') });
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('sends CSP, nosniff and frame-ancestors on pages, API answers and errors', async () => {
    for (const url of ['/', '/assets/app.js', '/api/health', '/api/people', '/api/nope', '/.env']) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("img-src 'self' data:");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('serves the UI and its assets, with the SPA fallback', async () => {
    expect((await get('/')).body).toContain('<title>dtbd</title>');
    expect((await get('/assets/app.js')).body).toBe('console.log(1)');
    expect((await get('/people/12')).body).toContain('<title>dtbd</title>');
  });

  it('refuses dotfiles and anything outside the real folder', async () => {
    for (const url of ['/.env', '/.git/config', '/assets/../.env', '/%2eenv', '/.git/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('SECRET');
      expect(res.body, url).not.toContain('[core]');
    }
    for (const url of ['/leak.txt', '/../outside.txt', '/..%2foutside.txt', '/../real-other/secret.txt']) {
      const res = await get(url);
      expect(res.body, url).not.toContain('OUTSIDE-CONTENT');
      expect(res.body, url).not.toContain('SIBLING-CONTENT');
    }
  });

  it('sends precompressed assets to clients that accept them, with Vary', async () => {
    const as = (enc?: string) =>
      t.app.inject({ method: 'GET', url: '/assets/app.js', headers: enc ? { 'accept-encoding': enc } : {} });
    const br = await as('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe('console.log(1)');
    const gz = await as('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe('console.log(1)');
    const plain = await as();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
    // A file the build did not compress is sent as it is.
    const robots = await t.app.inject({
      method: 'GET',
      url: '/robots.txt',
      headers: { 'accept-encoding': 'br' },
    });
    expect(robots.headers['content-encoding']).toBeUndefined();
    expect(robots.body).toBe('User-agent: *');
  });

  it('caches hashed assets for a year and revalidates the page every time, compressed or not', async () => {
    for (const enc of [undefined, 'gzip, br']) {
      const at = (url: string) =>
        t.app.inject({ method: 'GET', url, headers: enc ? { 'accept-encoding': enc } : {} });
      // small.js has no .br/.gz beside it: the headers survive the fallback to the plain file.
      for (const url of ['/assets/app.js', '/assets/small.js'])
        expect((await at(url)).headers['cache-control'], `${url} ${enc}`).toBe(
          'public, max-age=31536000, immutable',
        );
      for (const url of ['/', '/index.html', '/people/12']) {
        const res = await at(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], `${url} ${enc}`).toBe('no-cache');
      }
      expect((await at('/robots.txt')).headers['cache-control']).toBe('public, max-age=0');
    }
  });

  it('an unknown API path stays a JSON 404, in absolute form too', async () => {
    const res = await get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
