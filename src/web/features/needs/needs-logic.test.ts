import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  groupKey,
  levelListOfProgramme,
  parseConsolidateComment,
  percent,
  proposalAbilities,
  rowsByGroup,
  sumGroups,
} from './needs-logic';

const campaign = { status: 'open' as const, opensOn: '2027-01-10', deadline: '2027-02-10' };
const proposal = { unitId: 20, reviewerUnitId: 10, status: 'draft' as const, campaign };
const viewer = (perms: string[], scopeUnitId = 20, unitIds = [20]) => ({
  scopeUnitId,
  unitIds: new Set(unitIds),
  can: (p: string) => perms.includes(p),
});

describe('proposalAbilities', () => {
  it('lets the unit edit and submit a draft or returned proposal once the campaign has opened', () => {
    for (const status of ['draft', 'returned'] as const) {
      const may = proposalAbilities({ ...proposal, status }, viewer(['needs.propose']), '2027-01-15');
      expect(may).toMatchObject({ edit: true, submit: true, review: false, lateIfSubmitted: false });
    }
  });

  it('freezes submitted, accepted, closed and not-yet-open proposals', () => {
    const v = viewer(['needs.propose']);
    expect(proposalAbilities({ ...proposal, status: 'submitted' }, v, '2027-01-15').edit).toBe(false);
    expect(proposalAbilities({ ...proposal, status: 'accepted' }, v, '2027-01-15').edit).toBe(false);
    const closed = { ...proposal, campaign: { ...campaign, status: 'closed' as const } };
    expect(proposalAbilities(closed, v, '2027-01-15').edit).toBe(false);
    const early = proposalAbilities(proposal, v, '2027-01-09');
    expect(early).toMatchObject({ edit: false, notStarted: true });
  });

  it('needs the propose permission to edit', () => {
    expect(proposalAbilities(proposal, viewer(['needs.read']), '2027-01-15').edit).toBe(false);
  });

  it('warns that a submission after the deadline is late', () => {
    expect(proposalAbilities(proposal, viewer(['needs.propose']), '2027-02-11').lateIfSubmitted).toBe(true);
    expect(proposalAbilities(proposal, viewer(['needs.propose']), '2027-02-10').lateIfSubmitted).toBe(false);
  });

  it('offers review to the holder of the reviewer unit, never to the unit itself', () => {
    const submitted = { ...proposal, status: 'submitted' as const };
    const reviewer = viewer(['needs.review'], 10, [10, 20]);
    expect(proposalAbilities(submitted, reviewer, '2027-01-15').review).toBe(true);
    expect(proposalAbilities(submitted, viewer(['needs.review'], 20, [20]), '2027-01-15').review).toBe(false);
    // A unit that sees the proposal but not the reviewer unit (e.g. a sibling branch).
    expect(proposalAbilities(submitted, viewer(['needs.review'], 30, [30, 20]), '2027-01-15').review).toBe(
      false,
    );
    expect(proposalAbilities(submitted, viewer(['needs.read'], 10, [10, 20]), '2027-01-15').review).toBe(
      false,
    );
    expect(proposalAbilities(proposal, reviewer, '2027-01-15').review).toBe(false);
  });
});

describe('consolidated grouping', () => {
  const rows = [
    { programmeKind: 'IT', level: 'CO_BAN', unit: 'A' },
    { programmeKind: 'IT', level: 'CO_BAN', unit: 'B' },
    { programmeKind: 'IT', level: null, unit: 'C' },
    { programmeKind: 'KNOWLEDGE_UPDATE', level: null, unit: 'A' },
  ];

  it('groups unit rows by programme kind and level, keeping the order', () => {
    const g = rowsByGroup(rows);
    expect(g.get(groupKey({ programmeKind: 'IT', level: 'CO_BAN' }))?.map((r) => r.unit)).toEqual(['A', 'B']);
    expect(g.get(groupKey({ programmeKind: 'IT', level: null }))?.map((r) => r.unit)).toEqual(['C']);
    expect(g.size).toBe(3);
  });

  it('sums the quantity and priority columns', () => {
    expect(
      sumGroups([
        { quantity: 3, priority1: 1, priority2: 2, priority3: 0 },
        { quantity: 4, priority1: 4, priority2: 0, priority3: 0 },
      ]),
    ).toEqual({ quantity: 7, priority1: 5, priority2: 2, priority3: 0 });
  });
});

describe('small helpers', () => {
  it('maps postgraduate study to the education levels', () => {
    expect(levelListOfProgramme('POSTGRADUATE')).toBe('level_EDUCATION');
    expect(levelListOfProgramme('IT')).toBe('level_IT');
    expect(levelListOfProgramme(null)).toBeNull();
  });

  it('counts days to a deadline and percentages', () => {
    expect(daysUntil('2027-02-10', '2027-02-01')).toBe(9);
    expect(daysUntil('2027-02-10', '2027-02-12')).toBe(-2);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('parseConsolidateComment', () => {
  it('reads the sub-unit and the number of lines', () => {
    expect(parseConsolidateComment('Ủy ban nhân dân xã Đầm Hà: 14')).toEqual({
      unit: 'Ủy ban nhân dân xã Đầm Hà',
      lines: 14,
    });
    expect(parseConsolidateComment('Trạm y tế: Khu 2: 3')).toEqual({ unit: 'Trạm y tế: Khu 2', lines: 3 });
    expect(parseConsolidateComment('Đồng ý')).toBeNull();
  });
});
