import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface FormFooterProps {
  /** An error that belongs to no single field. */
  error: string | null;
  onCancel: () => void;
  onSubmit: () => void;
  submitLabel?: string;
  submitting?: boolean;
  testId?: string;
}

/** The end of every form: what went wrong, Cancel and the action. */
export function FormFooter({ error, onCancel, onSubmit, submitLabel, submitting = false, testId }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onSubmit} loading={submitting} data-testid={testId}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
