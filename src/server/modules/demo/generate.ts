/**
 * Bulk generation of synthetic staff over the current org tree, with COPY in chunks so a
 * progress callback can fire and memory stays bounded (one chunk of CSV at a time).
 */
import type { DbHandle } from '../../db/client';
import { csvLine } from './csv';
import { type LeaderSeats, PersonFactory } from './person-factory';
import { maxId, queryRows, syncIdentity } from './sql-util';
import { loadUnitProfiles } from './unit-profile';

export interface GenerateOptions {
  people: number;
  seed: number;
  /** People per COPY chunk (default 10,000). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  people: number;
  qualifications: number;
  history: number;
  firstPersonId: number;
  ms: number;
}

const PEOPLE_COLUMNS = [
  'id', 'full_name', 'search_name', 'sort_key', 'birth_date', 'gender', 'ethnicity', 'personal_id', 'party_member',
  'party_join_date', 'category', 'rank', 'post', 'leadership_tier', 'appointed_on', 'unit_id', 'management_authority',
  'planning_title', 'status', 'service_start',
];
const QUALIFICATION_COLUMNS = ['id', 'person_id', 'kind', 'level', 'major', 'issuer', 'issued_on', 'certificate_no', 'source'];
const HISTORY_COLUMNS = [
  'id', 'person_id', 'valid_from', 'valid_to', 'category', 'rank', 'post', 'leadership_tier', 'unit_id',
  'management_authority', 'planning_title', 'status', 'reason',
];

async function usedPersonalIds(handle: DbHandle): Promise<Set<string>> {
  const rows = await queryRows<{ personal_id: string }>(
    handle.db,
    'SELECT personal_id FROM people WHERE personal_id IS NOT NULL',
  );
  return new Set(rows.map((r) => r.personal_id));
}

/** Head and deputy posts already held, so a second run does not give a unit two heads. */
async function takenSeats(handle: DbHandle, heads: Map<number, { head: string | null; deputy: string | null }>) {
  const rows = await queryRows<{ unit_id: number; post: string; n: number | string }>(
    handle.db,
    "SELECT unit_id, post, count(*) AS n FROM people WHERE leadership_tier <> 'NONE' AND post IS NOT NULL GROUP BY unit_id, post",
  );
  const seats: LeaderSeats = new Map();
  for (const r of rows) {
    const titles = heads.get(Number(r.unit_id));
    if (!titles) continue;
    const seat = seats.get(Number(r.unit_id)) ?? { head: false, deputies: 0 };
    if (r.post === titles.head) seat.head = true;
    else if (r.post === titles.deputy) seat.deputies += Number(r.n);
    seats.set(Number(r.unit_id), seat);
  }
  return seats;
}

/**
 * Add `people` synthetic people (with qualifications and history) to the current units.
 * Deterministic for a seed and a tree. Ids continue after the highest existing ones.
 */
export async function generatePeople(handle: DbHandle, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const total = Math.max(0, Math.floor(opts.people));
  const chunkSize = Math.max(1, opts.chunkSize ?? 10_000);
  const profiles = await loadUnitProfiles(handle);
  const seats = await takenSeats(handle, new Map(profiles.map((p) => [p.id, { head: p.head, deputy: p.deputy }])));
  const factory = new PersonFactory(profiles, opts.seed, await usedPersonalIds(handle), seats, total);

  let personId = (await maxId(handle.db, 'people')) + 1;
  let qualificationId = (await maxId(handle.db, 'qualifications')) + 1;
  let historyId = (await maxId(handle.db, 'person_history')) + 1;
  const firstPersonId = personId;
  let qualificationCount = 0;
  let historyCount = 0;

  opts.onProgress?.(0, total);
  for (let done = 0; done < total; ) {
    const n = Math.min(chunkSize, total - done);
    let people = '';
    let qualifications = '';
    let history = '';
    for (let i = 0; i < n; i++) {
      const g = factory.next(personId++);
      const p = g.person;
      people += csvLine([
        p.id, p.fullName, p.searchName, p.sortKey, p.birthDate, p.gender, p.ethnicity, p.personalId, p.partyMember,
        p.partyJoinDate, p.category, p.rank, p.post, p.leadershipTier, p.appointedOn, p.unitId, p.managementAuthority,
        p.planningTitle, p.status, p.serviceStart,
      ]);
      for (const q of g.qualifications) {
        qualifications += csvLine([
          qualificationId++, p.id, q.kind, q.level, q.major, q.issuer, q.issuedOn, q.certificateNo, 'imported',
        ]);
      }
      for (const h of g.history) {
        history += csvLine([
          historyId++, p.id, h.validFrom, h.validTo, h.category, h.rank, h.post, h.leadershipTier, h.unitId,
          h.managementAuthority, h.planningTitle, h.status, h.reason,
        ]);
      }
      qualificationCount += g.qualifications.length;
      historyCount += g.history.length;
    }
    await handle.copyCsv('people', PEOPLE_COLUMNS, people);
    if (handle.kind === 'postgres') {
      // Separate connections: the two child tables load side by side.
      await Promise.all([
        handle.copyCsv('qualifications', QUALIFICATION_COLUMNS, qualifications),
        handle.copyCsv('person_history', HISTORY_COLUMNS, history),
      ]);
    } else {
      await handle.copyCsv('qualifications', QUALIFICATION_COLUMNS, qualifications);
      await handle.copyCsv('person_history', HISTORY_COLUMNS, history);
    }
    done += n;
    opts.onProgress?.(done, total);
  }

  for (const table of ['people', 'qualifications', 'person_history']) await syncIdentity(handle, table);
  if (total > 0) {
    // PGlite keeps the WAL of a bulk load until a checkpoint (hundreds of MB otherwise).
    if (handle.kind === 'pglite') await handle.exec('CHECKPOINT');
    await handle.exec('ANALYZE people');
    await handle.exec('ANALYZE qualifications');
    await handle.exec('ANALYZE person_history');
  }
  return {
    people: total,
    qualifications: qualificationCount,
    history: historyCount,
    firstPersonId,
    ms: performance.now() - started,
  };
}
