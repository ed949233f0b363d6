import { Alert, Badge, Box, Button, Card, Group, Kbd, Mark, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDocument } from '#contract';
import { useQuery } from '#renderer/api/client';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { RecordPicker } from '#renderer/ui/RecordPicker';
import { markMissing } from './merge-field-text';

export interface ScriptPreviewProps {
  /** The saved draft: main merges its texts. */
  document: ScriptDocument;
  unsaved: boolean;
}

interface Place {
  nodeId: string;
  /** Inside an objection handler: where the conversation goes back to. */
  returnTo: string | null;
}

/** Where the trail stands once an answer has ended the script. */
const theEnd: Place = { nodeId: '', returnTo: null };

/** Steps through the saved draft as the operator will, with a sample contact's values merged into the texts. */
export function ScriptPreview({ document, unsaved }: ScriptPreviewProps) {
  const { t } = useTranslation();
  const script = document.script;
  const [contact, setContact] = useState<{ id: string; name: string } | null>(null);
  const [trail, setTrail] = useState<Place[]>(() => (script ? [{ nodeId: script.start, returnTo: null }] : []));
  const place = trail.at(-1) ?? null;
  const finished = place === theEnd;
  const preview = useQuery('scripts.preview', { id: document.id, nodeId: place?.nodeId ?? '', contactId: contact?.id ?? null }, place !== null && !finished);
  if (!script) return null;

  const go = (next: Place) => setTrail((steps) => [...steps, next]);
  const answer = (answerId: string) => {
    if (!place) return;
    const chosen = script.nodes.find((n) => n.id === place.nodeId)?.answers.find((a) => a.id === answerId);
    if (chosen?.next) go({ nodeId: chosen.next, returnTo: place.returnTo });
    else if (place.returnTo) go({ nodeId: place.returnTo, returnTo: null });
    else go(theEnd);
  };
  const objections = script.nodes.filter((n) => n.kind === 'objection');
  const node = preview.data;

  return (
    <Stack gap="sm" maw={760} data-testid="script-preview">
      {unsaved && (
        <Alert color="yellow" py="xs">
          {t('scripts.previewUnsaved')}
        </Alert>
      )}
      <Group align="flex-end">
        <Box style={{ flex: 1 }}>
          <RecordPicker kind="contact" label={t('scripts.sampleContact')} placeholder={t('scripts.sampleContactHint')} value={contact?.id ?? null} valueLabel={contact?.name ?? null} onChange={(id, name) => setContact(id ? { id, name: name ?? id } : null)} testId="preview-contact" />
        </Box>
        <Button variant="default" leftSection={<IconPhoneCall size={16} />} onClick={() => setTrail([{ nodeId: script.start, returnTo: null }])} data-testid="preview-restart">
          {t('scripts.restart')}
        </Button>
        <Button variant="default" leftSection={<IconArrowBackUp size={16} />} disabled={trail.length < 2} onClick={() => setTrail((steps) => steps.slice(0, -1))} data-testid="preview-back">
          {t('scripts.back')}
        </Button>
      </Group>
      {preview.error && !finished && <ErrorNotice error={preview.error} onRetry={preview.reload} />}
      {finished ? (
        <Alert color="teal" data-testid="preview-finished">
          {t('scripts.previewFinished')}
        </Alert>
      ) : (
        node && (
          <Card withBorder padding="md" data-testid="preview-node">
            <Group gap="xs" mb="xs">
              <Badge variant="light">{t(`scripts.nodeKind.${node.kind}`)}</Badge>
              <Text fw={600}>{node.title}</Text>
              {place?.returnTo && (
                <Badge color="grape" variant="outline">
                  {t('scripts.returnsTo', { title: script.nodes.find((n) => n.id === place.returnTo)?.title ?? '' })}
                </Badge>
              )}
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-text">
              {markMissing(node.text, node.missing).map((piece, i) =>
                piece.missing ? (
                  <Mark key={i} color="red" title={t('scripts.missingField')} data-testid="preview-missing">
                    {piece.text}
                  </Mark>
                ) : (
                  <span key={i}>{piece.text}</span>
                ),
              )}
            </Text>
            {node.missing.length > 0 && (
              <Text size="xs" c="red" mt={4}>
                {t('scripts.missingFields', { count: node.missing.length, fields: node.missing.join(', ') })}
              </Text>
            )}
            <Group gap="xs" mt="sm">
              {node.disposition && (
                <Badge color={node.disposition.success ? 'teal' : 'orange'}>{t('scripts.setsDispositionTo', { label: node.disposition.label })}</Badge>
              )}
              {node.proposeCallback && <Badge color="blue">{t('scripts.proposeCallback')}</Badge>}
            </Group>
            <Group gap="xs" mt="md">
              {node.answers.map((a, i) => (
                <Button key={a.id} variant="light" onClick={() => answer(a.id)} leftSection={<Kbd size="xs">{i + 1}</Kbd>} data-testid="preview-answer">
                  {a.label}
                </Button>
              ))}
              {node.answers.length === 0 && (
                <Button variant="default" onClick={() => answer('')} data-testid="preview-answer">
                  {place?.returnTo ? t('scripts.returnBack') : t('scripts.endOfScript')}
                </Button>
              )}
            </Group>
          </Card>
        )
      )}
      {objections.length > 0 && !finished && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('scripts.objections')}
          </Text>
          {objections.map((o) => (
            <Button key={o.id} size="compact-sm" variant="outline" color="grape" disabled={place?.returnTo !== null || place?.nodeId === o.id} onClick={() => place && go({ nodeId: o.id, returnTo: place.nodeId })}>
              {o.title}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
