import { describe, expect, it } from 'vitest';
import type { RuleRequirement } from '../../../contracts/rules';
import { programmeOfGap } from './needs.prefill';
import { levelListOfProgramme } from './needs.proposals.service';

const EDUCATION = new Map([
  ['TRUNG_CAP', 1],
  ['CAO_DANG', 2],
  ['DAI_HOC', 3],
  ['THAC_SI', 4],
  ['TIEN_SI', 5],
]);
const q = (kind: string, minLevel: string): RuleRequirement => ({ type: 'qualification', kind, minLevel });

describe('programmeOfGap', () => {
  it.each([
    [q('STATE_MANAGEMENT', 'CVC'), { programmeKind: 'STATE_MANAGEMENT', level: 'CVC' }],
    [q('LEADERSHIP', 'PHONG'), { programmeKind: 'LEADERSHIP', level: 'PHONG' }],
    [q('POLITICAL_THEORY', 'TRUNG_CAP'), { programmeKind: 'POLITICAL_THEORY', level: 'TRUNG_CAP' }],
    [q('IT', 'CO_BAN'), { programmeKind: 'IT', level: 'CO_BAN' }],
    [q('FOREIGN_LANGUAGE', 'BAC_3'), { programmeKind: 'FOREIGN_LANGUAGE', level: 'BAC_3' }],
    [q('DEFENCE_SECURITY', 'DT3'), { programmeKind: 'DEFENCE_SECURITY', level: 'DT3' }],
    [q('EDUCATION', 'THAC_SI'), { programmeKind: 'POSTGRADUATE', level: 'THAC_SI' }],
    [q('EDUCATION', 'TIEN_SI'), { programmeKind: 'POSTGRADUATE', level: 'TIEN_SI' }],
    [q('EDUCATION', 'DAI_HOC'), null],
    [q('EDUCATION', 'UNKNOWN'), null],
    [q('ETHNIC_LANGUAGE', 'CO_CHUNG_CHI'), null],
    [
      { type: 'annual_periods', minPeriods: 40 } as RuleRequirement,
      { programmeKind: 'KNOWLEDGE_UPDATE', level: null },
    ],
  ])('%j -> %j', (req, want) => {
    expect(programmeOfGap(req, EDUCATION)).toEqual(want);
  });
});

describe('levelListOfProgramme', () => {
  it('uses the education levels for postgraduate study and level_<kind> otherwise', () => {
    expect(levelListOfProgramme('POSTGRADUATE')).toBe('level_EDUCATION');
    expect(levelListOfProgramme('IT')).toBe('level_IT');
  });
});
