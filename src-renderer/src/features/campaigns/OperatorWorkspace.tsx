import { Badge, Box, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { usePhone } from '#renderer/features/phone/PhoneProvider';
import { useNow } from '#renderer/features/phone/useNow';
import { PersonCard } from './PersonCard';
import { PreviewActions } from './PreviewActions';
import { SessionControls } from './SessionControls';
import { SessionStatePanel } from './SessionStatePanel';
import { useDialerSession } from './useDialerSession';
import { useSessionCommand } from './useSessionCommand';
import { WrapUpPanel } from './WrapUpPanel';

export interface OperatorWorkspaceProps {
  onBack: () => void;
}

/**
 * The operator working a campaign: the session's state big and clear, the person on the card or the line,
 * the preview's Dial and Skip, the wrap-up's dispositions; Ready, Pause and Leave. Main runs the dialing
 * mode and pushes every change (`dialer.session`); the live call itself is the phone bar's.
 */
export function OperatorWorkspace({ onBack }: OperatorWorkspaceProps) {
  const { t } = useTranslation();
  const { session, show } = useDialerSession();
  const command = useSessionCommand(show);
  const campaign = useQuery('campaigns.get', { id: session?.campaignId ?? '' }, Boolean(session));
  const now = useNow(1_000, Boolean(session));
  const { wrapUps, finishWrapUp } = usePhone();
  // The campaign's wrap-up (its dispositions) replaces the phone's own for the calls it placed.
  const campaignCalls = useRef(new Set<string>());
  useEffect(() => {
    if (session?.callId) campaignCalls.current.add(session.callId);
    for (const call of wrapUps) if (campaignCalls.current.has(call.id)) finishWrapUp(call.id);
  }, [session?.callId, wrapUps, finishWrapUp]);

  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="workspace-back">
      {t('campaigns.back')}
    </Button>
  );
  if (session === undefined) return null;
  if (session === null) {
    return (
      <Stack gap="sm" data-testid="workspace-idle">
        <Text>{t('dialer.notWorking')}</Text>
        <Box>{back}</Box>
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="operator-workspace">
      <Group justify="space-between">
        <Group gap="sm">
          {back}
          <Title order={2}>{session.campaignName}</Title>
          <Badge variant="light">{t(`campaigns.mode.${session.mode}`)}</Badge>
        </Group>
        <SessionControls session={session} command={command} onLeft={() => show(null)} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SessionStatePanel session={session} now={now} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {session.entry && <PersonCard entry={session.entry} now={now} />}
            {session.state === 'previewing' && <PreviewActions command={command} />}
            {session.state === 'wrap_up' && campaign.data && <WrapUpPanel key={session.callId} session={session} dispositions={campaign.data.dispositions} onSession={show} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
