import type { HistoryDraft, PersonRecord } from './person-record';
import { staffPost } from './posts';
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
