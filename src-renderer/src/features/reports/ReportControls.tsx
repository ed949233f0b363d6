import { Group, MultiSelect, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { interactionKinds, reportKinds, type ReportKind } from '#contract';
import { DateField } from '#renderer/ui/DateField';
import { periodPresets } from './period';
import { QuestionPicker } from './QuestionPicker';
import type { ReportChoices, ReportFilterChoices } from './report-choices';

export interface ReportControlsProps {
  report: ReportKind;
  onReport: (report: ReportKind) => void;
  /** The views the report offers (known once it has answered). */
  views: readonly string[];
  choices: ReportChoices;
  onChoices: (choices: ReportChoices) => void;
  /** Who and what the report can be narrowed to (absent until main answers). */
  filterChoices: ReportFilterChoices | undefined;
}

/** Which report, how it is broken down, for what period, narrowed to whom, with the options its kind takes. */
export function ReportControls({ report, onReport, views, choices, onChoices, filterChoices }: ReportControlsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<ReportChoices>) => onChoices({ ...choices, ...patch });
  const options = (items: readonly { id: string; name: string }[] | undefined) => (items ?? []).map((item) => ({ value: item.id, label: item.name }));
  const view = choices.view ?? views[0] ?? null;

  return (
    <>
      <Group align="flex-end" gap="sm" mb="sm">
        <Select
          label={t('reports.report')}
          data={reportKinds.map((kind) => ({ value: kind, label: t(`reports.kinds.${kind}`) }))}
          value={report}
          onChange={(value) => value && onReport(value)}
          allowDeselect={false}
          w={260}
          data-testid="report-kind"
        />
        <Select
          label={t('reports.view')}
          data={views.map((v) => ({ value: v, label: t(`reports.views.${v}`, { defaultValue: v }) }))}
          value={view}
          onChange={(value) => value && set({ view: value })}
          allowDeselect={false}
          disabled={views.length === 0}
          w={200}
          data-testid="report-view"
        />
        <Select
          label={t('reports.period')}
          data={periodPresets.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))}
          value={choices.period.preset}
          onChange={(value) => value && set({ period: { ...choices.period, preset: value } })}
          allowDeselect={false}
          w={180}
          data-testid="report-period"
        />
        {choices.period.preset === 'custom' && (
          <>
            <DateField label={t('reports.from')} value={choices.period.firstDay ?? null} onChange={(day) => set({ period: { ...choices.period, firstDay: day ?? undefined } })} w={150} data-testid="report-period-from" />
            <DateField label={t('reports.to')} value={choices.period.lastDay ?? null} onChange={(day) => set({ period: { ...choices.period, lastDay: day ?? undefined } })} w={150} data-testid="report-period-to" />
          </>
        )}
      </Group>
      <Group align="flex-end" gap="sm" mb="md">
        <MultiSelect label={t('reports.operators')} data={options(filterChoices?.operators)} value={choices.operatorIds} onChange={(operatorIds) => set({ operatorIds })} searchable clearable w={240} data-testid="report-operators" />
        <MultiSelect label={t('reports.teams')} data={options(filterChoices?.teams)} value={choices.teamIds} onChange={(teamIds) => set({ teamIds })} searchable clearable w={200} data-testid="report-teams" />
        <MultiSelect label={t('reports.campaigns')} data={options(filterChoices?.campaigns)} value={choices.campaignIds} onChange={(campaignIds) => set({ campaignIds })} searchable clearable w={220} data-testid="report-campaigns" />
        <MultiSelect label={t('reports.companyTags')} data={options(filterChoices?.companyTags)} value={choices.companyTagIds} onChange={(companyTagIds) => set({ companyTagIds })} searchable clearable w={200} data-testid="report-tags" />
        {report === 'relationship_health' && (
          <>
            <Select
              label={t('reports.interactionKind')}
              data={interactionKinds.map((kind) => ({ value: kind, label: t(`interaction.${kind}`) }))}
              value={choices.interactionKind ?? null}
              onChange={(value) => set({ interactionKind: (value) ?? undefined })}
              clearable
              w={180}
              data-testid="report-interaction-kind"
            />
            <NumberInput label={t('reports.days')} value={choices.days ?? ''} onChange={(value) => set({ days: typeof value === 'number' && value >= 1 ? value : undefined })} min={1} max={3650} w={120} data-testid="report-days" />
          </>
        )}
        {report === 'campaign_results' && (
          <QuestionPicker questionnaireId={choices.questionnaireId} questionId={choices.questionId} onChange={(choice) => onChoices({ ...choices, questionnaireId: choice.questionnaireId, questionId: choice.questionId })} />
        )}
      </Group>
    </>
  );
}
