/**
 * Bulk generation of synthetic staff over the current org tree, with COPY in chunks so a
 * progress callback can fire and memory stays bounded.
 */
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client';
import { csvRaw as r, csvField as t } from '../lib/csv-write';
import { vietnamMoment } from '../lib/dates';
import { ensureStanding, markEveryone } from '../modules/standards/standing';
import { beginBulk } from './bulk-load';
import { type GeneratedPerson, type LeaderSeats, PersonFactory } from './person-factory';
import { PersonalIdSet } from './personal-ids';
import { demoPostCode } from './posts';
import { maxId, queryRows, syncIdentity } from './sql-util';
import { loadUnitProfiles } from './unit-profile';

export interface GenerateOptions {
  people: number;
  seed: number;
  /** People per COPY chunk (default 10,000 on PGlite, 5,000 pipelined on PostgreSQL). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * PGlite: drop and rebuild the secondary indexes around the load. Default: when the load is
   * at least 5,000 people and no smaller than what the table holds.
   */
  rebuildIndexes?: boolean;
  /** PostgreSQL: build the next chunk while the server loads the previous one (default true). */
  pipeline?: boolean;
  /** The day the stored standing is rebuilt for at the end (ADR 033; default: today in Vietnam). */
  today?: string;
}

export interface GenerateResult {
  people: number;
  qualifications: number;
  history: number;
  firstPersonId: number;
  /** The load, without the standing's rebuild. */
  ms: number;
  /** The standing's one set-based rebuild at the end (ADR 033). */
  standingMs: number;
}

const PEOPLE_COLUMNS = [
  'id',
  'full_name',
  'search_name',
  'sort_key',
  'birth_date',
  'gender',
  'ethnicity',
  'personal_id',
  'party_member',
  'party_join_date',
  'category',
  'rank',
  'post',
  'post_code',
  'leadership_tier',
  'appointed_on',
  'unit_id',
  'management_authority',
  'planning_title',
  'status',
  'service_start',
];
const QUALIFICATION_COLUMNS = [
  'id',
  'person_id',
  'kind',
  'level',
  'major',
  'issuer',
  'issued_on',
  'certificate_no',
  'source',
];
const HISTORY_COLUMNS = [
  'id',
  'person_id',
  'valid_from',
  'valid_to',
  'category',
  'rank',
  'post',
  'post_code',
  'leadership_tier',
  'unit_id',
  'management_authority',
  'planning_title',
  'status',
  'reason',
];

/** Identity numbers of a chunk that are already in the table (typed in, imported, earlier runs). */
async function takenPersonalIds(handle: DbHandle, ids: string[]): Promise<Set<string>> {
  const rows = await queryRows<{ personal_id: string }>(
    handle.db,
    sql`SELECT personal_id FROM people WHERE personal_id = ANY(${sql.param(ids)}::text[])`,
  );
  return new Set(rows.map((r) => r.personal_id));
}

/** Head and deputy posts already held, so a second run does not give a unit two heads. */
async function takenSeats(
  handle: DbHandle,
  heads: Map<number, { head: string | null; deputy: string | null }>,
): Promise<{ seats: LeaderSeats; heldPosts: Set<string> }> {
  const rows = await queryRows<{ unit_id: number; post: string; tier: string; n: number | string }>(
    handle.db,
    `SELECT unit_id, post, leadership_tier AS tier, count(*) AS n FROM people
      WHERE leadership_tier <> 'NONE' AND post IS NOT NULL GROUP BY unit_id, post, leadership_tier`,
  );
  const seats: LeaderSeats = new Map();
  const heldPosts = new Set<string>();
  for (const r of rows) {
    const unitId = Number(r.unit_id);
    if (r.tier === 'XA') heldPosts.add(`${unitId}|${r.post}`);
    const titles = heads.get(unitId);
    if (!titles) continue;
    const seat = seats.get(unitId) ?? { head: false, deputies: 0 };
    if (r.post === titles.head) seat.head = true;
    else if (r.post === titles.deputy) seat.deputies += Number(r.n);
    seats.set(unitId, seat);
  }
  return { seats, heldPosts };
}

interface Chunk {
  people: string;
  qualifications: string;
  history: string;
  size: number;
}

/**
 * Add `people` synthetic people (with qualifications and history) to the current units.
 * Deterministic for a seed and a tree. Ids continue after the highest existing ones.
 *
 * PGlite: one transaction with the bulk mode of bulk-load.ts, chunk by chunk. PGlite has a
 * single connection: run this before the handle serves anything else (seeding at start, the CLI),
 * or other queries would run inside the load's transaction.
 * PostgreSQL: plain COPY per chunk, pipelined: the next chunk is built while the server loads the
 * previous one, so the default chunk is halved there (two half chunks in memory at most).
 */
export async function generatePeople(handle: DbHandle, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const total = Math.max(0, Math.floor(opts.people));
  const pipelined = handle.kind === 'postgres' && opts.pipeline !== false;
  const chunkSize = Math.max(1, opts.chunkSize ?? (pipelined ? 5_000 : 10_000));
  const profiles = await loadUnitProfiles(handle);
  const seats = await takenSeats(
    handle,
    new Map(profiles.map((p) => [p.id, { head: p.head, deputy: p.deputy }])),
  );
  const existing = await maxId(handle.db, 'people');
  const first = {
    people: existing + 1,
    qualifications: (await maxId(handle.db, 'qualifications')) + 1,
    history: (await maxId(handle.db, 'person_history')) + 1,
  };
  // PGlite: rebuilding indexes pays off when the load is large next to what is there already
  // (the highest id stands in for the row count).
  const rebuild = handle.kind === 'pglite' && (opts.rebuildIndexes ?? (total >= 5_000 && total >= existing));
  // Identity numbers must not repeat any in the table: with the index in place, ask per chunk;
  // when it is about to be dropped, load the (fewer than `total`) existing ones once.
  const used = new PersonalIdSet();
  const checkPerChunk = existing > 0 && !rebuild;
  if (existing > 0 && rebuild) {
    const rows = await queryRows<{ personal_id: string }>(
      handle.db,
      'SELECT personal_id FROM people WHERE personal_id IS NOT NULL',
    );
    for (const r of rows) used.add(r.personal_id);
  }
  const factory = new PersonFactory(profiles, opts.seed, {
    usedPersonalIds: used,
    seats: seats.seats,
    heldPosts: seats.heldPosts,
    expectedPeople: total,
  });
  const next = { ...first };
  let qualificationCount = 0;
  let historyCount = 0;

  /** Build one chunk of CSV, yielding to the event loop now and then so COPY data keeps flowing. */
  const build = async (n: number): Promise<Chunk> => {
    const generated: GeneratedPerson[] = [];
    for (let i = 0; i < n; i++) {
      if (pipelined && i > 0 && i % 500 === 0) await new Promise((r) => setImmediate(r));
      generated.push(factory.next(next.people++));
    }
    // Unique across the table: draw again for the (rare) numbers someone already has.
    for (let pending = checkPerChunk ? generated.map((g) => g.person) : []; pending.length > 0; ) {
      const taken = await takenPersonalIds(
        handle,
        pending.map((p) => p.personalId),
      );
      pending = pending.filter((p) => taken.has(p.personalId));
      for (const p of pending) factory.reassignPersonalId(p);
    }
    const chunk: Chunk = { people: '', qualifications: '', history: '', size: n };
    for (const g of generated) {
      const p = g.person;
      // Free text goes through csvField (quoting); ids, dates and codes are written as they are.
      chunk.people += `${p.id},${t(p.fullName)},${t(p.searchName)},${t(p.sortKey)},${p.birthDate},${p.gender},${p.ethnicity},${p.personalId},${r(p.partyMember)},${r(p.partyJoinDate)},${p.category},${r(p.rank)},${t(p.post)},${r(demoPostCode(p.post, p.leadershipTier, p.category))},${p.leadershipTier},${r(p.appointedOn)},${p.unitId},${r(p.managementAuthority)},${t(p.planningTitle)},${p.status},${p.serviceStart}\n`;
      for (const q of g.qualifications) {
        chunk.qualifications += `${next.qualifications++},${p.id},${q.kind},${q.level},${t(q.major)},${t(q.issuer)},${q.issuedOn},${t(q.certificateNo)},imported\n`;
      }
      for (const h of g.history) {
        chunk.history += `${next.history++},${p.id},${h.validFrom},${r(h.validTo)},${h.category},${r(h.rank)},${t(h.post)},${r(demoPostCode(h.post, h.leadershipTier, h.category))},${h.leadershipTier},${h.unitId},${r(h.managementAuthority)},${t(h.planningTitle)},${h.status},${t(h.reason)}\n`;
      }
      qualificationCount += g.qualifications.length;
      historyCount += g.history.length;
    }
    return chunk;
  };

  let done = 0;
  const write = async (chunk: Chunk) => {
    await handle.copyCsv('people', PEOPLE_COLUMNS, chunk.people);
    await handle.copyCsv('qualifications', QUALIFICATION_COLUMNS, chunk.qualifications);
    await handle.copyCsv('person_history', HISTORY_COLUMNS, chunk.history);
    done += chunk.size;
    opts.onProgress?.(done, total);
  };

  opts.onProgress?.(0, total);
  // PostgreSQL loads chunk by chunk in their own transactions: mark everyone first so the
  // standing's triggers write no per-person marks (PGlite's bulk session does it itself).
  if (total > 0 && handle.kind === 'postgres') await markEveryone(handle.db);
  if (total > 0 && handle.kind === 'pglite') {
    const bulk = await beginBulk(handle, { dropIndexes: rebuild });
    try {
      for (let built = 0; built < total; ) {
        const chunk = await build(Math.min(chunkSize, total - built));
        built += chunk.size;
        await write(chunk);
      }
    } catch (err) {
      await bulk.rollback();
      throw err;
    }
    await bulk.finish(first);
  } else {
    let inflight: Promise<void> | null = null;
    for (let built = 0; built < total; ) {
      const chunk = await build(Math.min(chunkSize, total - built));
      built += chunk.size;
      if (inflight) await inflight;
      inflight = write(chunk);
      inflight.catch(() => {}); // awaited on the next turn; keep Node from calling it unhandled
    }
    if (inflight) await inflight;
  }

  for (const table of ['people', 'qualifications', 'person_history']) await syncIdentity(handle, table);
  if (total > 0) {
    // PGlite keeps the WAL of a bulk load until a checkpoint (hundreds of MB otherwise).
    if (handle.kind === 'pglite') await handle.exec('CHECKPOINT');
    await handle.exec('ANALYZE people');
    await handle.exec('ANALYZE qualifications');
    await handle.exec('ANALYZE person_history');
  }
  const ms = performance.now() - started;
  // One set-based rebuild of the standing for the batch (readers would otherwise do it).
  const standing = await ensureStanding(handle.db, opts.today ?? vietnamMoment(new Date()).day);
  return {
    people: total,
    qualifications: qualificationCount,
    history: historyCount,
    firstPersonId: first.people,
    ms,
    standingMs: standing.ms,
  };
}
