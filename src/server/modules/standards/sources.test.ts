/**
 * Every default rule, programme and policy value names its document, from the list of documents
 * checked against their texts (contracts/legal-sources.ts, ADR 049): number/symbol, issuer, date
 * of issue, effective dates, what it says. Every document is in the guide's table with the same
 * status (checked/open), and what is open is said there. "cần xác minh" is never a citation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEGAL_REFERENCES, type LegalReference, PROVINCIAL_POLICY } from '../../../contracts/legal-sources';
import type { LegalSource } from '../../../contracts/rules';
import { DEMO_PROGRAMMES } from '../../demo/catalogue-data';
import { POLICY_PACK } from '../policies/policy-pack';
import { ELIGIBILITY_PACK, RATING_SCALE_PACK, SOURCES, STANDARD_PACK } from './rule-pack.data';

/** "Nghị định 171/2025/NĐ-CP", "Quy định 350-QĐ/TW", "Thông tư 2/2021/TT-BNV", "Đề án 06/QĐ-TTg". */
const NUMBERED = /\d+(\/\d{4})?[/-][\p{L}Đđ-]+\/?[\p{L}Đđ-]*/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNVERIFIED = /xác minh|verify|unverified/i;
const REFS = Object.entries(LEGAL_REFERENCES) as [string, LegalReference][];
const GUIDE = readFileSync(
  new URL('../../../../docs/guide/standards-needs-ratings.md', import.meta.url),
  'utf8',
);

/** The reference a citation starts with (the longest document name that prefixes it). */
const referenceOf = (document: string) =>
  REFS.filter(([, r]) => document.startsWith(r.document)).sort(
    (a, b) => b[1].document.length - a[1].document.length,
  )[0];

function expectSourced(what: string, s: LegalSource, effectiveFrom: string) {
  expect(s.document, what).toMatch(NUMBERED);
  expect(referenceOf(s.document), `${what}: a checked-list document`).toBeDefined();
  expect(s.issuer, `${what}: issuer`).toBeTruthy();
  expect(s.issuedOn, `${what}: date of issue`).toMatch(DATE);
  expect(effectiveFrom, `${what}: effective from`).toMatch(DATE);
  expect(`${s.document} ${s.article ?? ''} ${s.note ?? ''}`, what).not.toMatch(UNVERIFIED);
}

describe('sources of the default pack', () => {
  it('describes every document: issuer, what it says, a page read or what is open; dates well formed', () => {
    expect(REFS.length).toBeGreaterThan(10);
    for (const [k, r] of REFS) {
      expect(r.document, k).toBeTruthy();
      expect(r.issuer, k).toBeTruthy();
      expect(r.says.length, k).toBeGreaterThan(20);
      for (const d of [r.issuedOn, r.effectiveFrom, r.effectiveTo].filter(Boolean))
        expect(d, k).toMatch(DATE);
      if (r.status === 'checked') {
        // Checked means read: the page, the article and the dates are there.
        expect(r.url, k).toMatch(/^https:\/\//);
        expect(r.article, k).toBeTruthy();
        expect(r.issuedOn, k).toMatch(DATE);
        expect(r.effectiveFrom, k).toMatch(DATE);
        expect(r.open, k).toBeUndefined();
      } else expect(r.open, `${k}: what is open`).toBeTruthy();
    }
  });

  it('lists every document in the guide table with its status, and nothing else as a row', () => {
    const rows = GUIDE.split('\n').filter((l) => /^\| (?!-|Văn bản)/.test(l));
    for (const [k, r] of REFS) {
      const row = rows.find((l) => l.startsWith(`| ${r.document} |`));
      expect(row, `${k} in the guide table`).toBeDefined();
      expect(
        row!.trim().endsWith(`| ${r.status === 'checked' ? 'đã đối chiếu / checked' : 'mở / open'} |`),
        k,
      ).toBe(true);
    }
    expect(rows).toHaveLength(REFS.length);
  });

  it('names the document, issuer, date and effective dates of every standard, eligibility rule and scale', () => {
    for (const r of STANDARD_PACK) expectSourced(`${r.code} v${r.version}`, r.legalSource, r.effectiveFrom);
    for (const r of ELIGIBILITY_PACK)
      expectSourced(`${r.code} v${r.version}`, r.legalSource, r.effectiveFrom);
    for (const r of RATING_SCALE_PACK) expectSourced(r.code, r.legalSource, r.effectiveFrom);
    for (const [k, s] of Object.entries(SOURCES)) expectSourced(k, s, s.issuedOn ?? '');
  });

  it('dates each rule inside the life of its document', () => {
    for (const r of [...STANDARD_PACK, ...ELIGIBILITY_PACK, ...RATING_SCALE_PACK]) {
      expect(r.effectiveFrom >= r.legalSource.issuedOn!, r.code).toBe(true);
      const [, ref] = referenceOf(r.legalSource.document)!;
      if (ref.effectiveFrom && !('retiredReason' in r && r.retiredReason))
        expect(r.effectiveFrom >= ref.effectiveFrom, `${r.code} not before its document`).toBe(true);
      if (ref.effectiveTo && !('retiredReason' in r && r.retiredReason))
        expect(
          'effectiveTo' in r && r.effectiveTo! <= ref.effectiveTo,
          `${r.code} ends with its document`,
        ).toBe(true);
    }
  });

  it('cites Decree 171/2025 (not 101/2017) for what takes effect from 1 July 2025', () => {
    for (const r of [...STANDARD_PACK, ...ELIGIBILITY_PACK].filter((r) => r.effectiveFrom >= '2025-07-01'))
      expect(r.legalSource.document, r.code).not.toMatch(/101\/2017/);
    for (const p of DEMO_PROGRAMMES) expect(p.legalBasis ?? '', p.code).not.toMatch(/101\/2017|89\/2021/);
  });

  it('gives every programme a listed document or a central programme, and every policy value its documents or says it is provincial', () => {
    for (const p of DEMO_PROGRAMMES) {
      const cites = REFS.some(([, r]) => p.legalBasis?.includes(r.document));
      expect(cites || /Học viện Chính trị quốc gia/.test(p.legalBasis ?? ''), p.code).toBe(true);
      expect(p.legalBasis, p.code).not.toMatch(UNVERIFIED);
    }
    for (const v of POLICY_PACK) {
      if (v.refs.length === 0) expect(v.legalSource, v.code).toBe(PROVINCIAL_POLICY);
      for (const k of v.refs)
        expect(v.legalSource, `${v.code} cites ${k}`).toContain(LEGAL_REFERENCES[k].document);
      expect(`${v.legalSource} ${v.note ?? ''}`, v.code).not.toMatch(UNVERIFIED);
      expect(v.effectiveFrom, v.code).toMatch(DATE);
    }
  });

  it('holds the values the texts give: 45 years, 15 days, 3x from 1/7/2025 and 2x before, the 20% cap from 2026 only', () => {
    const pg = ELIGIBILITY_PACK.find((r) => r.code === 'POSTGRADUATE_SPONSORED')!;
    expect(pg.conditions).toContainEqual({ type: 'maxAge', years: 45 });
    const byFrom = (code: string) =>
      POLICY_PACK.filter((v) => v.code === code).map((v) => [v.effectiveFrom, v.value, v.refs]);
    expect(byFrom('postgrad.commitment_multiplier')).toEqual([
      ['2017-10-15', 2, ['D101', 'D89']],
      ['2025-07-01', 3, ['D171']],
    ]);
    expect(byFrom('abroad.report_due_days')).toEqual([['2023-01-01', 15, ['T03_2023']]]);
    expect(RATING_SCALE_PACK.map((s) => [s.effectiveFrom, s.scale.excellentCapPctOfGood])).toEqual([
      ['2026-01-01', 20],
    ]);
  });

  it('names the merged Party commission on the elementary political-theory programme (from 2025)', () => {
    const sc = DEMO_PROGRAMMES.find((p) => p.code === 'LLCT-SC')!;
    expect(sc.legalBasis).toContain('Ban Tuyên giáo và Dân vận Trung ương');
  });
});
