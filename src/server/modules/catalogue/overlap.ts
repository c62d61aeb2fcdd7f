/**
 * Overlap rules, pure (ADR 009). Two programmes overlap where they teach the same topic code; a
 * person would repeat training when they already hold the qualification a programme grants (or
 * a higher level of it) or completed content covering its topics. Warnings, never blocks: the
 * user decides with the reason in front of them.
 */
import type { PersonOverlap, ProgrammeOverlap } from '../../../contracts/catalogue';

export interface TopicLike {
  topicCode: string;
  name: string;
  periods: number;
}

export interface ProgrammeTopics {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  periods?: number;
  topics: TopicLike[];
}

type Label = { vi: string; en: string };

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

function topicPeriods(topics: TopicLike[]): number {
  return topics.reduce((s, t) => s + t.periods, 0);
}

/** The other programmes sharing topic codes with `target`, most shared periods first. */
export function programmeOverlaps(
  target: { id?: number; topics: TopicLike[] },
  others: ProgrammeTopics[],
): ProgrammeOverlap[] {
  const total = topicPeriods(target.topics);
  const out: ProgrammeOverlap[] = [];
  for (const other of others) {
    if (other.id === target.id) continue;
    const theirs = new Map(other.topics.map((t) => [t.topicCode, t]));
    const sharedTopics = target.topics
      .filter((t) => theirs.has(t.topicCode))
      .map((t) => ({
        topicCode: t.topicCode,
        name: t.name,
        periods: t.periods,
        otherPeriods: theirs.get(t.topicCode)!.periods,
      }));
    if (sharedTopics.length === 0) continue;
    const sharedPeriods = topicPeriods(sharedTopics);
    out.push({
      programmeId: other.id,
      code: other.code,
      nameVi: other.nameVi,
      nameEn: other.nameEn,
      sharedTopics,
      sharedPeriods,
      sharedPct: pct(sharedPeriods, total),
    });
  }
  return out.sort((a, b) => b.sharedPeriods - a.sharedPeriods || a.code.localeCompare(b.code));
}

export interface OverlapPairResult {
  a: { id: number; code: string; nameVi: string; nameEn: string; periods: number };
  b: { id: number; code: string; nameVi: string; nameEn: string; periods: number };
  sharedTopics: { topicCode: string; name: string; periods: number; otherPeriods: number }[];
  sharedPeriodsA: number;
  sharedPeriodsB: number;
}

/**
 * Every pair of programmes sharing topics (each pair once, `a` the lower id), found through an
 * index by topic code so the work grows with the shared topics, not with the square of the
 * catalogue. Pairs sharing fewer than `minPeriods` periods (of either side) are left out.
 */
export function overlapPairs(programmes: ProgrammeTopics[], minPeriods = 1): OverlapPairResult[] {
  const byTopic = new Map<string, ProgrammeTopics[]>();
  for (const p of programmes)
    for (const t of p.topics) {
      const list = byTopic.get(t.topicCode) ?? [];
      list.push(p);
      byTopic.set(t.topicCode, list);
    }
  const byId = new Map(programmes.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const pairs: OverlapPairResult[] = [];
  for (const holders of byTopic.values())
    for (const x of holders)
      for (const y of holders) {
        if (x.id >= y.id) continue;
        const key = `${x.id}:${y.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = byId.get(x.id)!;
        const b = byId.get(y.id)!;
        const [shared] = programmeOverlaps(a, [b]);
        const sharedPeriodsB = topicPeriods(
          shared.sharedTopics.map((s) => ({ ...s, periods: s.otherPeriods })),
        );
        if (Math.max(shared.sharedPeriods, sharedPeriodsB) < minPeriods) continue;
        const head = (p: ProgrammeTopics) => ({
          id: p.id,
          code: p.code,
          nameVi: p.nameVi,
          nameEn: p.nameEn,
          periods: p.periods ?? topicPeriods(p.topics),
        });
        pairs.push({
          a: head(a),
          b: head(b),
          sharedTopics: shared.sharedTopics,
          sharedPeriodsA: shared.sharedPeriods,
          sharedPeriodsB,
        });
      }
  return pairs.sort(
    (p, q) =>
      Math.max(q.sharedPeriodsA, q.sharedPeriodsB) - Math.max(p.sharedPeriodsA, p.sharedPeriodsB) ||
      p.a.code.localeCompare(q.a.code) ||
      p.b.code.localeCompare(q.b.code),
  );
}

/**
 * What a person already holds: a qualification (kind + level, with the level's rank from the
 * code list) or, later, a completed class. `topics` are the topic codes the content covered:
 * for a qualification, the topics of the catalogue programmes that grant it.
 */
export interface HeldContent {
  source: 'qualification' | 'class';
  id: number;
  kind: string | null;
  level: string | null;
  levelRank: number | null;
  label: Label;
  topics: string[];
}

export interface ProgrammeForPerson {
  id: number;
  grantsKind: string | null;
  grantsLevel: string | null;
  grantsLevelRank: number | null;
  grantsLabel: Label | null;
  topics: TopicLike[];
}

/** Held content vs a programme: the qualification already held and the topics already covered. */
export function overlapForPerson(
  held: HeldContent[],
  programme: ProgrammeForPerson,
): Omit<PersonOverlap, 'personId'> {
  const reasons: PersonOverlap['reasons'] = [];
  let heldQualification: PersonOverlap['heldQualification'] = null;
  if (programme.grantsKind && programme.grantsLevel) {
    const sameKind = held.filter((h) => h.source === 'qualification' && h.kind === programme.grantsKind);
    const exact = sameKind.find((h) => h.level === programme.grantsLevel);
    const rank = programme.grantsLevelRank;
    // Equal rank under another code (a bachelor in political studies vs advanced theory) counts
    // as holding it; a strictly higher rank is reported as higher.
    const equivalent =
      exact ?? sameKind.find((h) => rank !== null && h.levelRank !== null && h.levelRank === rank);
    const higher = sameKind
      .filter((h) => rank !== null && h.levelRank !== null && h.levelRank > rank)
      .sort((x, y) => (y.levelRank ?? 0) - (x.levelRank ?? 0))[0];
    const grant = programme.grantsLabel ?? { vi: programme.grantsLevel, en: programme.grantsLevel };
    if (equivalent) {
      heldQualification = {
        id: equivalent.id,
        kind: equivalent.kind!,
        level: equivalent.level!,
        higher: false,
      };
      reasons.push({
        code: 'HOLDS_QUALIFICATION',
        vi: `Đã có ${equivalent.label.vi}: chương trình cấp ${grant.vi}.`,
        en: `Already holds ${equivalent.label.en}: the programme grants ${grant.en}.`,
      });
    } else if (higher) {
      heldQualification = { id: higher.id, kind: higher.kind!, level: higher.level!, higher: true };
      reasons.push({
        code: 'HOLDS_HIGHER',
        vi: `Đã có ${higher.label.vi}, cao hơn ${grant.vi} mà chương trình cấp.`,
        en: `Already holds ${higher.label.en}, higher than the ${grant.en} the programme grants.`,
      });
    }
  }

  const coveredTopics = programme.topics
    .map((t) => ({
      topicCode: t.topicCode,
      name: t.name,
      periods: t.periods,
      via: held.filter((h) => h.topics.includes(t.topicCode)).map((h) => ({ source: h.source, id: h.id })),
    }))
    .filter((t) => t.via.length > 0);
  const total = topicPeriods(programme.topics);
  const coveredPeriods = topicPeriods(coveredTopics);
  if (coveredTopics.length > 0) {
    const codes = coveredTopics.map((t) => t.topicCode).join(', ');
    const n = `${coveredTopics.length}/${programme.topics.length}`;
    reasons.push({
      code: 'TOPICS_COVERED',
      vi: `Đã học ${n} chuyên đề (${coveredPeriods}/${total} tiết) của chương trình: ${codes}.`,
      en: `Already covered ${n} topics (${coveredPeriods}/${total} periods) of the programme: ${codes}.`,
    });
  }
  return {
    programmeId: programme.id,
    overlap: reasons.length > 0,
    heldQualification,
    coveredTopics,
    coveredPeriods,
    coveredPct: pct(coveredPeriods, total),
    reasons,
  };
}
