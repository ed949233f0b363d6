import { ActionIcon, Box, Group, Tabs, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '#contract';
import { useQuery } from '#renderer/api/client';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { workspaceId } from './campaign-route';
import { AudiencePanel } from './AudiencePanel';
import { CampaignEditor } from './CampaignEditor';
import { CampaignStateBadge } from './CampaignStateBadge';
import { LiveBoard } from './LiveBoard';
import { StateButtons } from './StateButtons';
import { WorkButton } from './WorkButton';

export interface CampaignPageProps {
  /** null: a new campaign. */
  id: string | null;
  onOpen: (id: string | null) => void;
}

/** One campaign: its settings, its list of people and files, and (once started) its live board. */
export function CampaignPage({ id, onOpen }: CampaignPageProps) {
  const { t } = useTranslation();
  const loaded = useQuery('campaigns.get', { id: id ?? '' }, id !== null);
  // Saves, state moves and messages answer with the whole campaign; it replaces what was loaded.
  const [changed, setChanged] = useState<Campaign | null>(null);
  const campaign = changed ?? loaded.data ?? null;
  const [tab, setTab] = useState<string | null>('settings');

  const back = (
    <Tooltip label={t('campaigns.back')}>
      <ActionIcon variant="subtle" onClick={() => onOpen(null)} aria-label={t('campaigns.back')} data-testid="campaign-back">
        <IconArrowLeft size={18} />
      </ActionIcon>
    </Tooltip>
  );

  if (id === null) {
    return (
      <Box>
        <Group mb="md" gap="xs">
          {back}
          <Title order={2}>{t('campaigns.new')}</Title>
        </Group>
        <CampaignEditor campaign={null} onSaved={(saved) => onOpen(saved.id)} />
      </Box>
    );
  }
  if (loaded.error && !changed) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!campaign) return null;

  return (
    <Box>
      <Group mb="md" justify="space-between">
        <Group gap="xs">
          {back}
          <Title order={2} data-testid="campaign-title">
            {campaign.name}
          </Title>
          <CampaignStateBadge state={campaign.state} />
        </Group>
        <Group gap="xs">
          <StateButtons campaign={campaign} onChanged={setChanged} />
          <WorkButton key={campaign.updatedAt} campaignId={campaign.id} onJoined={() => onOpen(workspaceId)} />
        </Group>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="settings" data-testid="campaign-tab-settings">
            {t('campaigns.tab.settings')}
          </Tabs.Tab>
          <Tabs.Tab value="audience" data-testid="campaign-tab-audience">
            {t('campaigns.tab.audience')}
          </Tabs.Tab>
          <Tabs.Tab value="board" data-testid="campaign-tab-board">
            {t('campaigns.tab.board')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings">
          <CampaignEditor key={campaign.id} campaign={campaign} onSaved={setChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="audience">
          <AudiencePanel campaign={campaign} />
        </Tabs.Panel>
        <Tabs.Panel value="board">
          <LiveBoard campaign={campaign} onChanged={setChanged} />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}
