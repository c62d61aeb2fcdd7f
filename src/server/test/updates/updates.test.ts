/**
 * Generated from the OpenAPI description (ADR 023): for EVERY PATCH/PUT route of the built app,
 * create a record, change one field of the body at a time (a valid new value derived from the
 * field's schema, its enum or its code list; null too when the field may be cleared), read the
 * record back through its GET and compare it whole with what it was: only the field named (and
 * what derives from it) may change. The route list comes from OpenAPI, so a new route fails here
 * until it has a recipe (recipes/*.ts), and a new field of a body is changed without anyone
 * writing a test for it. Each change must also be audited with the fields the request named.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { fixedClock, useTestApp } from '../app';
import { testBackends } from '../db';
import { ALWAYS_CHANGING, makeWorld, type Rec, type Recipe, type World } from './recipe';
import { RECIPES } from './recipes/index';
import { isNullable, type JsonSchema, NO_VALUE, otherValue } from './values';

// Sessions expire by the real clock: the app's day lies ahead of it (fixtures are dated from it).
const NOW = '2030-11-20T08:00:00Z';
const TODAY = NOW.slice(0, 10);

type Routes = Map<string, JsonSchema>;

/** `METHOD /api/path/{param}` -> the JSON schema of the body, for every PATCH and PUT. */
function updateRoutes(doc: { paths: Record<string, Record<string, Rec>> }): Routes {
  const out: Routes = new Map();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const method of ['patch', 'put'] as const) {
      const op = ops[method] as { requestBody?: { content: Record<string, { schema: JsonSchema }> } };
      if (op)
        out.set(`${method.toUpperCase()} ${path}`, op.requestBody?.content['application/json']?.schema ?? {});
    }
  return out;
}

const omit = (rec: Rec, keys: Set<string>) =>
  Object.fromEntries(Object.entries(rec).filter(([k]) => !keys.has(k)));

/** Change every field of one route's body, one at a time; returns how many changes were made. */
async function exercise(w: World, key: string, recipe: Recipe, body: JsonSchema): Promise<number> {
  const [method, path] = key.split(' ') as ['PATCH' | 'PUT', string];
  const items = recipe.items;
  const schema = items ? (body.properties?.[items.property]?.items ?? {}) : body;
  const props = schema.properties ?? {};
  const required = (schema.required ?? []).filter((f) => !items?.key.includes(f));
  const controls = recipe.controls ?? {};
  const declared = [
    ...Object.keys(controls),
    ...Object.keys(recipe.skip ?? {}),
    ...Object.keys(recipe.values ?? {}),
    ...Object.keys(recipe.codes ?? {}),
    ...Object.keys(recipe.with ?? {}),
    ...Object.keys(recipe.follows ?? {}),
    ...Object.keys(recipe.noClear ?? {}),
    ...Object.keys(recipe.writeOnly ?? {}),
    ...(items?.key ?? []),
  ];
  const stale = declared.filter((f) => !(f in props) && !(f in (body.properties ?? {})));
  expect(stale, `${key}: the recipe names fields the body no longer has`).toEqual([]);
  const fields = Object.keys(props).filter(
    (f) => !(f in controls) && !recipe.skip?.[f] && !items?.key.includes(f),
  );

  const target = await recipe.setup(w);
  const session = target.session ?? w.admin;
  const url = path.replace(/\{(\w+)\}/g, (_m, p: string) => String(target.params[p]));
  let rec = await target.read();

  // Start away from what a reset would write, so a reset shows.
  for (const f of fields)
    if (rec[f] === null && isNullable(props[f]) && !recipe.noClear?.[f])
      expect.fail(`${key}: the record starts with ${f} = null; give it a value in the set-up`);
  for (const [f, d] of Object.entries(recipe.createDefaults ?? {}))
    expect(rec[f], `${key}: start ${f} away from its create default`).not.toEqual(d);

  const bodyOf = (field: string, value: unknown, extra: Rec): Rec => {
    const fieldsOf: Rec = Object.fromEntries(required.map((f) => [f, rec[f]]));
    if (!items)
      return {
        ...Object.fromEntries(Object.entries(controls).map(([f, of]) => [f, of(rec)])),
        ...fieldsOf,
        ...extra,
        [field]: value,
      };
    const item = {
      ...Object.fromEntries(items.key.map((f) => [f, rec[f]])),
      ...fieldsOf,
      ...extra,
      [field]: value,
    };
    return { [items.property]: [item, ...(items.rest?.(rec) ?? [])] };
  };

  let changes = 0;
  for (const field of fields) {
    let values: unknown[];
    if (recipe.values?.[field]) values = await recipe.values[field](rec, w);
    else {
      const list = recipe.codes?.[field];
      const codes = list ? await w.codes(typeof list === 'string' ? list : list(rec)) : undefined;
      const v = otherValue(field, props[field], rec[field], { today: w.today, codes });
      if (v === NO_VALUE)
        expect.fail(
          `${key}: no new value of ${field} follows from its schema: give the recipe values.${field}, codes.${field} or skip.${field}`,
        );
      const clear = isNullable(props[field]) && rec[field] !== null && !recipe.noClear?.[field];
      values = clear ? [null, v] : [v];
    }
    for (const value of values) {
      const extra = recipe.with?.[field]?.(rec, value) ?? {};
      const payload = bodyOf(field, value, extra);
      const [{ last }] = rowsOf<{ last: number }>(
        await w.t.handle.db.execute(sql`select coalesce(max(id), 0)::int as last from audit_log`),
      );
      const res = await w.t.call(session, { method, url, payload });
      const what = `${key} ${field} = ${JSON.stringify(value)}`;
      expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
      const after = await target.read();
      if (!recipe.writeOnly?.[field]) expect(after[field], `${what}: the field itself`).toEqual(value);
      const free = new Set([
        field,
        ...Object.keys(extra),
        ...[field, ...Object.keys(extra)].flatMap((f) => recipe.follows?.[f] ?? []),
        ...ALWAYS_CHANGING,
        ...(recipe.ignore ?? []),
      ]);
      expect(omit(after, free), `${what} changed other fields`).toEqual(omit(rec, free));
      const audited = rowsOf<{ request: { fields: string[] } | null }>(
        await w.t.handle.db.execute(sql`select request from audit_log where id > ${last} order by id`),
      ).map((r) => r.request?.fields);
      expect(audited, `${what}: an audit row names the fields sent`).toContainEqual(
        Object.keys(payload).sort(),
      );
      rec = after;
      changes += 1;
    }
  }
  return changes;
}

describe.each(testBackends())('every PATCH/PUT route changes only the fields it names (%s)', (kind) => {
  const t = useTestApp(kind, { clock: fixedClock(NOW) });
  let routes: Routes;
  let world: World;
  const done: { routes: number; changes: number } = { routes: 0, changes: 0 };

  beforeAll(async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    routes = updateRoutes(res.json());
    world = makeWorld(t, await t.as('admin', t.root), TODAY);
  });

  it('has a recipe for every PATCH/PUT route of the OpenAPI description, and no other', () => {
    const missing = [...routes.keys()].filter((k) => !RECIPES[k]);
    expect(
      missing,
      'add a recipe for each of these routes in src/server/test/updates/recipes/ (how to create the record and read it back)',
    ).toEqual([]);
    expect(
      Object.keys(RECIPES).filter((k) => !routes.has(k)),
      'recipes of routes the API no longer has',
    ).toEqual([]);
    expect(routes.size).toBeGreaterThanOrEqual(25);
  });

  it('declares no default in any update body (a default resets the fields a request leaves out)', () => {
    const defaults = [...routes].flatMap(([k, body]) =>
      Object.entries(body.properties ?? {})
        .filter(([, s]) => 'default' in s)
        .map(([f]) => `${k}: ${f}`),
    );
    expect(defaults).toEqual([]);
  });

  it.each(Object.keys(RECIPES))(
    '%s',
    async (key) => {
      const body = routes.get(key);
      if (!body) return expect.fail(`${key} is not in the OpenAPI description`);
      done.changes += await exercise(world, key, RECIPES[key], body);
      done.routes += 1;
    },
    180_000,
  );

  it('covered every update route', () => {
    expect(done.routes).toBe(routes.size);
    console.info(
      `update routes covered: ${done.routes}, one-field changes checked: ${done.changes} (${kind})`,
    );
  });
});
