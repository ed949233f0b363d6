import type { ReportKind } from '#contract';
import { campaignResultsReport } from './campaign-results';
import { complaintsReport } from './complaints';
import type { ReportDefinition } from './framework/report-definition';
import { managerLoadReport } from './manager-load';
import { operatorKpiReport } from './operator-kpi';
import { relationshipHealthReport } from './relationship-health';
import { salesReport } from './sales';

/** Every report the workplace offers, by kind. */
const definitions: Partial<Record<ReportKind, ReportDefinition>> = {
  operator_kpi: operatorKpiReport,
  complaints: complaintsReport,
  sales: salesReport,
  relationship_health: relationshipHealthReport,
  manager_load: managerLoadReport,
  campaign_results: campaignResultsReport,
};

export function reportDefinition(kind: ReportKind): ReportDefinition | undefined {
  return definitions[kind];
}
