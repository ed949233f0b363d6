import type { DrillPage, DrillRequest, ReportColumn, ReportKind, ReportRequest, ReportResult } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { DomainError } from '#core/shared/errors';
import type { Measure } from './facts';
import type { Grouping } from './groupings';
import type { ReportScope } from './scope';
import { columnsOf, computeFigures, drillFigure, drillMeasure, type Figures } from './sql-report';

export type ReportChartType = ReportResult['chart']['type'];

/** What a report shows for a request: columns, rows and totals, and the chart that suits its view. */
export interface ReportFigures extends Figures {
  columns: ReportColumn[];
  chart: ReportChartType;
}

/**
 * One report: the views it offers and, for a request, its figures and the records behind any cell. Most
 * reports are built with `sqlReport` (measures over facts, one grouping per view), which makes a figure and its
 * list one definition; a report computing something SQL cannot (a callee's local hour) implements both itself.
 */
export interface ReportDefinition {
  kind: ReportKind;
  views: readonly string[];
  figures: (db: ReadDb, request: ReportRequest, scope: ReportScope, view: string) => ReportFigures;
  drill: (db: ReadDb, request: DrillRequest, scope: ReportScope, view: string) => DrillPage;
}

/** The measures and row grouping of one view of a SQL-defined report. */
export interface ReportLayout {
  measures: readonly Measure[];
  grouping: Grouping;
  chart: ReportChartType;
}

/** A report whose every figure is a measure over facts: figures and drill-down come from the same layout. */
export function sqlReport(
  kind: ReportKind,
  views: readonly string[],
  layout: (db: ReadDb, request: ReportRequest, scope: ReportScope, view: string) => ReportLayout,
): ReportDefinition {
  return {
    kind,
    views,
    figures: (db, request, scope, view) => {
      const { measures, grouping, chart } = layout(db, request, scope, view);
      return { ...computeFigures(db, measures, grouping, scope), columns: columnsOf(measures), chart };
    },
    drill: (db, request, scope, view) => {
      const { measures, grouping } = layout(db, request, scope, view);
      return drillFigure(db, drillMeasure(measures, request.cell.column), grouping, request.cell.rowKey, scope, { after: request.after, limit: request.limit });
    },
  };
}

export function viewOf(definition: ReportDefinition, requested: string | undefined): string {
  const view = requested ?? definition.views[0];
  if (view === undefined || !definition.views.includes(view)) {
    throw new DomainError('invalid_payload', 'report_view_unknown', `The ${definition.kind} report has no view ${requested}`, { view: requested ?? '' });
  }
  return view;
}
