/**
 * The reports the web offers, as data (ADR 019): each names its server report, its title and what
 * it answers, and the filters it understands. A new report adds one entry here; the index page,
 * the route `/reports/:name`, the table, the people drawer, the .xlsx and printing come for free.
 */
export type ReportFilterKey = 'unit' | 'year' | 'period' | 'category' | 'level';

export interface ReportEntry {
  name: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  filters: ReportFilterKey[];
}

export const REPORT_CATALOG: ReportEntry[] = [
  {
    name: 'ratings-distribution',
    title: { vi: 'Kết quả xếp loại chất lượng hằng năm', en: 'Yearly quality ratings' },
    description: {
      vi: 'Số người và tỷ lệ từng mức xếp loại theo đơn vị trong một năm.',
      en: 'Number and share of each rating by unit for a year.',
    },
    filters: ['unit', 'year', 'category', 'level'],
  },
];

export const findReport = (name: string | undefined) => REPORT_CATALOG.find((r) => r.name === name);
