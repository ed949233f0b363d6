import { Anchor, Badge, Button, Divider, Group, Paper, Popover, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowForwardUp, IconMessage, IconPhone, IconPhoneX, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInfo, ScreenPop } from '#contract';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatDateTime } from '#renderer/i18n/format';
import { stageName } from '#renderer/i18n/stage-name';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { ColleagueLines } from './ColleagueLines';
import { usePhone } from './PhoneProvider';

export interface IncomingCallCardProps {
  call: CallInfo;
  pop: ScreenPop | undefined;
  onOpenContact: (id: string) => void;
  onCreateContact: (call: CallInfo) => void;
}

/**
 * The screen pop: who is calling and their story, before answering. Then the secretary's
 * choices: answer, reject, forward to a colleague, or take a message for them.
 */
export function IncomingCallCard({ call, pop, onOpenContact, onCreateContact }: IncomingCallCardProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const { run, calls } = usePhone();
  const [forwardTo, setForwardTo] = useState('');
  const [messageFor, setMessageFor] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [messageOpen, setMessageOpen] = useState(false);
  const inCall = calls.some((c) => c.id !== call.id && c.state === 'active');
  const person = pop?.contacts[0];

  const takeMessage = async () => {
    if (!messageFor || message.trim() === '') return;
    const taken = await run('phone.takeMessage', { callId: call.id, forEmployeeId: messageFor, text: message.trim() });
    if (taken) {
      setMessageOpen(false);
      setMessage('');
    }
  };

  return (
    <Paper withBorder shadow="lg" p="md" w={380} data-testid="incoming-call" style={{ borderColor: 'var(--mantine-color-green-6)', borderWidth: 2 }}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {inCall ? t('incoming.waiting') : t('incoming.title')}
          </Text>
          <Text size="sm" ff="monospace" data-testid="incoming-number">
            {call.remoteNumber}
          </Text>
        </Group>
        {person ? (
          <Stack gap={2}>
            <Anchor component="button" fw={700} size="lg" onClick={() => onOpenContact(person.id)} data-testid="incoming-contact" ta="left">
              {person.fullName}
            </Anchor>
            <Text size="sm">{[person.companyName, person.responsibleName && t('incoming.responsible', { name: person.responsibleName })].filter(Boolean).join(' · ')}</Text>
            {person.tags.length > 0 && (
              <Group gap={4}>
                {person.tags.map((tag) => (
                  <Badge key={tag} size="xs" variant="light">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
            {pop && pop.contacts.length > 1 && (
              <Stack gap={0} data-testid="incoming-several">
                <Text size="xs" c="orange.7">
                  {t('incoming.several', { count: pop.contacts.length })}
                </Text>
                {pop.contacts.slice(1).map((other) => (
                  <Anchor key={other.id} component="button" size="sm" ta="left" onClick={() => onOpenContact(other.id)}>
                    {[other.fullName, other.companyName].filter(Boolean).join(' · ')}
                  </Anchor>
                ))}
              </Stack>
            )}
          </Stack>
        ) : pop && pop.companies.length > 0 ? (
          <Text fw={700} size="lg" data-testid="incoming-contact">
            {pop.companies[0]?.name}
          </Text>
        ) : (
          <Group justify="space-between">
            <Text fw={700} size="lg" data-testid="incoming-unknown">
              {call.remoteName ?? t('incoming.unknown')}
            </Text>
            <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => onCreateContact(call)} data-testid="incoming-create-contact">
              {t('incoming.createContact')}
            </Button>
          </Group>
        )}
        {pop && pop.openComplaints.length > 0 && (
          <Stack gap={2}>
            {pop.openComplaints.map((c) => (
              <Text key={c.id} size="sm" c="red">
                {t('incoming.complaint', { number: c.number, subject: c.subject })}
              </Text>
            ))}
          </Stack>
        )}
        {pop && pop.openDeals.length > 0 && (
          <Text size="sm">{t('incoming.deals', { list: pop.openDeals.map((d) => `${d.title} (${stageName(t, { name: d.stage, key: d.stageKey })})`).join(', ') })}</Text>
        )}
        {pop && pop.nextMeetings[0] && <Text size="sm">{t('incoming.nextMeeting', { title: pop.nextMeetings[0].title, at: formatDateTime(locale, pop.nextMeetings[0].startsAt) })}</Text>}
        {pop && pop.lastInteractions.length > 0 && (
          <>
            <Divider label={t('incoming.lastContacts')} labelPosition="left" />
            {pop.lastInteractions.slice(0, 3).map((i) => (
              <Text key={`${i.occurredAt}-${i.subject}`} size="xs" lineClamp={1}>
                {formatDateTime(locale, i.occurredAt)} · {t(`interaction.${i.kind}`)} · {i.subject}
                {i.employeeName ? ` · ${i.employeeName}` : ''}
              </Text>
            ))}
          </>
        )}
        <Group gap="xs" mt="xs">
          <Button color="green" leftSection={<IconPhone size={16} />} onClick={() => void run('phone.answer', { callId: call.id, holdOthers: true })} data-testid="incoming-answer">
            {inCall ? t('incoming.holdAndAnswer') : t('incoming.answer')}
          </Button>
          <Button color="red" variant="light" leftSection={<IconPhoneX size={16} />} onClick={() => void run('phone.reject', { callId: call.id })} data-testid="incoming-reject">
            {t('incoming.reject')}
          </Button>
        </Group>
        <Group gap="xs">
          <Popover position="bottom-start" withArrow trapFocus>
            <Popover.Target>
              <Button size="xs" variant="default" leftSection={<IconArrowForwardUp size={14} />} data-testid="incoming-forward">
                {t('incoming.forward')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown w={320}>
              <ColleagueLines onPick={(line) => void run('phone.forward', { callId: call.id, target: line.extension })} />
              <Group gap="xs" align="flex-end" mt="xs">
                <TextInput size="xs" label={t('incoming.forwardTo')} value={forwardTo} onChange={(e) => setForwardTo(e.currentTarget.value)} data-testid="forward-target" />
                <Button size="xs" disabled={forwardTo.trim() === ''} onClick={() => void run('phone.forward', { callId: call.id, target: forwardTo.trim() })} data-testid="forward-go">
                  {t('incoming.forward')}
                </Button>
              </Group>
            </Popover.Dropdown>
          </Popover>
          <Popover position="bottom-start" withArrow trapFocus opened={messageOpen} onChange={setMessageOpen}>
            <Popover.Target>
              <Button size="xs" variant="default" leftSection={<IconMessage size={14} />} onClick={() => setMessageOpen((o) => !o)} data-testid="incoming-message">
                {t('incoming.takeMessage')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown w={320}>
              <Stack gap="xs">
                <EmployeeSelect label={t('incoming.messageFor')} value={messageFor} onChange={setMessageFor} clearable={false} />
                <Textarea label={t('incoming.messageText')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} data-testid="message-text" />
                <Button size="xs" disabled={!messageFor || message.trim() === ''} onClick={() => void takeMessage()} data-testid="message-save">
                  {t('incoming.saveMessage')}
                </Button>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      </Stack>
    </Paper>
  );
}
