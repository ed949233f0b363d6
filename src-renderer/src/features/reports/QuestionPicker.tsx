import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';

export interface QuestionPickerProps {
  questionnaireId: string | undefined;
  questionId: string | undefined;
  onChange: (choice: { questionnaireId?: string; questionId?: string }) => void;
}

/** Campaign results' answers view: a questionnaire, then the question whose answers are counted. */
export function QuestionPicker({ questionnaireId, questionId, onChange }: QuestionPickerProps) {
  const { t } = useTranslation();
  const questionnaires = useQuery('scripts.list', { kind: 'questionnaire' });
  const questionnaire = useQuery('scripts.get', { id: questionnaireId ?? '' }, questionnaireId !== undefined);
  const questions = questionnaireId === undefined ? [] : (questionnaire.data?.questionnaire?.sections.flatMap((section) => section.questions) ?? []);
  return (
    <>
      <Select
        label={t('reports.questionnaire')}
        data={(questionnaires.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
        value={questionnaireId ?? null}
        onChange={(id) => onChange(id ? { questionnaireId: id } : {})}
        searchable
        clearable
        w={220}
        data-testid="report-questionnaire"
      />
      <Select
        label={t('reports.question')}
        data={questions.map((q) => ({ value: q.id, label: q.label }))}
        value={questionId ?? null}
        onChange={(id) => onChange({ ...(questionnaireId ? { questionnaireId } : {}), ...(id ? { questionId: id } : {}) })}
        disabled={questions.length === 0}
        searchable
        clearable
        w={260}
        data-testid="report-question"
      />
    </>
  );
}
