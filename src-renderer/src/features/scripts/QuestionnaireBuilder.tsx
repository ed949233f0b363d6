import { ActionIcon, Alert, Box, Button, Card, Group, Menu, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { questionTypes, type QuestionnaireDefinition, type ScriptDocument } from '#contract';
import { useQuery } from '#renderer/api/client';
import { DocumentBar } from './DocumentBar';
import { DocumentTabs } from './DocumentTabs';
import { QuestionCard } from './QuestionCard';
import { addQuestion, addSection, newQuestionnaire, removeSection, updateSection } from './questionnaire-draft';
import { useDocumentDraft } from './useDocumentDraft';

export interface QuestionnaireBuilderProps {
  document: ScriptDocument;
  onDocument: (document: ScriptDocument) => void;
  onClose: () => void;
}

interface Draft {
  name: string;
  questionnaire: QuestionnaireDefinition;
}

/** A questionnaire's sections and questions, edited in order, saved as a draft and published as versions. */
export function QuestionnaireBuilder({ document, onDocument, onClose }: QuestionnaireBuilderProps) {
  const { t } = useTranslation();
  const state = useDocumentDraft<Draft>(
    document,
    () => ({ draft: { name: document.name, questionnaire: document.questionnaire ?? newQuestionnaire(t('scripts.q.firstSection')) }, saved: document.questionnaire !== null }),
    (draft) => ({ id: document.id, kind: 'questionnaire', description: document.description, ...draft }),
    onDocument,
  );
  const { draft, setDraft } = state;
  const customFields = useQuery('customFields.list', {});
  const contactFields = (customFields.data ?? []).filter((f) => f.entity === 'contact').map((f) => ({ id: f.id, name: f.name }));
  const definition = draft.questionnaire;
  const setDefinition = (questionnaire: QuestionnaireDefinition) => setDraft((d) => ({ ...d, questionnaire }));

  const problemsOf = (questionId: string) => document.questionnaireProblems.filter((p) => p.questionId === questionId);
  const general = document.questionnaireProblems.filter((p) => p.questionId === null);

  const questions = (
    <Stack gap="md">
      {definition.sections.map((section) => (
        <Card key={section.id} withBorder padding="sm" bg="var(--mantine-color-default-hover)" data-testid={`section-${section.id}`}>
          <Group gap="xs" mb="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              value={section.title}
              aria-label={t('scripts.q.sectionTitle')}
              onChange={(e) => setDefinition(updateSection(definition, section.id, { title: e.currentTarget.value }))}
              fw={600}
              data-testid="section-title"
            />
            <Tooltip label={t('scripts.q.deleteSection')}>
              <ActionIcon variant="subtle" color="red" disabled={definition.sections.length < 2} onClick={() => setDefinition(removeSection(definition, section.id))} aria-label={t('scripts.q.deleteSection')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Stack gap="sm">
            {section.questions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('scripts.q.noQuestions')}
              </Text>
            )}
            {section.questions.map((question) => (
              <QuestionCard key={question.id} definition={definition} question={question} onChange={setDefinition} customFields={contactFields} problems={problemsOf(question.id)} />
            ))}
            <Menu position="bottom-start">
              <Menu.Target>
                <Button variant="light" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} data-testid="question-add">
                  {t('scripts.q.add')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {questionTypes.map((type) => (
                  <Menu.Item key={type} onClick={() => setDefinition(addQuestion(definition, section.id, type, t(`scripts.questionType.${type}`)).definition)} data-testid={`question-add-${type}`}>
                    {t(`scripts.questionType.${type}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Stack>
        </Card>
      ))}
      <Button variant="default" leftSection={<IconPlus size={16} />} style={{ alignSelf: 'flex-start' }} onClick={() => setDefinition(addSection(definition, t('scripts.q.newSection', { n: definition.sections.length + 1 })))} data-testid="section-add">
        {t('scripts.q.addSection')}
      </Button>
    </Stack>
  );

  return (
    <Box maw={960}>
      <DocumentBar document={document} state={state} onClose={onClose} />
      {general.length > 0 && (
        <Alert color="red" mb="sm" data-testid="questionnaire-problems">
          {general.map((p, i) => (
            <Text key={i} size="sm">
              {t([`scripts.questionProblem.${p.code}`, 'scripts.questionProblem.other'], { detail: p.detail ?? '' })}
            </Text>
          ))}
        </Alert>
      )}
      <DocumentTabs id={document.id} tabs={[{ value: 'questions', label: t('scripts.questions'), content: questions }]} />
    </Box>
  );
}
