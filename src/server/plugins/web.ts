/**
 * Security headers on every response and the built web UI (ADR 027).
 */
import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** CSP for the built SPA: its own scripts; antd writes its styles inline; images may be data: URLs. */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        // Only behind HTTPS: on a plain-HTTP LAN install it would break every request.
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    hsts: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** A path segment that starts with a dot (.env, .git) is never served. */
const DOT_SEGMENT = /(^|\/)\./;

/** Files under assets/ carry a content hash in their name: cached for a year, never revalidated. */
const HASHED = /^assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serve the built UI from its real path (symlinks resolved once) with SPA fallback. A file is
 * served only when its own real path lies inside that folder; dotfiles answer 404. The build
 * writes .br and .gz beside each text file; they are sent to clients that accept them (ADR 032).
 * Hashed assets are immutable for a year; index.html (and the fallback) is revalidated each time,
 * so a new release is picked up on the next load.
 */
export async function registerWeb(app: FastifyInstance, webDir: string | undefined) {
  if (!webDir || !fs.existsSync(path.join(webDir, 'index.html'))) return;
  const root = fs.realpathSync(webDir);
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    dotfiles: 'deny',
    serve: false,
    preCompressed: true,
    // Set below per file: send's own header is lost when a missing .br/.gz falls back to the file.
    cacheControl: false,
  });
  const inside = (file: string) => file.startsWith(root + path.sep);
  app.get('/*', { schema: { hide: true }, config: { public: true } }, (req, reply) => {
    // The router's own view of the path, so a request in absolute form is read the same way.
    const rel = (req.params as { '*'?: string })['*'] ?? '';
    if (rel === 'api' || rel.startsWith('api/')) return reply.callNotFound();
    if (DOT_SEGMENT.test(rel) || rel.includes('\0')) return reply.callNotFound();
    reply.header('vary', 'accept-encoding');
    const page = () =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    let file: string;
    try {
      file = fs.realpathSync(path.resolve(root, rel));
    } catch {
      return page();
    }
    const relFile = path.relative(root, file);
    if (inside(file) && !DOT_SEGMENT.test(relFile) && fs.statSync(file).isFile()) {
      if (relFile === 'index.html') return page();
      const hashed = HASHED.test(relFile.split(path.sep).join('/'));
      return reply.header('cache-control', hashed ? IMMUTABLE : 'public, max-age=0').sendFile(relFile);
    }
    return page();
  });
}
