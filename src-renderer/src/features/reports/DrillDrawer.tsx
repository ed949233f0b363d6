import { Box, Button, Drawer, Group, Loader, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconMicrophone } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DrillPage, DrillRow, RecordRef, ReportCell, ReportRequestInput } from '#contract';
import { useBridge } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useErrorText } from '#renderer/ui/useErrorText';
import { drillHeaders, exportReport } from './export-report';
import { fieldLabel, formatDrillValue, wordedFieldValue } from './report-format';

const pageSize = 50;
const rowHeight = 36;

export interface DrillDrawerProps {
  request: ReportRequestInput;
  cell: ReportCell;
  /** What the drawer is about: the row's and the column's names. */
  title: string;
  onClose: () => void;
  onOpenRecord: (record: RecordRef) => void;
}

type Loaded = { recordType: DrillPage['recordType'] | null; fields: DrillPage['fields']; rows: DrillRow[]; next: string | null; loading: boolean; error?: ApiError };

/** The records behind one figure, a page at a time as the list scrolls; a row opens its record. */
export function DrillDrawer({ request, cell, title, onClose, onOpenRecord }: DrillDrawerProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<Loaded>({ recordType: null, fields: [], rows: [], next: null, loading: true });
  const viewport = useRef<HTMLDivElement>(null);
  const asked = useRef<string | null>(null);

  const load = (after?: string) => {
    const key = after ?? '';
    if (asked.current === key) return;
    asked.current = key;
    setLoaded((l) => ({ ...l, loading: true }));
    void bridge.invoke('reports.drill', { ...request, cell, limit: pageSize, ...(after ? { after } : {}) }).then((answer) => {
      setLoaded((l) =>
        answer.ok
          ? { recordType: answer.value.recordType, fields: answer.value.fields, rows: after ? [...l.rows, ...answer.value.rows] : answer.value.rows, next: answer.value.next, loading: false }
          : { ...l, loading: false, error: answer.error },
      );
    });
  };
  // The first page; the drawer is mounted anew for each cell.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => load(), []);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: loaded.rows.length, getScrollElement: () => viewport.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastInView = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (loaded.next && !loaded.loading && lastInView >= loaded.rows.length - 5) load(loaded.next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastInView, loaded.next, loaded.loading, loaded.rows.length]);

  // Moments and figures take what they need; names and free text share the rest.
  const track = (unit: DrillPage['fields'][number]['unit']) => (unit === 'datetime' ? '150px' : unit === 'text' ? 'minmax(0, 1fr)' : '90px');
  const grid = { display: 'grid', gridTemplateColumns: ['28px', ...loaded.fields.map((f) => track(f.unit))].join(' '), alignItems: 'center', columnGap: 4 } as const;
  const cellStyle = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
  const exportAs = (format: 'csv' | 'xlsx') => void exportReport(bridge, errorText, request, format, drillHeaders(t, loaded.fields), cell);

  return (
    <Drawer opened onClose={onClose} position="right" size="80%" title={title} data-testid="drill-drawer">
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm" data-testid="drill-count">
          {loaded.next ? t('reports.drill.shownMore', { count: loaded.rows.length }) : t('reports.drill.shown', { count: loaded.rows.length })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconFileTypeCsv size={14} />} onClick={() => exportAs('csv')} data-testid="drill-export-csv">
            {t('reports.exportCsv')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={14} />} onClick={() => exportAs('xlsx')} data-testid="drill-export-xlsx">
            {t('reports.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {loaded.error && <ErrorNotice error={loaded.error} />}
      <Box style={{ ...grid, borderBottom: '1px solid var(--mantine-color-default-border)' }} role="row">
        <span />
        {loaded.fields.map((field) => (
          <Text key={field.key} size="sm" fw={700} px={6} py={8} style={cellStyle} role="columnheader">
            {fieldLabel(t, field.key)}
          </Text>
        ))}
      </Box>
      <div ref={viewport} style={{ height: 'calc(100vh - 200px)', overflowY: 'auto', position: 'relative' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = loaded.rows[item.index] as DrillRow;
            const open = row.open;
            return (
              <div
                key={row.id}
                data-testid="drill-row"
                data-record={open ? `${open.type}:${open.id}` : undefined}
                role="row"
                onClick={open ? () => onOpenRecord(open) : undefined}
                style={{ ...grid, position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)`, cursor: open ? 'pointer' : 'default', borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                <span>{row.hasRecording && <IconMicrophone size={16} aria-label={t('reports.drill.recording')} data-testid="drill-recording" />}</span>
                {loaded.fields.map((field) => (
                  <Text key={field.key} size="sm" px={6} style={cellStyle} role="cell" data-field={field.key}>
                    {formatDrillValue(t, locale, field.unit, loaded.recordType ? wordedFieldValue(t, loaded.recordType, field.key, row.values[field.key]) : row.values[field.key], typeof row.values.currency === 'string' ? row.values.currency : undefined)}
                  </Text>
                ))}
              </div>
            );
          })}
        </div>
        {loaded.loading && (
          <Group justify="center" p="sm">
            <Loader size="sm" />
          </Group>
        )}
        {!loaded.loading && loaded.rows.length === 0 && !loaded.error && (
          <Text c="dimmed" p="md">
            {t('reports.drill.none')}
          </Text>
        )}
      </div>
    </Drawer>
  );
}
