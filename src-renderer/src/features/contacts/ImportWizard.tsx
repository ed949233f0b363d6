import { Alert, Button, FileButton, Group, Modal, MultiSelect, Progress, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importTargets, type CampaignListReport, type ImportPreview, type ImportSummary, type ImportTarget } from '#contract';
import { act, jobFinished } from '#renderer/api/actions';
import { useBridge, useEvent, useQuery } from '#renderer/api/client';
import { uploadFile } from '#renderer/api/files';
import { usePhoneReadings } from '#renderer/api/usePhoneReadings';
import { issueText } from '#renderer/i18n/error-text';
import { countryOptions } from '#renderer/i18n/countries';
import { countryFlag } from '#renderer/ui/PhoneReading';
import { useErrorText, useFailureText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

const phoneTargets = new Set<ImportTarget>(['phone', 'mobile', 'workPhone']);

export interface ImportWizardProps {
  onClose: () => void;
  onImported: () => void;
  /** The file's people also join this campaign's list, split among its operators. */
  campaign?: { id: string; split: CampaignListReport['split'] };
}

type Step = { name: 'pick' } | { name: 'uploading'; sent: number; total: number } | { name: 'map'; uploadId: string; preview: ImportPreview } | { name: 'running'; jobId: string; importId: string } | { name: 'report'; summary: ImportSummary };

/** Importing a contact list: pick a file, check the columns, choose what to do with duplicates, watch it run, read the report. */
export function ImportWizard({ onClose, onImported, campaign }: ImportWizardProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const failureText = useFailureText();
  const fields = useQuery('customFields.list', {});
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [mapping, setMapping] = useState<ImportTarget[]>([]);
  const [duplicates, setDuplicates] = useState<'skip' | 'merge' | 'create'>('skip');
  const [progress, setProgress] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const [error, setError] = useState<string | null>(null);
  const { settings, locale } = useWorkplace();
  const [countries, setCountries] = useState<string[]>(settings.workingCountries);
  // The sample's phone cells, read as the import will read them (the row's own country first).
  const sample = step.name === 'map' ? step.preview.sample : [];
  const countryColumn = mapping.indexOf('country');
  const phoneCells = sample.flatMap((row, r) =>
    mapping.flatMap((target, c) => (phoneTargets.has(target) && (row[c] ?? '').trim() !== '' ? [{ key: `${r}:${c}`, raw: (row[c] ?? '').trim(), ...(countryColumn >= 0 && row[countryColumn] ? { country: row[countryColumn] } : {}) }] : [])),
  );
  const readings = usePhoneReadings(phoneCells, countries);
  const readingOf = new Map(phoneCells.map((cell, i) => [cell.key, readings[i]]));

  useEvent('job.progress', (p) => {
    if (step.name === 'running' && p.jobId === step.jobId) setProgress({ done: p.done, total: p.total });
  });

  const pick = async (file: File | null) => {
    if (!file) return;
    setError(null);
    try {
      const uploadId = await uploadFile(bridge, file, (sent, total) => setStep({ name: 'uploading', sent, total }));
      const preview = await bridge.invoke('imports.preview', { uploadId });
      if (!preview.ok) {
        setError(errorText(preview.error));
        setStep({ name: 'pick' });
        return;
      }
      setMapping(preview.value.suggestedMapping);
      setStep({ name: 'map', uploadId, preview: preview.value });
    } catch (e) {
      setError(failureText(e));
      setStep({ name: 'pick' });
    }
  };

  const start = async () => {
    if (step.name !== 'map') return;
    const started = await act(bridge, 'imports.start', { uploadId: step.uploadId, format: step.preview.format, encoding: step.preview.encoding, delimiter: step.preview.delimiter, mapping, duplicates, workingCountries: countries, ...(campaign ? { campaign } : {}) }, errorText);
    if (!started) return;
    setStep({ name: 'running', ...started });
    await jobFinished(bridge, started.jobId);
    const summary = await act(bridge, 'imports.get', { id: started.importId }, errorText);
    if (summary) setStep({ name: 'report', summary });
    onImported();
  };

  const undo = async () => {
    if (step.name !== 'report') return;
    const summary = await act(bridge, 'imports.undo', { id: step.summary.id }, errorText);
    if (summary) {
      setStep({ name: 'report', summary });
      onImported();
    }
  };

  const targets = [...importTargets.map((target) => ({ value: target, label: t(`importer.target.${target}`) })), ...(fields.data ?? []).filter((f) => f.entity === 'contact').map((f) => ({ value: `custom:${f.id}`, label: f.name }))];

  return (
    <Modal opened onClose={onClose} title={t('importer.title')} size="90%">
      <Stack gap="sm" data-testid="import-wizard">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {step.name === 'pick' && (
          <>
            <Text size="sm">{t('importer.explain')}</Text>
            <FileButton onChange={(file) => void pick(file)} accept=".csv,.txt,.xlsx,.vcf,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} w="fit-content" data-testid="import-pick">
                  {t('importer.pick')}
                </Button>
              )}
            </FileButton>
          </>
        )}
        {step.name === 'uploading' && <Progress value={(step.sent / Math.max(1, step.total)) * 100} animated />}
        {step.name === 'map' && (
          <>
            <Text size="sm">{t('importer.detected', { format: step.preview.format.toUpperCase(), encoding: step.preview.encoding, delimiter: step.preview.delimiter === '\t' ? 'Tab' : step.preview.delimiter })}</Text>
            <ScrollArea>
              <Table withTableBorder withColumnBorders data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    {step.preview.headers.map((header, i) => (
                      <Table.Th key={i} miw={160}>
                        <Text size="xs" c="dimmed">
                          {header}
                        </Text>
                        {step.preview.format !== 'vcard' && (
                          <Select size="xs" data={targets} value={mapping[i] ?? 'skip'} onChange={(v) => setMapping(mapping.map((m, k) => (k === i ? (v ?? 'skip') : m)))} allowDeselect={false} aria-label={header} />
                        )}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {step.preview.sample.map((row, r) => (
                    <Table.Tr key={r}>
                      {step.preview.headers.map((_, c) => {
                        const reading = readingOf.get(`${r}:${c}`);
                        const best = reading?.readings[0];
                        return (
                          <Table.Td key={c}>
                            {row[c] ?? ''}
                            {reading && (
                              <Text size="xs" c={reading.status === 'ok' ? 'dimmed' : 'orange.7'} data-testid="import-reading">
                                {reading.status === 'invalid' ? t('importer.phoneInvalid') : `${countryFlag(best?.country ?? null)} ${best?.e164 ?? ''}${reading.status === 'ambiguous' ? ` ${t('importer.phoneAmbiguous', { count: reading.readings.length })}` : ''}`}
                              </Text>
                            )}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <MultiSelect
              label={t('importer.countries')}
              description={t('importer.countriesHint')}
              searchable
              value={countries}
              data={countryOptions(locale)}
              onChange={(value) => value.length > 0 && setCountries(value)}
              data-testid="import-countries"
            />
            <Group>
              <Text size="sm">{t('importer.duplicates')}</Text>
              <SegmentedControl value={duplicates} onChange={(v) => setDuplicates(v)} data={(['skip', 'merge', 'create'] as const).map((d) => ({ value: d, label: t(`importer.duplicatePolicy.${d}`) }))} />
            </Group>
            <Button w="fit-content" onClick={() => void start()} data-testid="import-start">
              {t('importer.start')}
            </Button>
          </>
        )}
        {step.name === 'running' && (
          <>
            <Text>{t('jobs.progress', { done: progress.done, total: progress.total || '…' })}</Text>
            <Progress value={progress.total ? (progress.done / progress.total) * 100 : 100} animated />
          </>
        )}
        {step.name === 'report' && (
          <>
            <Alert color={step.summary.state === 'failed' ? 'red' : 'green'} data-testid="import-report">
              {t('importer.report', { rows: step.summary.rows, created: step.summary.created, merged: step.summary.merged, skipped: step.summary.skipped, rejected: step.summary.rejected })}
              {step.summary.state === 'undone' && ` ${t('importer.undone')}`}
              {step.summary.campaignList && ` ${t('importer.campaignList', step.summary.campaignList)}`}
            </Alert>
            {step.summary.phoneIssues > 0 && (
              <>
                <Text size="sm" fw={500}>
                  {t('importer.phoneIssues', { count: step.summary.phoneIssues })}
                </Text>
                <ScrollArea h={200}>
                  <Table striped data-testid="import-phone-issues">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('importer.line')}</Table.Th>
                        <Table.Th>{t('importer.field')}</Table.Th>
                        <Table.Th>{t('importer.value')}</Table.Th>
                        <Table.Th>{t('importer.reason')}</Table.Th>
                        <Table.Th>{t('importer.tried')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {step.summary.phoneIssueList.map((issue, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{issue.line}</Table.Td>
                          <Table.Td>{issue.field ?? t('common.unknown')}</Table.Td>
                          <Table.Td>{issue.value}</Table.Td>
                          <Table.Td>{issue.status === 'ambiguous' ? t('importer.issueAmbiguous', { readings: issue.readings.join(', ') }) : t('importer.issueInvalid')}</Table.Td>
                          <Table.Td>{issue.tried.join('; ')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              </>
            )}
            {step.summary.rejections.length > 0 && (
              <ScrollArea h={260}>
                <Table striped data-testid="import-rejections">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('importer.line')}</Table.Th>
                      <Table.Th>{t('importer.field')}</Table.Th>
                      <Table.Th>{t('importer.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {step.summary.rejections.map((r, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td>{r.field ?? t('common.unknown')}</Table.Td>
                        <Table.Td>{r.code ? issueText(t, { code: r.code, params: r.params ?? {} }) : r.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            )}
            <Group>
              <Button onClick={onClose}>{t('common.close')}</Button>
              {step.summary.state === 'done' && step.summary.created > 0 && (
                <Button variant="default" color="red" onClick={() => void undo()}>
                  {t('importer.undo')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
