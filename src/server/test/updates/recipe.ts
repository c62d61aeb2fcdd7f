/**
 * What the generated update test (updates.test.ts) needs to know about one PATCH/PUT route that
 * its OpenAPI description cannot say: how to create a record to change, how to read it back,
 * and the few values a schema cannot give. Everything else (which fields, which new values, what
 * must not change) comes from the OpenAPI description of the built app.
 */
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../contracts/roles';
import type { Session, TestContext } from '../app';
import type { UnitRow } from '../fixtures/org';

/** A record as its GET shows it (a recipe may reshape the answer so each body field is a key). */
export type Rec = Record<string, unknown>;

/** What the recipes share: the app, an admin over the province, two communes, helpers. */
export interface World {
  t: TestContext;
  admin: Session;
  root: UnitRow;
  communeA: UnitRow;
  communeB: UnitRow;
  /** The app's day, and its year (fixtures are dated from it). */
  today: string;
  year: number;
  /** A session of a role over a unit, made once and kept. */
  as(role: Role, unit: UnitRow, opts?: { personId?: number }): Promise<Session>;
  /** A call that must answer 200 (the test fails with the answer otherwise); its JSON. */
  ok<T = Rec>(session: Session, opts: InjectOptions): Promise<T>;
  get<T = Rec>(session: Session, url: string): Promise<T>;
  post<T = Rec>(session: Session, url: string, payload: object): Promise<T>;
  put<T = Rec>(session: Session, url: string, payload: object): Promise<T>;
  /** Active codes of a code list, in order. */
  codes(list: string): Promise<string[]>;
}

/** The record to change: where it is, and how to read it. */
export interface Target {
  /** Path parameters of the route (`{ id: 12 }` for `/api/people/{id}`). */
  params: Record<string, string | number>;
  read(): Promise<Rec>;
  /** Sends the updates, when not the world's admin. */
  session?: Session;
}

export interface Recipe {
  /** Create the record (through its create route where there is one). */
  setup(w: World): Promise<Target>;
  /** Body fields that are not fields of the record, with their value taken from the record read. */
  controls?: Record<string, (rec: Rec) => unknown>;
  /** Code list of each code field (a new value is another active code of the list). */
  codes?: Record<string, string | ((rec: Rec) => string)>;
  /** New values to try for a field, when its schema cannot give a valid one (ids, times, objects). */
  values?: Record<string, (rec: Rec, w: World) => unknown[] | Promise<unknown[]>>;
  /** Fields sent along with a field and its new value (named in the same request: they may change too). */
  with?: Record<string, (rec: Rec, value: unknown) => Rec>;
  /** Record fields that follow from a body field (a display name, a total): they may change with it. */
  follows?: Record<string, string[]>;
  /** Body fields not changed one at a time, each with the reason. */
  skip?: Record<string, string>;
  /** Nullable fields that cannot be cleared on this record, each with the reason. */
  noClear?: Record<string, string>;
  /** Fields the record never shows (a password), each with the reason. */
  writeOnly?: Record<string, string>;
  /** Record fields that change on every write, besides version and updatedAt. */
  ignore?: string[];
  /**
   * For a body that carries items (`{ marks: [...] }`): the property, the fields naming an item
   * (sent as they are), and the other items the body must carry too (a PUT of a whole set).
   * The record's top-level fields are then the target item's; the rest of the sheet in `others`.
   */
  items?: { property: string; key: string[]; rest?: (rec: Rec) => Rec[] };
  /** The create body's defaults (derived from the contract) the record must not hold at the start. */
  createDefaults?: Record<string, unknown>;
}

/** Fields that change on every write of any record. */
export const ALWAYS_CHANGING = ['version', 'updatedAt', 'updatedByName'];

/** Build the world's helpers around a test app. */
export function makeWorld(t: TestContext, admin: Session, today: string): World {
  const sessions = new Map<string, Promise<Session>>();
  const ok = async <T>(session: Session, opts: InjectOptions) => {
    const res = await t.call(session, opts);
    expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  return {
    t,
    admin,
    root: t.root,
    communeA: t.communeA,
    communeB: t.communeB,
    today,
    year: Number(today.slice(0, 4)),
    as(role, unit, opts = {}) {
      const key = `${role}:${unit.id}:${opts.personId ?? ''}`;
      if (!sessions.has(key)) sessions.set(key, t.as(role, unit, opts));
      return sessions.get(key)!;
    },
    ok,
    get: (s, url) => ok(s, { method: 'GET', url }),
    post: (s, url, payload) => ok(s, { method: 'POST', url, payload }),
    put: (s, url, payload) => ok(s, { method: 'PUT', url, payload }),
    async codes(list) {
      const all = await ok<{ lists: Record<string, { code: string; active: boolean }[]> }>(admin, {
        method: 'GET',
        url: '/api/codes',
      });
      return (all.lists[list] ?? []).filter((c) => c.active).map((c) => c.code);
    },
  };
}
