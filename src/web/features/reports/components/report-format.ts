import type { ReportCell, ReportCellKind } from '../../../../contracts/reports';
import { formatPercent } from '../../../kit/numbers';
import { formatDate } from '../../../lib/dates';
import type { Lang } from '../../../lib/i18n';

/** A report cell as text in the UI language (vi: 1.234.567; 45,2%; dd/mm/yyyy). */
export function formatCell(kind: ReportCellKind, v: ReportCell | undefined, lang: Lang): string {
  if (v === null || v === undefined || v === '') return kind === 'text' ? '' : '—';
  if (typeof v === 'string') return kind === 'date' ? formatDate(v) : v;
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (kind === 'percent') return formatPercent(v, lang);
  if (kind === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v);
}
