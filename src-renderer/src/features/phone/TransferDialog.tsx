import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColleagueLines } from './ColleagueLines';
import { usePhone } from './PhoneProvider';

/**
 * Where to pass the current call: a colleague from the list (with their line's state; one click
 * transfers) or any number. "Transfer" is blind; "Consult first" calls the colleague while the caller waits on hold, and the held
 * call's card then offers to complete the transfer.
 */
export function TransferDialog() {
  const { t } = useTranslation();
  const { transferring, setTransferring, run, calls } = usePhone();
  const [target, setTarget] = useState('');
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
        <Text size="sm" c="dimmed">
          {t('transfer.colleagues')}
        </Text>
        <ColleagueLines
          onPick={(line) => {
            // One click: straight to a colleague (blind); typing a number above allows consulting first.
            if (call) void run('phone.transfer', { callId: call.id, target: line.extension }).then((done) => done && close());
          }}
        />
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
