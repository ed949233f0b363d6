import { Alert, Box, Button, Group, Loader, Paper, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconPlayerPlay, IconPrinter, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRef, ReportCell, ReportResult } from '#contract';
import { useBridge, useQuery } from '#renderer/api/client';
import type { Area } from '#renderer/routing/areas';
import type { Route } from '#renderer/routing/useHashRoute';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatCompactDate } from '#renderer/i18n/format';
import { DrillDrawer } from './DrillDrawer';
import { exportReport, tableHeaders } from './export-report';
import { defaultChoices, loadChoices, reportRequest, saveChoices, type ReportChoices, type ReportFilterChoices, type SavedChoices } from './report-choices';
import { columnLabel, rowLabel } from './report-format';
import { ReportChart } from './ReportChart';
import { ReportControls } from './ReportControls';
import { ReportTable } from './ReportTable';
import { useElapsedSeconds, useReportRun } from './useReportRun';
import './reports-print.css';

export interface ReportsScreenProps {
  navigate: (route: Route) => void;
}

/** Where a drilled record opens. */
const areaOf: Record<RecordRef['type'], Area> = {
  call: 'calls',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  complaint: 'complaints',
  campaign: 'campaigns',
  event: 'calendar',
};

/**
 * Reports: a report, its breakdown, period and filters; the figures as a chart and a table, each figure opening
 * the records behind it; export to CSV and XLSX, and a print layout for PDF.
 */
export function ReportsScreen({ navigate }: ReportsScreenProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const bridge = useBridge();
  const errorText = useErrorText();
  const filterChoices = useQuery('reports.filterChoices', {}).data;
  const [saved, setSaved] = useState<SavedChoices>(() => loadChoices(window.localStorage));
  const report = saved.report;
  const choices = saved.byReport[report] ?? defaultChoices;
  // The moment the period presets are counted from: the last time the operator asked for the report.
  const [now, setNow] = useState(() => Date.now());
  const request = reportRequest(report, choices, now);
  const requestKey = JSON.stringify(request);
  const { state, views, run, cancel } = useReportRun();
  const elapsed = useElapsedSeconds(state.status === 'running' ? state.startedAt : null);
  const [drill, setDrill] = useState<ReportCell | null>(null);
  const result: ReportResult | null = state.status === 'done' ? state.result : null;

  const update = (next: SavedChoices) => {
    setSaved(next);
    saveChoices(window.localStorage, next);
  };
  const setChoices = (next: ReportChoices) => update({ ...saved, byReport: { ...saved.byReport, [report]: next } });

  // A change of report, view, period or filter runs the report again (cancelling a run still going).
  useEffect(() => {
    if (requestKey !== 'null') run(JSON.parse(requestKey) as NonNullable<typeof request>);
  }, [requestKey, run]);

  const runAgain = () => {
    const fresh = Date.now();
    setNow(fresh);
    const again = reportRequest(report, choices, fresh);
    if (again) run(again);
  };
  const exportAs = (format: 'csv' | 'xlsx') => {
    if (result && request) void exportReport(bridge, errorText, request, format, tableHeaders(t, locale, result));
  };
  const drillTitle = (cell: ReportCell) => {
    const column = result?.columns.find((c) => c.key === cell.column);
    const row = result?.rows.find((r) => r.key === cell.rowKey);
    return `${row ? rowLabel(t, locale, row) : t('reports.total')} — ${column ? columnLabel(t, column) : cell.column}`;
  };
  const notAvailable = state.status === 'failed' && state.error.code === 'not_found' && state.error.reason === 'no_such_record';
  const filtersText = describeFilters(choices, filterChoices);

  return (
    <Box className="reports-screen">
      <ScreenTitle
        actions={
          <Group gap="xs" className="reports-no-print">
            <Button variant="default" leftSection={<IconFileTypeCsv size={16} />} disabled={!result} onClick={() => exportAs('csv')} data-testid="report-export-csv">
              {t('reports.exportCsv')}
            </Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} disabled={!result} onClick={() => exportAs('xlsx')} data-testid="report-export-xlsx">
              {t('reports.exportXlsx')}
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={!result} onClick={() => window.print()} data-testid="report-print">
              {t('reports.print')}
            </Button>
          </Group>
        }
      >
        {t('reports.title')}
      </ScreenTitle>
      <Box className="reports-print-only" mb="md">
        <Text fw={700} size="lg">
          {t(`reports.kinds.${report}`)}
          {result ? ` — ${t(`reports.views.${result.view}`, { defaultValue: result.view })}` : ''}
        </Text>
        {request && (
          <Text>
            {formatCompactDate(locale, request.filters.from)} – {formatCompactDate(locale, request.filters.to - 1)}
          </Text>
        )}
        {filtersText && <Text size="sm">{filtersText}</Text>}
      </Box>
      <Box className="reports-no-print">
        <ReportControls report={report} onReport={(kind) => update({ ...saved, report: kind })} views={views[report] ?? []} choices={choices} onChoices={setChoices} filterChoices={filterChoices} />
        <Group mb="md" gap="sm">
          {state.status === 'running' ? (
            <>
              <Loader size="sm" />
              <Text size="sm" c="dimmed" data-testid="report-running">
                {state.progress && state.progress.total > 1
                  ? t('reports.runningPart', { part: state.progress.done + 1, parts: state.progress.total, seconds: elapsed })
                  : t('reports.running', { seconds: elapsed })}
              </Text>
              <Button size="xs" color="red" variant="light" leftSection={<IconX size={14} />} onClick={cancel} data-testid="report-cancel">
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={runAgain} disabled={!request} data-testid="report-run">
              {t('reports.run')}
            </Button>
          )}
          {!request && (
            <Text size="sm" c="orange">
              {t('reports.choosePeriod')}
            </Text>
          )}
        </Group>
      </Box>
      {state.status === 'cancelled' && (
        <Alert color="gray" data-testid="report-cancelled" className="reports-no-print">
          {t('reports.cancelled')}
        </Alert>
      )}
      {notAvailable ? (
        <Alert color="yellow" data-testid="report-not-available" data-report={report}>
          {t('reports.notAvailable', { report: t(`reports.kinds.${report}`) })}
        </Alert>
      ) : (
        state.status === 'failed' && <ErrorNotice error={state.error} onRetry={runAgain} />
      )}
      {result && (
        <>
          <Paper withBorder p="md" mb="md" className="reports-chart">
            <ReportChart result={result} onDrill={setDrill} />
          </Paper>
          <ReportTable result={result} onDrill={setDrill} />
        </>
      )}
      {drill && request && (
        <DrillDrawer
          key={JSON.stringify(drill)}
          request={request}
          cell={drill}
          title={drillTitle(drill)}
          onClose={() => setDrill(null)}
          onOpenRecord={(record) => navigate({ area: areaOf[record.type], id: record.id })}
        />
      )}
    </Box>
  );
}

/** The filters in force, by name, as one line for the printed page. */
function describeFilters(choices: ReportChoices, known: ReportFilterChoices | undefined): string {
  const names = (ids: string[], items: readonly { id: string; name: string }[] | undefined) => ids.map((id) => items?.find((item) => item.id === id)?.name ?? id);
  return [
    ...names(choices.operatorIds, known?.operators),
    ...names(choices.teamIds, known?.teams),
    ...names(choices.campaignIds, known?.campaigns),
    ...names(choices.companyTagIds, known?.companyTags),
  ].join(' · ');
}
