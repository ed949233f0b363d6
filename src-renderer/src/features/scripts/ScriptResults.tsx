import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Badge, Button, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptResults as Results } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { downloadFile } from '#renderer/api/files';
import { formatNumber } from '#renderer/i18n/format';
import { DateField } from '#renderer/ui/DateField';
import { useErrorText, useFailureText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { notifications } from '@mantine/notifications';

export interface ScriptResultsProps {
  /** The script or questionnaire whose calls are counted. */
  id: string;
}

const day = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A local calendar day's first (or, with `end`, next day's first) millisecond. */
function dayStart(date: string, end = false): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + (end ? 1 : 0)).getTime();
}

/**
 * What a script's or questionnaire's calls came to in a period: answers per question as charts, which
 * paths and objections ended in success, each operator's share; filtered by operator and version, exported
 * to CSV or XLSX with the same filters.
 */
export function ScriptResults({ id }: ScriptResultsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const failureText = useFailureText();
  const { locale } = useWorkplace();
  const [today] = useState(() => isoDay(Date.now()));
  const [from, setFrom] = useState(() => isoDay(Date.now() - 29 * day));
  const [to, setTo] = useState(today);
  const [operatorId, setOperatorId] = useState<string | null>(null);
  const [versionId, setVersionId] = useState<string | null>(null);
  const employees = useQuery('employees.list', {});
  const request = { id, from: dayStart(from), to: dayStart(to, true), ...(operatorId ? { operatorId } : {}), ...(versionId ? { versionId } : {}) };
  const results = useQuery('scripts.results', request);
  const data = results.data;
  const percent = (successes: number, runs: number) => (runs === 0 ? '—' : new Intl.NumberFormat(locale, { style: 'percent' }).format(successes / runs));

  const exportAs = async (format: 'csv' | 'xlsx') => {
    const file = await act(bridge, 'scripts.exportResults', { ...request, format }, errorText);
    if (file) await downloadFile(bridge, file.fileId).catch((failure: unknown) => notifications.show({ color: 'red', message: failureText(failure) }));
  };

  return (
    <Stack gap="md" data-testid="script-results">
      <Group align="flex-end" gap="sm">
        <DateField label={t('scriptRunner.results.from')} value={from} onChange={(v) => v && setFrom(v)} clearable={false} w={150} data-testid="results-from" />
        <DateField label={t('scriptRunner.results.to')} value={to} onChange={(v) => v && setTo(v)} clearable={false} w={150} data-testid="results-to" />
        <Select
          label={t('scriptRunner.results.operator')}
          placeholder={t('scriptRunner.results.anyOperator')}
          data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          value={operatorId}
          onChange={setOperatorId}
          clearable
          searchable
          w={200}
          data-testid="results-operator"
        />
        <Select
          label={t('scriptRunner.results.version')}
          placeholder={t('scriptRunner.results.allVersions')}
          data={(data?.versions ?? []).map((v) => ({ value: v.id, label: t('scriptRunner.results.versionRuns', { version: v.ordinal, count: v.runs }) }))}
          value={versionId}
          onChange={setVersionId}
          clearable
          w={260}
          data-testid="results-version"
        />
        <Button variant="default" leftSection={<IconFileTypeCsv size={16} />} onClick={() => void exportAs('csv')} data-testid="results-export-csv">
          {t('scriptRunner.results.exportCsv')}
        </Button>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportAs('xlsx')} data-testid="results-export-xlsx">
          {t('scriptRunner.results.exportXlsx')}
        </Button>
      </Group>
      {results.error && <Text c="red">{errorText(results.error)}</Text>}
      {data && <ResultsBody data={data} percent={percent} />}
    </Stack>
  );
}

function ResultsBody({ data, percent }: { data: Results; percent: (successes: number, runs: number) => string }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const ordinals = new Map(data.versions.map((v) => [v.id, v.ordinal]));
  const outcomeSeries = [
    { name: 'successes', label: t('scriptRunner.results.successes'), color: 'green.6' },
    { name: 'others', label: t('scriptRunner.results.unsuccessful'), color: 'gray.5' },
  ];
  const outcomeBars = (rows: { label: string; runs: number; successes: number }[]) =>
    rows.map((r) => ({ label: r.label, successes: r.successes, others: r.runs - r.successes }));
  if (data.questions.length === 0 && data.paths.length === 0 && data.byOperator.length === 0)
    return (
      <Text c="dimmed" data-testid="results-empty">
        {t('scriptRunner.results.empty')}
      </Text>
    );

  return (
    <Stack gap="lg">
      {data.questions.length > 0 && (
        <Stack gap="sm">
          <Title order={5}>{t('scriptRunner.results.questions')}</Title>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {data.questions.map((q) => (
              <Card key={q.questionId} withBorder padding="sm" data-testid={`results-question-${q.questionId}`}>
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={600} size="sm">
                      {q.label}
                    </Text>
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      {t('scriptRunner.results.answered', { count: q.answered })}
                    </Badge>
                  </Group>
                  {q.versionIds.length > 1 && (
                    <Text size="xs" c="dimmed">
                      {t('scriptRunner.results.mergedVersions', { list: q.versionIds.map((v) => ordinals.get(v) ?? '?').join(', ') })}
                    </Text>
                  )}
                  {q.answered === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('scriptRunner.results.noAnswers')}
                    </Text>
                  ) : (
                    <QuestionFigure question={q} locale={locale} />
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {data.paths.length > 0 && (
        <Stack gap="sm" data-testid="results-paths">
          <Title order={5}>{t('scriptRunner.results.paths')}</Title>
          <OutcomeTable rows={data.paths.map((p, i) => ({ key: `${i}`, label: `#${i + 1} ${p.titles.join(' → ')}`, runs: p.runs, successes: p.successes }))} percent={percent} />
          {/* Whole paths do not fit beside a bar: the bars go by the table's numbers. */}
          <BarChart h={Math.max(120, data.paths.length * 36)} data={outcomeBars(data.paths.map((p, i) => ({ label: `#${i + 1}`, runs: p.runs, successes: p.successes })))} dataKey="label" type="stacked" orientation="vertical" yAxisProps={{ width: 60 }} xAxisProps={{ allowDecimals: false }} series={outcomeSeries} withLegend />
        </Stack>
      )}
      {data.objections.length > 0 && (
        <Stack gap="sm" data-testid="results-objections">
          <Title order={5}>{t('scriptRunner.results.objections')}</Title>
          <OutcomeTable rows={data.objections.map((o) => ({ key: o.nodeId, label: o.title, runs: o.runs, successes: o.successes }))} percent={percent} />
          <BarChart h={Math.max(120, data.objections.length * 36)} data={outcomeBars(data.objections.map((o) => ({ label: o.title, runs: o.runs, successes: o.successes })))} dataKey="label" type="stacked" orientation="vertical" yAxisProps={{ width: 160 }} xAxisProps={{ allowDecimals: false }} series={outcomeSeries} withLegend />
        </Stack>
      )}
      {data.byOperator.length > 0 && (
        <Stack gap="sm" data-testid="results-operators">
          <Title order={5}>{t('scriptRunner.results.byOperator')}</Title>
          <OutcomeTable rows={data.byOperator.map((o) => ({ key: o.operatorId ?? '-', label: o.name ?? t('scriptRunner.results.noOperator'), runs: o.runs, successes: o.successes }))} percent={percent} />
        </Stack>
      )}
    </Stack>
  );
}

function QuestionFigure({ question, locale }: { question: Results['questions'][number]; locale: string }) {
  const { t } = useTranslation();
  if (question.options.length > 0)
    return (
      <BarChart
        h={Math.max(100, question.options.length * 30)}
        data={question.options.map((o) => ({ label: question.type === 'yesno' ? t(o.id === 'true' ? 'scriptRunner.yes' : 'scriptRunner.no') : o.label, count: o.count }))}
        dataKey="label"
        orientation="vertical"
        yAxisProps={{ width: 120 }}
        xAxisProps={{ allowDecimals: false }}
        series={[{ name: 'count', label: t('scriptRunner.results.count'), color: 'blue.6' }]}
        withBarValueLabel
      />
    );
  if (question.numbers)
    return (
      <Text size="sm" data-testid="results-numbers">
        {t('scriptRunner.results.mean', { value: formatNumber(locale, Math.round(question.numbers.mean * 100) / 100) })} ·{' '}
        {t('scriptRunner.results.range', { min: formatNumber(locale, question.numbers.min), max: formatNumber(locale, question.numbers.max) })}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('scriptRunner.results.samples')}
      </Text>
      <List size="sm">
        {question.texts.map((text, i) => (
          <List.Item key={i}>{text}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function OutcomeTable({ rows, percent }: { rows: { key: string; label: string; runs: number; successes: number }[]; percent: (successes: number, runs: number) => string }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">{t('scriptRunner.results.runs')}</Table.Th>
          <Table.Th ta="right">{t('scriptRunner.results.successes')}</Table.Th>
          <Table.Th ta="right">{t('scriptRunner.results.successRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{r.runs}</Table.Td>
            <Table.Td ta="right">{r.successes}</Table.Td>
            <Table.Td ta="right">{percent(r.successes, r.runs)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
