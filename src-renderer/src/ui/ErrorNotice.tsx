import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#contract';
import { apiErrorText } from '#renderer/i18n/error-text';

export interface ErrorNoticeProps {
  error: ApiError;
  onRetry?: () => void;
}

/** An API error in the operator's language, with the way forward when there is one. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
      {apiErrorText(t, error)}
      {onRetry && (
        <Button size="xs" variant="light" color="red" ml="md" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
