/** Words for eligibility conditions: who a selector names, which ratings were found. */
import type { RuleSelector } from '../../../contracts/rules';
import { type Codebook, type Label, labelOf } from './codebook';
import type { PersonState } from './rule-engine';

function listOf(book: Codebook, list: string, codes: string[]): Label {
  const labels = codes.map((c) => labelOf(book, list, c));
  return { vi: labels.map((l) => l.vi).join(', '), en: labels.map((l) => l.en).join(', ') };
}

/** "Chức vụ lãnh đạo: Cấp phòng..., Lãnh đạo cấp xã (hiện: Cấp phòng...)". */
export function describeSelector(
  book: Codebook,
  sel: RuleSelector,
  p: PersonState & { unitLevel: string },
): Label {
  const parts: Label[] = [];
  const field = (vi: string, en: string, list: string, codes: string[] | undefined, now: string | null) => {
    if (!codes) return;
    const want = listOf(book, list, codes);
    const cur = now ? labelOf(book, list, now) : { vi: 'chưa có', en: 'none' };
    parts.push({ vi: `${vi}: ${want.vi} (hiện: ${cur.vi})`, en: `${en}: ${want.en} (now: ${cur.en})` });
  };
  field('Đối tượng', 'Category', 'category', sel.category, p.category);
  field('Ngạch', 'Rank', 'rank', sel.rank, p.rank);
  field('Chức vụ lãnh đạo', 'Leadership tier', 'leadership_tier', sel.leadershipTier, p.leadershipTier);
  field('Cấp đơn vị', 'Unit level', 'unit_level', sel.unitLevel, p.unitLevel);
  if (sel.postContains) {
    const words = sel.postContains.map((w) => `"${w}"`).join(', ');
    parts.push({
      vi: `Chức danh có ${words} (hiện: ${p.post ?? 'chưa có'})`,
      en: `Post containing ${words} (now: ${p.post ?? 'none'})`,
    });
  }
  return { vi: `${parts.map((x) => x.vi).join('; ')}.`, en: `${parts.map((x) => x.en).join('; ')}.` };
}

export function ratingWords(book: Codebook, years: number[], got: (string | null)[], min: string): Label {
  const minLabel = labelOf(book, 'annual_rating', min);
  const each = years.map((y, i) => {
    const r = got[i];
    const l = r ? labelOf(book, 'annual_rating', r) : { vi: 'chưa có', en: 'none' };
    return { vi: `${y}: ${l.vi}`, en: `${y}: ${l.en}` };
  });
  return {
    vi: `Xếp loại ${years.length} năm trước (${each.map((e) => e.vi).join('; ')}), cần ${minLabel.vi} trở lên.`,
    en: `Ratings of the ${years.length} previous years (${each.map((e) => e.en).join('; ')}), needs ${minLabel.en} or better.`,
  };
}
