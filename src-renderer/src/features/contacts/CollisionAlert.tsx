import { Alert, List } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';

export interface CollisionAlertProps {
  request: { contactId: string } | { companyId: string };
  version?: number;
}

/** "A colleague already works with this client": open deals, complaints and planned contacts of others. */
export function CollisionAlert({ request, version = 0 }: CollisionAlertProps) {
  const { t } = useTranslation();
  const collisions = useQuery('collisions.check', request);
  const reload = collisions.reload;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  if (!collisions.data || collisions.data.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconUsersGroup size={18} />} title={t('collisions.title')} data-testid="collisions">
      <List size="sm">
        {collisions.data.map((c) => (
          <List.Item key={c.id}>{t(`collisions.${c.kind}`, { who: c.employee?.name ?? t('collisions.nobody'), subject: c.subject })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
