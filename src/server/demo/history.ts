import { CATEGORY_MAPPINGS, CATEGORY_SWITCH_DATE, mapCategory } from '../../contracts/categories';
import { POSTS } from '../../contracts/posts';
import type { HistoryDraft, PersonRecord } from './person-record';
import { demoPostCode, staffPost } from './posts';
import { REORG_DATE } from './quang-ninh';
import { maxDate, pick, type Rng } from './random';
import type { UnitProfile } from './unit-profile';

/**
 * Dated rows: staff of a commune that replaced old communes worked in one of those until
 * 1 July 2025; leaders were staff before their appointment; a status change closes a row.
 */
export function buildHistory(
  rng: Rng,
  unit: UnitProfile,
  p: PersonRecord,
  statusDate: string | null,
  reason: string | null,
): HistoryDraft[] {
  // Rows built field by field (one object shape, no spreads: this runs 100,000s of times).
  const row = (validFrom: string, validTo: string | null, o: Partial<HistoryDraft> = {}): HistoryDraft => ({
    validFrom,
    validTo,
    category: p.category,
    rank: p.rank,
    post: o.post !== undefined ? o.post : p.post,
    leadershipTier: o.leadershipTier ?? p.leadershipTier,
    unitId: o.unitId ?? p.unitId,
    managementAuthority: o.managementAuthority !== undefined ? o.managementAuthority : p.managementAuthority,
    planningTitle: o.planningTitle !== undefined ? o.planningTitle : p.planningTitle,
    status: o.status ?? 'WORKING',
    reason: o.reason ?? null,
  });
  const rows: HistoryDraft[] = [];
  let from = p.serviceStart;
  if (unit.predecessors.length > 0 && p.serviceStart < REORG_DATE) {
    const oldUnit = unit.predecessors.length === 1 ? unit.predecessors[0] : pick(rng, unit.predecessors);
    rows.push(row(from, REORG_DATE, { planningTitle: null, unitId: oldUnit }));
    from = REORG_DATE;
  } else if (p.appointedOn && p.appointedOn > p.serviceStart) {
    rows.push(
      row(from, p.appointedOn, {
        post: p.category === 'CBX' ? 'Chuyên viên' : staffPost(rng, unit, p.category, p.rank),
        leadershipTier: 'NONE',
        managementAuthority: unit.communeId ? 'XA' : 'SO_NGANH',
        planningTitle: null,
      }),
    );
    from = p.appointedOn;
  }
  if (statusDate && statusDate > from) {
    rows.push(row(from, statusDate));
    rows.push(row(statusDate, null, { status: p.status, reason }));
  } else {
    const closing = p.status === 'WORKING' ? null : reason;
    rows.push(row(maxDate(from, p.serviceStart), null, { status: p.status, reason: closing }));
  }
  return rows;
}

const GROUP_OF = new Map(POSTS.map((p) => [p.code, (p.meta?.group as string | undefined) ?? null]));
const MOVE_REASON = 'Luật Cán bộ, công chức số 80/2025/QH15 (từ 01/7/2025)';

/** The category a commune period reads as from 1 July 2025 (by the post group of its post). */
const movedCategory = (post: string | null, tier: string) =>
  mapCategory(
    CATEGORY_MAPPINGS,
    'CBX',
    GROUP_OF.get(demoPostCode(post, tier, 'CBX') ?? '') ?? null,
    CATEGORY_SWITCH_DATE,
  );

/**
 * The commune category ends on 30 June 2025 (ADR 043): a period of it still open on 1 July 2025
 * is closed that day and continued in the mapped category; later periods hold the mapped one,
 * and so does the record. Someone who left before that day keeps the old category. In place.
 */
export function moveAcross(p: PersonRecord, rows: HistoryDraft[]): HistoryDraft[] {
  if (p.category !== 'CBX') return rows;
  const last = rows[rows.length - 1];
  if (p.status !== 'WORKING' && last && last.validFrom < CATEGORY_SWITCH_DATE) return rows;
  const out: HistoryDraft[] = [];
  for (const h of rows) {
    if (h.category !== 'CBX' || (h.validTo !== null && h.validTo <= CATEGORY_SWITCH_DATE)) out.push(h);
    else if (h.validFrom >= CATEGORY_SWITCH_DATE) {
      h.category = movedCategory(h.post, h.leadershipTier);
      out.push(h);
    } else {
      const next = { ...h, validFrom: CATEGORY_SWITCH_DATE, reason: MOVE_REASON };
      next.category = movedCategory(h.post, h.leadershipTier);
      h.validTo = CATEGORY_SWITCH_DATE;
      out.push(h, next);
    }
  }
  p.category = movedCategory(p.post, p.leadershipTier);
  return out;
}
