import { Badge, Box, Button, Collapse, Group, Menu, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useViewportSize } from '@mantine/hooks';
import { IconDownload, IconFilter, IconSearch, IconUpload } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListItem, Segment, SegmentDefinition } from '#contract';
import { act, jobFinished } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { downloadFile } from '#renderer/api/files';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatCompactDate, formatDateTime, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { NamePrompt } from '#renderer/ui/NamePrompt';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useErrorText } from '#renderer/ui/useErrorText';
import { VirtualTable, type PageRequest, type VirtualColumn } from '#renderer/ui/VirtualTable';
import { ContactCardDrawer } from './ContactCardDrawer';
import { ContactForm } from './ContactForm';
import { DuplicatesModal } from './DuplicatesModal';
import { ImportWizard } from './ImportWizard';
import { PhoneReviewDrawer } from './PhoneReviewDrawer';
import { SegmentBuilder } from './SegmentBuilder';

export interface ContactsScreenProps {
  openId: string | null;
  onOpen: (id: string | null) => void;
}

type Sort = 'name' | 'updated' | 'created';
type Dialog = 'new' | 'import' | 'duplicates' | 'review' | null;

/** Every client person: search, segments, a list of any length, import and export, duplicates. */
export function ContactsScreen({ openId, onOpen }: ContactsScreenProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const { height } = useViewportSize();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [sortBy, setSortBy] = useState<Sort>('name');
  const [filtering, setFiltering] = useState(false);
  const [filter, setFilter] = useState<SegmentDefinition>({ conditions: [] });
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [version, setVersion] = useState(0);
  const segments = useQuery('segments.list', {});
  // A segment just saved is an option at once, before the list comes back from main with it.
  const [savedSegment, setSavedSegment] = useState<Segment | null>(null);
  const segmentOptions = savedSegment && !segments.data?.some((s) => s.id === savedSegment.id) ? [...(segments.data ?? []), savedSegment] : (segments.data ?? []);
  const request = { search: debounced, sortBy, sortDir: sortBy === 'name' ? ('asc' as const) : ('desc' as const), ...(filter.conditions.length > 0 ? { filter } : {}) };
  const head = useQuery('contacts.list', { ...request, limit: 1 });
  const requestJson = JSON.stringify(request);
  const listKey = `${requestJson}#${version}`;
  const loadPage = useCallback(
    async (page: PageRequest) => {
      const result = await bridge.invoke('contacts.list', { ...(JSON.parse(requestJson) as typeof request), ...page });
      // A failed page is shown as such in the table (with a retry), never as an empty stretch of the list.
      if (!result.ok) throw new Error(errorText(result.error));
      return result.value.rows;
    },
    // version is in the list key; a change of it drops the table's cache and fetches again.
    [bridge, errorText, requestJson],
  );
  const toReview = useQuery('phones.review', { limit: 1 });
  const changed = () => {
    setVersion((v) => v + 1);
    head.reload();
    // Imports, edits and merges change which numbers wait for review.
    toReview.reload();
  };

  const exportAs = async (format: 'csv' | 'xlsx' | 'vcard') => {
    const started = await act(bridge, 'exports.start', { format, ...(filter.conditions.length > 0 ? { filter } : {}) }, errorText);
    if (started && (await jobFinished(bridge, started.jobId)) === 'done') await downloadFile(bridge, started.fileId);
  };
  const [namingSegment, setNamingSegment] = useState(false);
  const saveSegment = async (name: string) => {
    setNamingSegment(false);
    const saved = await act(bridge, 'segments.save', { ...(segmentId ? { id: segmentId } : {}), name, definition: filter }, errorText);
    if (saved) {
      setSavedSegment(saved);
      setSegmentId(saved.id);
      segments.reload();
    }
  };

  const columns: VirtualColumn<ContactListItem>[] = [
    // Names, companies and e-mails share what is left and may end in an ellipsis (whole on hover); numbers, people and dates always fit.
    { key: 'name', header: t('contacts.name'), width: '1.4fr', fullText: (row) => row.fullName, cell: (row) => <Text component="span" fw={500} size="sm">{row.fullName}</Text> },
    { key: 'company', header: t('contacts.company'), width: '1.1fr', fullText: (row) => row.companyName ?? '', cell: (row) => row.companyName ?? t('common.unknown') },
    { key: 'phone', header: t('contacts.phone'), width: 180, cell: (row) => <Text component="span" ff="monospace" size="sm">{row.phone ?? t('common.unknown')}</Text> },
    { key: 'email', header: t('contacts.email'), width: '1.2fr', fullText: (row) => row.email ?? '', cell: (row) => row.email ?? t('common.unknown') },
    { key: 'responsible', header: t('contacts.responsible'), width: 160, fullText: (row) => row.responsibleName ?? '', cell: (row) => row.responsibleName ?? t('common.unknown') },
    { key: 'updated', header: t('contacts.updated'), width: 110, cell: (row) => <span title={formatDateTime(locale, row.updatedAt)}>{formatCompactDate(locale, row.updatedAt)}</span> },
  ];
  const total = head.data?.total ?? 0;

  return (
    <Box>
      <ScreenTitle
        actions={
          <Group>
            <Text c="dimmed" data-testid="contacts-total">
              {head.data?.unsearchable ? t('contacts.nothingToSearch') : head.data?.truncated ? t('contacts.truncated', { count: formatNumber(locale, total) }) : t('contacts.total', { count: formatNumber(locale, total) })}
            </Text>
            <Button onClick={() => setDialog('new')} data-testid="contacts-new">
              {t('contacts.new')}
            </Button>
            <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setDialog('import')} data-testid="contacts-import">
              {t('contacts.import')}
            </Button>
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />}>
                  {t('contacts.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void exportAs('csv')}>CSV</Menu.Item>
                <Menu.Item onClick={() => void exportAs('xlsx')}>Excel (XLSX)</Menu.Item>
                <Menu.Item onClick={() => void exportAs('vcard')}>vCard</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button variant="subtle" onClick={() => setDialog('duplicates')}>
              {t('contacts.duplicates')}
            </Button>
            {(toReview.data?.total ?? 0) > 0 && (
              <Button variant="light" color="orange" onClick={() => setDialog('review')} data-testid="phones-to-review">
                {t('phoneReview.button', { count: toReview.data?.total ?? 0 })}
              </Button>
            )}
          </Group>
        }
      >
        {t('contacts.title')}
      </ScreenTitle>
      <Group mb="sm" justify="space-between">
        <Group>
          <TextInput w={360} leftSection={<IconSearch size={16} />} placeholder={t('contacts.search')} aria-label={t('contacts.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="contacts-search" />
          <Button variant={filtering || filter.conditions.length > 0 ? 'light' : 'subtle'} leftSection={<IconFilter size={16} />} onClick={() => setFiltering((f) => !f)} rightSection={filter.conditions.length > 0 ? <Badge size="xs">{filter.conditions.length}</Badge> : null}>
            {t('segments.filter')}
          </Button>
          <Select
            w={240}
            placeholder={t('segments.saved')}
            data={segmentOptions.map((s) => ({ value: s.id, label: s.name }))}
            value={segmentId}
            onChange={(id) => {
              setSegmentId(id);
              setFilter(segmentOptions.find((s) => s.id === id)?.definition ?? { conditions: [] });
            }}
            clearable
            aria-label={t('segments.saved')}
          />
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('contacts.sortBy')}
          </Text>
          <SegmentedControl size="xs" value={sortBy} onChange={(v) => setSortBy(v)} data={[{ value: 'name', label: t('contacts.sortName') }, { value: 'updated', label: t('contacts.sortUpdated') }, { value: 'created', label: t('contacts.sortCreated') }]} />
        </Group>
      </Group>
      <Collapse expanded={filtering}>
        <Box mb="sm" p="sm" bg="var(--mantine-color-default-hover)" style={{ borderRadius: 8 }}>
          <SegmentBuilder value={filter} onChange={setFilter} />
          {filter.conditions.length > 0 && (
            <Button size="xs" mt="xs" variant="light" onClick={() => setNamingSegment(true)} data-testid="segment-save">
              {t('segments.save')}
            </Button>
          )}
          {namingSegment && (
            <NamePrompt
              title={t('segments.save')}
              label={t('segments.namePrompt')}
              initial={segmentOptions.find((s) => s.id === segmentId)?.name ?? ''}
              onCancel={() => setNamingSegment(false)}
              onSubmit={(name) => void saveSegment(name)}
              testId="segment-dialog"
            />
          )}
        </Box>
      </Collapse>
      {head.error && <ErrorNotice error={head.error} onRetry={head.reload} />}
      <VirtualTable
        columns={columns}
        total={total}
        loadPage={loadPage}
        listKey={listKey}
        rowKey={(row) => row.id}
        rowCursor={(row) => row.cursor}
        onOpen={(row) => onOpen(row.id)}
        height={Math.max(300, height - 260)}
        empty={<Text c="dimmed" ta="center">{debounced || filter.conditions.length > 0 ? t('contacts.noMatches', { search: debounced }) : t('contacts.empty')}</Text>}
        testId="contacts-table"
      />
      <ContactCardDrawer
        id={openId}
        onClose={() => {
          onOpen(null);
          changed();
        }}
      />
      {dialog === 'new' && (
        <ContactForm
          contact={null}
          onClose={() => setDialog(null)}
          onSaved={(card) => {
            setDialog(null);
            changed();
            onOpen(card.id);
          }}
        />
      )}
      {dialog === 'import' && <ImportWizard onClose={() => setDialog(null)} onImported={changed} />}
      {dialog === 'duplicates' && <DuplicatesModal onClose={() => setDialog(null)} onMerged={changed} />}
      <PhoneReviewDrawer
        opened={dialog === 'review'}
        onClose={() => setDialog(null)}
        onResolved={changed}
      />
    </Box>
  );
}
