import { describe, expect, it } from 'vitest';
import {
  type HeldContent,
  overlapForPerson,
  overlapPairs,
  type ProgrammeForPerson,
  type ProgrammeTopics,
  programmeOverlaps,
} from './overlap';

const topic = (topicCode: string, periods: number) => ({
  topicCode,
  name: `Chuyên đề ${topicCode}`,
  periods,
});
const prog = (id: number, code: string, topics: [string, number][]): ProgrammeTopics => ({
  id,
  code,
  nameVi: code,
  nameEn: code,
  topics: topics.map(([c, p]) => topic(c, p)),
});

describe('programmeOverlaps', () => {
  const others = [
    prog(2, 'CVC', [
      ['QLNN', 40],
      ['KYNANG', 20],
    ]),
    prog(3, 'LD-PHONG', [['KYNANG', 16]]),
    prog(4, 'TIN-HOC', [['CNTT', 40]]),
  ];
  it.each([
    {
      name: 'shares two topics with one, one with another, none with the third',
      target: { id: 1, topics: [topic('QLNN', 30), topic('KYNANG', 10), topic('RIENG', 60)] },
      want: [
        { programmeId: 2, shared: ['QLNN', 'KYNANG'], sharedPeriods: 40, sharedPct: 40 },
        { programmeId: 3, shared: ['KYNANG'], sharedPeriods: 10, sharedPct: 10 },
      ],
    },
    {
      name: 'leaves itself out (editing a saved programme)',
      target: { id: 2, topics: [topic('QLNN', 40)] },
      want: [],
    },
    { name: 'no topics, no overlap', target: { topics: [] }, want: [] },
    {
      name: 'a new programme (no id) repeating a whole programme is 100 %',
      target: { topics: [topic('CNTT', 40)] },
      want: [{ programmeId: 4, shared: ['CNTT'], sharedPeriods: 40, sharedPct: 100 }],
    },
  ])('$name', ({ target, want }) => {
    const got = programmeOverlaps(target, others);
    expect(
      got.map((o) => ({
        programmeId: o.programmeId,
        shared: o.sharedTopics.map((s) => s.topicCode),
        sharedPeriods: o.sharedPeriods,
        sharedPct: o.sharedPct,
      })),
    ).toEqual(want);
  });

  it('reports the periods of the shared topic in both programmes', () => {
    const [o] = programmeOverlaps({ topics: [topic('KYNANG', 8)] }, [others[0]]);
    expect(o.sharedTopics).toEqual([
      { topicCode: 'KYNANG', name: 'Chuyên đề KYNANG', periods: 8, otherPeriods: 20 },
    ]);
  });
});

describe('overlapPairs', () => {
  const catalogue = [
    prog(1, 'A', [
      ['T1', 10],
      ['T2', 10],
    ]),
    prog(2, 'B', [
      ['T1', 4],
      ['T2', 6],
      ['T3', 30],
    ]),
    prog(3, 'C', [['T2', 2]]),
    prog(4, 'D', [['T9', 40]]),
  ];
  it.each([
    { minPeriods: 1, want: ['A-B:20/10', 'A-C:10/2', 'B-C:6/2'] },
    { minPeriods: 10, want: ['A-B:20/10', 'A-C:10/2'] },
    { minPeriods: 21, want: [] },
  ])('min $minPeriods periods -> $want', ({ minPeriods, want }) => {
    const got = overlapPairs(catalogue, minPeriods).map(
      (p) => `${p.a.code}-${p.b.code}:${p.sharedPeriodsA}/${p.sharedPeriodsB}`,
    );
    expect(got).toEqual(want);
  });
});

describe('overlapForPerson', () => {
  const label = (s: string) => ({ vi: s, en: s });
  const q = (
    id: number,
    kind: string,
    level: string,
    levelRank: number | null,
    topics: string[] = [],
  ): HeldContent => ({
    source: 'qualification',
    id,
    kind,
    level,
    levelRank,
    label: label(`${kind} ${level}`),
    topics,
  });
  const trungCap: ProgrammeForPerson = {
    id: 10,
    grantsKind: 'POLITICAL_THEORY',
    grantsLevel: 'TRUNG_CAP',
    grantsLevelRank: 2,
    grantsLabel: label('LLCT Trung cấp'),
    topics: [topic('LLCT-TRIET', 40), topic('LLCT-KTCT', 40), topic('LLCT-XD-DANG', 20)],
  };
  const noGrant: ProgrammeForPerson = {
    id: 11,
    grantsKind: null,
    grantsLevel: null,
    grantsLevelRank: null,
    grantsLabel: null,
    topics: [topic('KYNANG-GQ', 8), topic('CDS', 8)],
  };

  it.each([
    { name: 'nothing held', held: [], programme: trungCap, reasons: [], held_: null, covered: 0 },
    {
      name: 'holds exactly the granted level',
      held: [q(1, 'POLITICAL_THEORY', 'TRUNG_CAP', 2)],
      programme: trungCap,
      reasons: ['HOLDS_QUALIFICATION'],
      held_: { id: 1, higher: false },
      covered: 0,
    },
    {
      name: 'holds a higher level',
      held: [q(2, 'POLITICAL_THEORY', 'CAO_CAP', 3)],
      programme: trungCap,
      reasons: ['HOLDS_HIGHER'],
      held_: { id: 2, higher: true },
      covered: 0,
    },
    {
      name: 'exact beats higher when both are held',
      held: [q(2, 'POLITICAL_THEORY', 'CAO_CAP', 3), q(1, 'POLITICAL_THEORY', 'TRUNG_CAP', 2)],
      programme: trungCap,
      reasons: ['HOLDS_QUALIFICATION'],
      held_: { id: 1, higher: false },
      covered: 0,
    },
    {
      name: 'a lower level is no reason',
      held: [q(3, 'POLITICAL_THEORY', 'SO_CAP', 1)],
      programme: trungCap,
      reasons: [],
      held_: null,
      covered: 0,
    },
    {
      name: 'another kind at a high rank is no reason',
      held: [q(4, 'EDUCATION', 'TIEN_SI', 5)],
      programme: trungCap,
      reasons: [],
      held_: null,
      covered: 0,
    },
    {
      name: 'equal rank under another code counts as held',
      held: [q(5, 'POLITICAL_THEORY', 'TUONG_DUONG', 2)],
      programme: trungCap,
      reasons: ['HOLDS_QUALIFICATION'],
      held_: { id: 5, higher: false },
      covered: 0,
    },
    {
      name: 'unknown ranks only match the exact level',
      held: [q(6, 'POLITICAL_THEORY', 'CAO_CAP', null)],
      programme: { ...trungCap, grantsLevelRank: null },
      reasons: [],
      held_: null,
      covered: 0,
    },
    {
      name: 'topics covered by content of another qualification',
      held: [q(7, 'STATE_MANAGEMENT', 'CV', 1, ['LLCT-XD-DANG', 'QLNN'])],
      programme: trungCap,
      reasons: ['TOPICS_COVERED'],
      held_: null,
      covered: 20,
    },
    {
      name: 'a completed class covering topics of a programme granting nothing',
      held: [
        {
          source: 'class',
          id: 8,
          kind: null,
          level: null,
          levelRank: null,
          label: label('K1'),
          topics: ['CDS'],
        },
      ] as HeldContent[],
      programme: noGrant,
      reasons: ['TOPICS_COVERED'],
      held_: null,
      covered: 8,
    },
  ])('$name', ({ held, programme, reasons, held_, covered }) => {
    const r = overlapForPerson(held, programme);
    expect(r.reasons.map((x) => x.code)).toEqual(reasons);
    expect(r.overlap).toBe(reasons.length > 0);
    expect(r.heldQualification && { id: r.heldQualification.id, higher: r.heldQualification.higher }).toEqual(
      held_,
    );
    expect(r.coveredPeriods).toBe(covered);
  });

  it('explains covered topics in Vietnamese and English with the share of periods', () => {
    const r = overlapForPerson([q(7, 'STATE_MANAGEMENT', 'CV', 1, ['LLCT-XD-DANG', 'LLCT-TRIET'])], trungCap);
    expect(r.coveredPct).toBe(60);
    expect(r.coveredTopics.map((t) => t.via)).toEqual([
      [{ source: 'qualification', id: 7 }],
      [{ source: 'qualification', id: 7 }],
    ]);
    expect(r.reasons[0].vi).toBe(
      'Đã học 2/3 chuyên đề (60/100 tiết) của chương trình: LLCT-TRIET, LLCT-XD-DANG.',
    );
    expect(r.reasons[0].en).toContain('2/3 topics (60/100 periods)');
  });
});
