import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '#renderer/features/phone/PhoneProvider';

/** Telephony headsets over USB (WebHID): pick one once; its call, mute and flash buttons then work the phone. */
export function HeadsetSettings() {
  const { t } = useTranslation();
  const { headsets } = usePhone();
  const names = useSyncExternalStore(
    (listener) => headsets.onChange(listener),
    () => headsets.names.join('\n'),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const choose = async () => {
    setNotice(null);
    try {
      if (!(await headsets.choose())) setNotice(t('headset.notTelephony'));
    } catch (error) {
      // The chooser closed without a pick is not an error worth a word.
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) setNotice(String(error));
    }
  };

  return (
    <Card withBorder>
      <Title order={4}>{t('headset.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {headsets.supported ? t('headset.hint') : t('headset.unsupported')}
      </Text>
      {headsets.supported && (
        <Stack gap="xs">
          {names
            .split('\n')
            .filter(Boolean)
            .map((name) => (
              <Group key={name} justify="space-between">
                <Text>{name}</Text>
                <Button size="xs" variant="subtle" color="red" onClick={() => void headsets.forget(name)}>
                  {t('headset.forget')}
                </Button>
              </Group>
            ))}
          <Button size="xs" variant="default" w="fit-content" data-testid="headset-choose" onClick={() => void choose()}>
            {t('headset.choose')}
          </Button>
          {notice && (
            <Text size="sm" c="red">
              {notice}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
