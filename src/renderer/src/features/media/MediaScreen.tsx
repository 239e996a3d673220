import { Alert, Box, Button, Group, Menu, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, MediaEntry } from '../../../../shared/contract/media';
import { type MediaSort, mediaSorts } from '../../../../shared/media/filter';
import { invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { BulkBar } from './BulkBar';
import { DeleteDialog } from './DeleteDialog';
import { DetailPanel } from './DetailPanel';
import { EntryForm } from './EntryForm';
import { describeError } from './errors';
import { ImportModal } from './ImportModal';
import { MediaList } from './MediaList';
import { useMediaStore } from './media-store';
import { useMediaView } from './media-view-store';
import { useFilteredEntries } from './use-filtered-entries';

export function MediaScreen() {
  const { t } = useTranslation('media');
  const load = useMediaStore((state) => state.load);
  const total = useMediaStore((state) => state.entries.length);
  const loaded = useMediaStore((state) => state.loaded);
  const selected = useMediaView((state) => state.selected);
  const [editing, setEditing] = useState<MediaEntry | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<string[]>([]);

  useEffect(() => {
    void load();
  }, [load]);

  const exportAs = async (format: ExportFormat) => {
    try {
      const file = await invoke('media.export', { format, ids: selected.size > 0 ? [...selected] : undefined });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(t, error) });
    }
  };

  return (
    <Stack
      h="calc(100vh - var(--app-shell-header-height, 0px) - var(--app-shell-footer-height, 0px) - 2 * var(--mantine-spacing-md))"
      gap="sm"
      data-testid="media-screen"
      data-loaded={loaded || undefined}
    >
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
            {t('actions.add')}
          </Button>
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            {t('actions.import')}
          </Button>
          <Menu>
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} disabled={total === 0}>
                {selected.size > 0 ? t('actions.exportSelected', { count: selected.size }) : t('actions.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['json', 'csv', 'm3u'] as const).map((format) => (
                <Menu.Item key={format} onClick={() => void exportAs(format)}>
                  {format.toUpperCase()}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <MediaStoreProblem />
      <SearchBar />
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <LibraryBody onDelete={setDeleting} onAdd={() => setEditing(null)} />
        <Box w={400} style={{ flexShrink: 0, minHeight: 0 }}>
          <CurrentDetail onEdit={setEditing} onDelete={setDeleting} />
        </Box>
      </Group>
      <EntryForm opened={editing !== undefined} entry={editing ?? null} onClose={() => setEditing(undefined)} />
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
      <DeleteDialog ids={deleting} onClose={() => setDeleting([])} />
    </Stack>
  );
}

/** A media.json that could not be read was kept aside at start-up: say so here, where it matters. */
function MediaStoreProblem() {
  const { t } = useTranslation('media');
  const problems = useCall('system.storeProblems', {});
  const problem = problems.data?.find((candidate) => candidate.store === 'media.json');
  if (!problem) return null;
  return (
    <Alert color="orange" data-testid="media-store-problem">
      {t('storeProblem', { message: problem.message, keptAs: problem.keptAs })}
    </Alert>
  );
}

/** The search box and sort: the only part of the toolbar a keystroke re-renders. */
function SearchBar() {
  const { t } = useTranslation('media');
  const query = useMediaView((state) => state.query);
  const setQuery = useMediaView((state) => state.setQuery);
  const sort = useMediaView((state) => state.sort);
  const setSort = useMediaView((state) => state.setSort);
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        style={{ flex: 1 }}
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        type="search"
        data-testid="media-search"
      />
      <Select
        w={180}
        label={t('sort.label')}
        value={sort}
        allowDeselect={false}
        onChange={(value) => value && setSort(value as MediaSort)}
        data={mediaSorts.map((value) => ({ value, label: t(`sort.${value}`) }))}
      />
    </Group>
  );
}

/** Count, bulk actions and the list: what follows the filter. */
const LibraryBody = memo(function LibraryBody({ onDelete, onAdd }: { onDelete(ids: string[]): void; onAdd(): void }) {
  const { t } = useTranslation('media');
  const total = useMediaStore((state) => state.entries.length);
  const loaded = useMediaStore((state) => state.loaded);
  const error = useMediaStore((state) => state.error);
  const load = useMediaStore((state) => state.load);
  const shown = useFilteredEntries();
  return (
    <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" data-testid="media-count">
          {t('count', { shown: shown.length, total })}
        </Text>
        <Text size="xs" c="dimmed" id="media-list-hint">
          {t('list.keyboardHint')}
        </Text>
      </Group>
      <BulkBar shown={shown} onDelete={onDelete} />
      <Box style={{ flex: 1, minHeight: 0, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, overflow: 'hidden' }}>
        {error ? (
          <Box p="md">
            <ListFailed what={t('title')} message={error.message} onRetry={() => void load()} />
          </Box>
        ) : !loaded ? (
          <Box p="md">
            <ListLoading what={t('title')} />
          </Box>
        ) : shown.length === 0 && total === 0 ? (
          <Box p="md">
            <EmptyList
              text={t('list.empty')}
              action={
                <Button size="xs" variant="default" onClick={onAdd}>
                  {t('list.addFirst')}
                </Button>
              }
            />
          </Box>
        ) : shown.length === 0 ? (
          <Text p="md" size="sm">
            {t('list.noMatch')}
          </Text>
        ) : (
          <MediaList entries={shown} onDelete={onDelete} />
        )}
      </Box>
    </Stack>
  );
});

const CurrentDetail = memo(function CurrentDetail(props: { onEdit(entry: MediaEntry): void; onDelete(ids: string[]): void }) {
  const currentId = useMediaView((state) => state.current);
  const current = useMediaStore((state) => (currentId ? state.entries.find((entry) => entry.id === currentId) : undefined));
  return <DetailPanel entry={current} {...props} />;
});
