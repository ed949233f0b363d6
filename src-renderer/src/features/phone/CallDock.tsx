import { Affix, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { CallInfo } from '#contract';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ContactForm } from '#renderer/features/contacts/ContactForm';
import { CallScriptPanel } from '#renderer/features/scripts-runner/CallScriptPanel';
import { ActiveCallCard } from './ActiveCallCard';
import { IncomingCallCard } from './IncomingCallCard';
import { usePhone } from './PhoneProvider';
import { hotkeyOf, shortcutOrder } from './shortcuts';
import { TransferDialog } from './TransferDialog';
import { WrapUpDialog } from './WrapUpDialog';

export interface CallDockProps {
  onOpenContact: (id: string) => void;
}

/**
 * Calls on screen, whatever area is open: ringing calls with their screen pop at the top right,
 * calls in progress at the bottom left with the answered call's script beside them, the transfer and
 * wrap-up dialogs, and the phone shortcuts.
 */
export function CallDock({ onOpenContact }: CallDockProps) {
  const { settings } = useWorkplace();
  const { ringing, calls, current, screenPops, shortcut, run } = usePhone();
  const [creatingFrom, setCreatingFrom] = useState<CallInfo | null>(null);
  useHotkeys(shortcutOrder.map((action) => [hotkeyOf(settings.phone.shortcuts[action]), () => shortcut(action)]), []);
  const inProgress = calls.filter((c) => c.state !== 'ringing_in');
  // The script follows the call in the operator's ear; with that one on hold, the last answered one.
  const scripted = (current && current.answeredAt !== null ? current : undefined) ?? inProgress.filter((c) => c.answeredAt !== null).at(-1);

  return (
    <>
      {ringing.length > 0 && (
        <Affix position={{ top: 64, right: 16 }} zIndex={300}>
          <Stack gap="sm">
            {ringing.map((call) => (
              <IncomingCallCard key={call.id} call={call} pop={screenPops.get(call.id)} onOpenContact={onOpenContact} onCreateContact={setCreatingFrom} />
            ))}
          </Stack>
        </Affix>
      )}
      {inProgress.length > 0 && (
        <Affix position={{ bottom: 16, left: 236 }} zIndex={250}>
          <Stack gap="sm">
            {inProgress.map((call) => (
              <ActiveCallCard key={call.id} call={call} onOpenContact={onOpenContact} />
            ))}
          </Stack>
        </Affix>
      )}
      {scripted && (
        <Affix position={{ bottom: 16, left: 612, right: 16 }} zIndex={240}>
          <CallScriptPanel key={scripted.id} callId={scripted.id} />
        </Affix>
      )}
      <TransferDialog />
      <WrapUpDialog onCreateContact={setCreatingFrom} />
      {creatingFrom && (
        <ContactForm
          contact={null}
          initial={{ phone: creatingFrom.remoteNumber }}
          onClose={() => setCreatingFrom(null)}
          onSaved={(card) => {
            void run('phone.linkContact', { callId: creatingFrom.id, contactId: card.id });
            setCreatingFrom(null);
          }}
        />
      )}
    </>
  );
}
