import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

export interface EraseDialogProps {
  contactId: string;
  fullName: string;
  onClose: () => void;
  onErased: () => void;
}

/** Erasing a person on request: the reason, and the name typed again, because it cannot be undone. */
export function EraseDialog({ contactId, fullName, onClose, onErased }: EraseDialogProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const erase = async () => {
    if (await act(bridge, 'privacy.erase', { contactId, reason, confirmName }, errorText)) onErased();
  };
  return (
    <Modal opened onClose={onClose} title={t('privacy.eraseTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('privacy.eraseExplain')}</Text>
        <TextInput label={t('privacy.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <TextInput label={t('privacy.confirmName', { name: fullName })} value={confirmName} onChange={(e) => setConfirmName(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!reason.trim() || !confirmName.trim()} onClick={() => void erase()}>
            {t('privacy.erase')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
