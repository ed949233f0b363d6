import { Alert, Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '#renderer/api/client';
import { issueText } from '#renderer/i18n/error-text';
import { useFailureText } from '#renderer/ui/useErrorText';

export interface ImportProblemsProps {
  failure: unknown;
  onClose: () => void;
}

/** Why a script file was refused: every problem with where it is in the file, worded in the interface language. */
export function ImportProblems({ failure, onClose }: ImportProblemsProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const issues = failure instanceof ApiCallError ? (failure.error.issues ?? []) : [];
  return (
    <Alert color="red" mb="sm" role="alert" title={t('scripts.importRefused')} withCloseButton onClose={onClose} data-testid="import-problems">
      {issues.length === 0 ? (
        <Text size="sm">{failureText(failure)}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {issues.map((issue, i) => (
            <List.Item key={i} data-testid="import-problem" data-path={issue.path}>
              <Code>{issue.path === '' ? t('scripts.wholeFile') : issue.path}</Code> {issueText(t, issue)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
