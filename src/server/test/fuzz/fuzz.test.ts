import fs from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CODE_LISTS } from '../../../contracts/codes';
import { ERROR_CODES } from '../../../contracts/errors';
import { fixedClock, type Session, useTestApp } from '../app';
import { testBackends } from '../db';
import { makePerson, makeUnit, makeUser } from '../fixtures/org';
import { capCases, casesOf, type FuzzCase, Hints, isFuzzed, operationsOf, rng } from './generators';

/**
 * The fuzzer (ADR 029): every write route, and every read with path or query parameters, as read
 * from the app's own OpenAPI description, gets hostile input as an admin (and a few cases as a
 * commune officer). Any 5xx, or an error body not of the shape `{ error: { code, message, details? } }`,
 * fails. `FUZZ_SEED` changes the sample, `FUZZ_CAP` the cases per write route, `FUZZ_REPORT` a
 * file to write the counts to.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const WRITE_CAP = Number(process.env.FUZZ_CAP ?? 30);
const READ_CAP = Math.ceil(WRITE_CAP / 3);
const OFFICER_CASES = 3;

interface Failure {
  route: string;
  label: string;
  status: number;
  body: string;
}

/** Why a response is wrong, or undefined when it is fine. */
export function problemOf(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return undefined;
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return 'error body is not JSON';
  }
  const b = body as { error?: { code?: unknown; message?: unknown } };
  const keys = Object.keys(body as object);
  if (keys.length !== 1 || !b.error || typeof b.error !== 'object') return 'body is not { error }';
  const extra = Object.keys(b.error).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `unexpected keys in error: ${extra.join(', ')}`;
  if (!ERROR_CODES.includes(b.error.code as never)) return `unknown error code ${String(b.error.code)}`;
  if (typeof b.error.message !== 'string' || !b.error.message) return 'error without a message';
  return undefined;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Values that pass validation, by field name: the fixtures' ids, code-list codes, times, passwords. */
function knownValue(name: string, ids: { person: number; unit: number }): unknown {
  if (name === 'personId') return ids.person;
  if (/^(unitId|parentId|organiserUnitId|scopeUnitId|orgUnitId|ownerUnitId|groupUnitId)$/.test(name))
    return ids.unit;
  if (name === 'personIds') return [ids.person];
  if (name === 'startsAt') return '08:00';
  if (name === 'endsAt') return '11:00';
  if (/password/i.test(name)) return 'Fuzz@2026-long';
  if (name === 'personalId') return '001085012345';
  if (/^(code|topicCode)$/.test(name)) return 'FZ_1';
  if (name === 'key') return 'fz_1';
  if (/birth/i.test(name)) return '1985-03-04';
  if (name === 'pattern') return '{year}/{seq}';
  const lists = CODE_LISTS as Record<string, { code: string }[]>;
  const list = lists[snake(name)] ?? Object.entries(lists).find(([l]) => l.endsWith(`_${snake(name)}`))?.[1];
  return list?.[0]?.code;
}

for (const kind of testBackends()) {
  describe(`fuzzer (${kind})`, () => {
    const ctx = useTestApp(kind, { clock: fixedClock() });

    it('no input gives a 5xx or an error outside the one shape', async () => {
      const started = Date.now();
      await ctx.app.ready();
      const db = ctx.handle.db;
      // Something for ids 1.. to find: people in both communes, a sub-unit.
      const person = await makePerson(db, ctx.communeA);
      await makePerson(db, ctx.communeB);
      await makeUnit(db, { parent: ctx.communeA, name: 'Thôn Một' });
      const sessions: Record<'admin' | 'officer', Session | undefined> = {
        admin: undefined,
        officer: undefined,
      };
      const sessionOf = async (who: 'admin' | 'officer') => {
        const s = sessions[who];
        if (s && (await ctx.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode === 200) return s;
        // The last case logged out, disabled or changed the user: a new one carries on.
        const u = await makeUser(
          db,
          who === 'admin' ? 'admin' : 'unit_officer',
          who === 'admin' ? ctx.root : ctx.communeA,
        );
        sessions[who] = await ctx.login(u.username);
        return sessions[who];
      };

      const hints = new Hints((name) => knownValue(name, { person: person.id, unit: ctx.communeA.id }));
      const random = rng(SEED);
      const ops = operationsOf(ctx.app.swagger() as never)
        .filter(isFuzzed)
        // Logging in and out last: failed logins may be limited by client.
        .sort((a, b) => Number(a.path.startsWith('/api/auth/')) - Number(b.path.startsWith('/api/auth/')));
      const statuses: Record<string, number> = {};
      const failures: Failure[] = [];
      const baseline: { route: string; status: number; body: string }[] = [];
      let requests = 0;
      const send = async (who: 'admin' | 'officer', c: FuzzCase, route: string) => {
        const session = await sessionOf(who);
        requests++;
        let res: LightMyRequestResponse;
        try {
          res = await ctx.call(session, {
            method: c.method as never,
            url: c.url,
            payload: c.payload,
            headers: c.contentType ? { 'content-type': c.contentType } : {},
          });
        } catch (err) {
          // No answer at all (the request was dropped) counts as a failure of its own.
          statuses.dropped = (statuses.dropped ?? 0) + 1;
          failures.push({ route, label: `${who} ${c.label}: no response`, status: 0, body: String(err) });
          return;
        }
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (c.label === 'body=valid-looking' && who === 'admin')
          baseline.push({ route, status: res.statusCode, body: res.body.slice(0, 300) });
        if (c.label === 'body=valid-looking' && c.method === 'POST' && res.statusCode === 200) {
          const id = (res.json() as { id?: unknown }).id;
          if (typeof id === 'number') hints.record(route.split(' ')[1], id);
        }
        const problem = problemOf(res);
        if (problem)
          failures.push({
            route,
            label: `${who} ${c.label}: ${problem}`,
            status: res.statusCode,
            body: res.body.slice(0, 300),
          });
      };
      for (const op of ops) {
        const route = `${op.method} ${op.path}`;
        const cases = capCases(casesOf(op, hints), op.method === 'GET' ? READ_CAP : WRITE_CAP, random);
        for (const c of cases) await send('admin', c, route);
        for (const c of cases.slice(0, OFFICER_CASES)) await send('officer', c, route);
      }
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      const report = {
        backend: kind,
        seed: SEED,
        routes: ops.length,
        writeRoutes: ops.filter((o) => o.method !== 'GET').length,
        requests,
        statuses,
        fiveHundreds: Object.entries(statuses)
          .filter(([s]) => Number(s) >= 500)
          .reduce((n, [, c]) => n + c, 0),
        failures: failures.length,
        failedRoutes: new Set(failures.map((f) => f.route)).size,
        seconds,
      };
      console.log(`fuzzer: ${JSON.stringify(report)}`);
      if (process.env.FUZZ_REPORT)
        fs.writeFileSync(
          `${process.env.FUZZ_REPORT}.${kind}.json`,
          JSON.stringify({ report, failures, baseline }, null, 1),
        );
      expect(failures.map((f) => `${f.route} ${f.label} ${f.body}`)).toEqual([]);
    }, 600_000);
  });
}
