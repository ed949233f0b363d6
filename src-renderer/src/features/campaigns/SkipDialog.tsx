import { Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '#renderer/ui/FormFooter';

export interface SkipDialogProps {
  onCancel: () => void;
  onSkip: (reason: string) => void;
}

/** Passing a card over asks why (the card comes back later; the reason stays with the number). */
export function SkipDialog({ onCancel, onSkip }: SkipDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const skip = () => reason.trim() !== '' && onSkip(reason.trim());
  return (
    <Modal opened onClose={onCancel} title={t('dialer.skipTitle')}>
      <Stack gap="sm">
        <TextInput label={t('dialer.skipReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && skip()} data-autofocus data-testid="skip-reason" />
        <FormFooter error={null} onCancel={onCancel} onSubmit={skip} submitLabel={t('dialer.skip')} testId="skip-confirm" />
      </Stack>
    </Modal>
  );
}
