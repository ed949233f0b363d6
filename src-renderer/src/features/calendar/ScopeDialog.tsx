import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ScopeDialogProps {
  onChoose: (scope: 'occurrence' | 'series') => void;
  onCancel: () => void;
}

/** Moving one occurrence of a series: only this one, or the whole series? */
export function ScopeDialog({ onChoose, onCancel }: ScopeDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onCancel} title={t('calendar.scope.moveTitle')}>
      <Text size="sm" mb="md">
        {t('calendar.scope.moveQuestion')}
      </Text>
      <Group justify="flex-end" data-testid="calendar-move-scope">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="light" onClick={() => onChoose('series')} data-testid="calendar-move-series">
          {t('calendar.scope.series')}
        </Button>
        <Button onClick={() => onChoose('occurrence')} data-testid="calendar-move-occurrence">
          {t('calendar.scope.occurrence')}
        </Button>
      </Group>
    </Modal>
  );
}
