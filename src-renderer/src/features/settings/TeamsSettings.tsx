import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee, Team } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

/** The teams operators work in (reports add their KPIs up by team): created, renamed, deleted, and who is in which. */
export function TeamsSettings() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const teams = useQuery('teams.list', {});
  const employees = useQuery('employees.list', {});
  const [name, setName] = useState('');
  const add = async () => {
    if (await act(bridge, 'teams.save', { name }, errorText)) {
      setName('');
      teams.reload();
    }
  };
  const remove = async (id: string) => {
    // Its members are left without a team by the same change.
    if (await act(bridge, 'teams.delete', { id }, errorText)) {
      teams.reload();
      employees.reload();
    }
  };
  const choose = async (employee: Employee, teamId: string | null) => {
    if (await act(bridge, 'employees.save', { id: employee.id, name: employee.name, extension: employee.extension, teamId }, errorText)) employees.reload();
  };
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  return (
    <Card withBorder data-testid="settings-teams">
      <Title order={4}>{t('teams.title')}</Title>
      <Stack gap={4} my="xs">
        {teams.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('teams.none')}
          </Text>
        )}
        {teams.data?.map((team) => (
          <TeamRow key={team.id} team={team} onRenamed={teams.reload} onDelete={() => void remove(team.id)} />
        ))}
      </Stack>
      <Group align="flex-end">
        <TextInput label={t('teams.newTeam')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="settings-team-name" />
        <Button variant="light" leftSection={<IconPlus size={14} />} disabled={!name.trim()} onClick={() => void add()} data-testid="settings-team-add">
          {t('common.add')}
        </Button>
      </Group>
      {teamOptions.length > 0 && (employees.data?.length ?? 0) > 0 && (
        <Stack gap={4} mt="md">
          <Text size="sm" fw={500}>
            {t('teams.members')}
          </Text>
          {employees.data?.map((employee) => (
            <Group key={employee.id} gap="xs">
              <Text size="sm" w={240}>
                {employee.extension ? `${employee.name} (${employee.extension})` : employee.name}
              </Text>
              <Select
                w={220}
                size="xs"
                data={teamOptions}
                value={employee.teamId}
                onChange={(teamId) => void choose(employee, teamId)}
                placeholder={t('teams.noTeam')}
                clearable
                aria-label={t('teams.teamOf', { name: employee.name })}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** A team's name, renamed in place (saved when the field is left or Enter pressed). */
function TeamRow({ team, onRenamed, onDelete }: { team: Team; onRenamed: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [name, setName] = useState(team.name);
  const rename = async () => {
    if (!name.trim() || name.trim() === team.name) return setName(team.name);
    if (await act(bridge, 'teams.save', { id: team.id, name }, errorText)) onRenamed();
  };
  return (
    <Group gap="xs">
      <TextInput
        w={240}
        size="xs"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={() => void rename()}
        onKeyDown={(e) => e.key === 'Enter' && void rename()}
        aria-label={t('teams.name')}
      />
      <ActionIcon size="sm" variant="subtle" color="red" onClick={onDelete} aria-label={t('teams.delete', { name: team.name })}>
        <IconTrash size={14} />
      </ActionIcon>
    </Group>
  );
}
