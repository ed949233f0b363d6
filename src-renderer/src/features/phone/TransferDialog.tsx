import { Button, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { usePhone } from './PhoneProvider';

/**
 * Where to pass the current call: a colleague's extension from the list or any number. "Transfer"
 * is blind; "Consult first" calls the colleague while the caller waits on hold, and the held
 * call's card then offers to complete the transfer.
 */
export function TransferDialog() {
  const { t } = useTranslation();
  const { transferring, setTransferring, run, calls } = usePhone();
  const [target, setTarget] = useState('');
  const employees = useQuery('employees.list', {}, transferring !== null);
  const call = calls.find((c) => c.id === transferring);
  const close = () => {
    setTarget('');
    setTransferring(null);
  };
  const blind = async () => {
    if (!call || target.trim() === '') return;
    if (await run('phone.transfer', { callId: call.id, target: target.trim() })) close();
  };
  const consult = async () => {
    if (!call || target.trim() === '') return;
    if (call.state === 'active' && !(await run('phone.hold', { callId: call.id }))) return;
    if (await run('phone.dial', { target: target.trim() })) close();
  };
  const colleagues = (employees.data ?? []).filter((e) => e.extension);

  return (
    <Modal opened={call !== undefined} onClose={close} title={t('transfer.title', { name: call?.contact?.fullName ?? call?.remoteNumber ?? '' })} data-testid="transfer-dialog">
      <Stack>
        <TextInput
          label={t('transfer.target')}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void blind();
          }}
          data-autofocus
          data-testid="transfer-target"
        />
        {colleagues.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('transfer.colleagues')}
            </Text>
            {colleagues.map((e) => (
              <UnstyledButton key={e.id} onClick={() => setTarget(e.extension ?? '')}>
                <Group justify="space-between">
                  <Text size="sm">{e.name}</Text>
                  <Text size="sm" ff="monospace">
                    {e.extension}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void consult()} disabled={target.trim() === ''} data-testid="transfer-consult">
            {t('transfer.consult')}
          </Button>
          <Button onClick={() => void blind()} disabled={target.trim() === ''} data-testid="transfer-blind">
            {t('transfer.blind')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
