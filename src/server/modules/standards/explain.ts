/** Plain-word explanations (vi/en) of standard outcomes: which rule, which source, what would satisfy it. */
import type { LegalSource, RuleRequirement } from '../../../contracts/rules';
import { type Codebook, type Label, labelOf } from './codebook';
import { formatDate } from './dates';

export type { Label } from './codebook';

interface RuleWords {
  titleVi: string;
  titleEn: string;
  legalSource: LegalSource;
  requirement: RuleRequirement;
  grace: { from: 'appointedOn' | 'serviceStart'; months: number } | null;
}

interface OutcomeWords {
  status: 'met' | 'missing' | 'due' | 'not_applicable';
  dueBy?: string;
  periodsDone?: number;
}

/** "Nghị định 171/2025/NĐ-CP, Điều 5 (điều khoản cần xác minh)". */
export function sourceText(s: LegalSource): string {
  const main = s.article ? `${s.document}, ${s.article}` : s.document;
  return s.note ? `${main} (${s.note})` : main;
}

/** "Quản lý nhà nước theo ngạch: Chương trình chuyên viên chính trở lên". */
export function requirementText(req: RuleRequirement, book: Codebook): Label {
  if (req.type === 'annual_periods')
    return {
      vi: `ít nhất ${req.minPeriods} tiết bồi dưỡng trong năm`,
      en: `at least ${req.minPeriods} periods of fostering in the year`,
    };
  const kind = labelOf(book, 'qualification_kind', req.kind);
  const level = labelOf(book, `level_${req.kind}`, req.minLevel);
  return { vi: `${kind.vi}: ${level.vi} trở lên`, en: `${kind.en}: ${level.en} or higher` };
}

const ANCHOR: Record<'appointedOn' | 'serviceStart', Label> = {
  appointedOn: { vi: 'ngày bổ nhiệm', en: 'the appointment' },
  serviceStart: { vi: 'ngày bắt đầu công tác', en: 'the start of service' },
};

export function explainStandard(
  rule: RuleWords,
  outcome: OutcomeWords,
  book: Codebook,
  ctx: { satisfied?: { kind: string; level: string; issuedOn: string | null } } = {},
): Label {
  const head = {
    vi: `"${rule.titleVi}" (${sourceText(rule.legalSource)})`,
    en: `"${rule.titleEn}" (${sourceText(rule.legalSource)})`,
  };
  const need = requirementText(rule.requirement, book);
  const done =
    outcome.periodsDone !== undefined
      ? { vi: ` Đã có ${outcome.periodsDone} tiết.`, en: ` ${outcome.periodsDone} periods so far.` }
      : { vi: '', en: '' };
  switch (outcome.status) {
    case 'not_applicable':
      return { vi: `${head.vi}: không áp dụng.`, en: `${head.en}: does not apply.` };
    case 'met': {
      const s = ctx.satisfied;
      if (!s) return { vi: `Đáp ứng ${head.vi}.${done.vi}`, en: `Meets ${head.en}.${done.en}` };
      const lvl = labelOf(book, `level_${s.kind}`, s.level);
      const on = s.issuedOn
        ? { vi: `, cấp ngày ${formatDate(s.issuedOn)}`, en: `, issued ${formatDate(s.issuedOn)}` }
        : { vi: '', en: '' };
      return {
        vi: `Đáp ứng ${head.vi} nhờ ${lvl.vi}${on.vi}.`,
        en: `Meets ${head.en} with ${lvl.en}${on.en}.`,
      };
    }
    case 'due': {
      const grace = rule.grace
        ? {
            vi: ` (${rule.grace.months} tháng kể từ ${ANCHOR[rule.grace.from].vi})`,
            en: ` (${rule.grace.months} months after ${ANCHOR[rule.grace.from].en})`,
          }
        : { vi: ' (cuối năm)', en: ' (end of the year)' };
      return {
        vi: `Chưa đáp ứng ${head.vi}: cần ${need.vi}; còn trong thời hạn, hạn đến ${formatDate(outcome.dueBy)}${grace.vi}.${done.vi}`,
        en: `Not yet meeting ${head.en}: needs ${need.en}; still within the allowed time, due by ${formatDate(outcome.dueBy)}${grace.en}.${done.en}`,
      };
    }
    default:
      return {
        vi: `Chưa đáp ứng ${head.vi}: cần ${need.vi}.${done.vi}`,
        en: `Does not meet ${head.en}: needs ${need.en}.${done.en}`,
      };
  }
}
