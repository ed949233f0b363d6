import type { DrillPage, DrillRequest, ReportRequest, ReportResult } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { DomainError } from '#core/shared/errors';
import { isKnownZone } from '#core/shared/zoned-time';
import { viewOf, type ReportDefinition } from './framework/report-definition';
import { resolveScope } from './framework/scope';
import { reportDefinition } from './registry';

/** What a report needs from the workstation: the moment it runs and the zone its days are cut in by default. */
export interface ReportContext {
  now: number;
  zone: string;
  /** Told as each part of the report is counted. */
  progress?: (done: number, total: number) => void;
}

function definitionOf(request: ReportRequest): ReportDefinition {
  const definition = reportDefinition(request.report);
  if (!definition) throw new DomainError('not_found', 'no_such_record', `The report ${request.report} is not available`, { report: request.report });
  if (request.filters.timeZone !== undefined && !isKnownZone(request.filters.timeZone)) {
    throw new DomainError('invalid_payload', 'unknown_time_zone', `Unknown time zone ${request.filters.timeZone}`, { zone: request.filters.timeZone });
  }
  return definition;
}

export function runReport(db: ReadDb, request: ReportRequest, context: ReportContext): ReportResult {
  const definition = definitionOf(request);
  const view = viewOf(definition, request.view);
  const scope = resolveScope(db, request.filters, context);
  const figures = definition.figures(db, request, scope, view);
  return {
    report: request.report,
    view,
    views: [...definition.views],
    columns: figures.columns,
    rows: figures.rows,
    totals: figures.totals,
    chart: { type: figures.chart },
    timeZone: scope.zone,
    generatedAt: context.now,
  };
}

/** The records behind one cell of the report the same request produces. */
export function drillReport(db: ReadDb, request: DrillRequest, context: ReportContext): DrillPage {
  const definition = definitionOf(request);
  return definition.drill(db, request, resolveScope(db, request.filters, context), viewOf(definition, request.view));
}
