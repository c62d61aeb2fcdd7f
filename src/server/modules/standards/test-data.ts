/** Shared builders for the pure engine tests. */
import { builtInCodeItems } from '../codes/seed-codes';
import { buildCodebook } from './codebook';
import type { EligibilityPerson } from './eligibility.engine';
import type { QualificationFact, StandardRuleData } from './standard.engine';

export const book = buildCodebook(
  builtInCodeItems().map((i) => ({
    list: i.list,
    code: i.code,
    labelVi: i.labelVi,
    labelEn: i.labelEn,
    meta: (i.meta ?? {}) as Record<string, unknown>,
  })),
);

export function rule(over: Partial<StandardRuleData> = {}): StandardRuleData {
  return {
    id: 1,
    code: 'SM_CVC',
    version: 1,
    titleVi: 'Bồi dưỡng QLNN ngạch chuyên viên chính',
    titleEn: 'State management, principal specialist',
    appliesTo: { rank: ['CVC'] },
    requirement: { type: 'qualification', kind: 'STATE_MANAGEMENT', minLevel: 'CVC' },
    grace: null,
    effectiveFrom: '2017-09-01',
    effectiveTo: null,
    legalSource: { document: 'Nghị định 101/2017/NĐ-CP', note: 'điều khoản cần xác minh' },
    ...over,
  };
}

export function person(over: Partial<EligibilityPerson> = {}): EligibilityPerson {
  return {
    category: 'CC',
    rank: 'CVC',
    post: 'Chuyên viên',
    leadershipTier: 'NONE',
    unitLevel: 'agency',
    appointedOn: null,
    serviceStart: '2010-03-15',
    birthDate: '1985-06-20',
    partyMember: true,
    partyJoinDate: '2012-05-19',
    ...over,
  };
}

let nextId = 100;
export function qual(kind: string, level: string, over: Partial<QualificationFact> = {}): QualificationFact {
  return { id: nextId++, kind, level, issuedOn: '2015-06-01', periods: null, deletedAt: null, ...over };
}
