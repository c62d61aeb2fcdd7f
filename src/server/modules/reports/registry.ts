/**
 * The reports the API serves (ADR 019). A new report is a folder under `modules/reports/` with a
 * `defineReport(...)` and one line here; its routes, permission, scope and .xlsx come for free.
 */

import { annualStatisticsReport } from './annual-statistics/annual-statistics.report';
import { complianceReport } from './compliance/compliance.report';
import { costsReport } from './costs/costs.report';
import type { ReportDefinition } from './framework';
import { planActualReport } from './plan-actual/plan-actual.report';
import { qualificationStructureReport } from './qualification-structure/qualification-structure.report';
import { ratingsDistributionReport } from './ratings/ratings-distribution.report';
import { trainedReport } from './trained/trained.report';

// biome-ignore lint/suspicious/noExplicitAny: each definition has its own query type.
export const REPORTS: ReportDefinition<any>[] = [
  ratingsDistributionReport,
  trainedReport,
  planActualReport,
  costsReport,
  qualificationStructureReport,
  annualStatisticsReport,
  complianceReport,
];
