import { Button, FileButton, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShowSummary } from '../../../../shared/shows/show-schema';
import { invoke } from '../../api/client';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { ShowDetail } from './ShowDetail';
import { ShowRow } from './ShowRow';
import { act, announceImport, download } from './show-actions';
import { useShowSelection, useShowsStore } from './shows-store';

/** A file's name without its extension: the name a CSV run-sheet's show gets. */
const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '').trim() || 'Show';

/** Shows: the list (new, duplicate, delete, import, export) and the open show's sheet, pre-flight and run. */
export function ShowsScreen() {
  const { t } = useTranslation('shows');
  const shows = useShowsStore((state) => state.shows);
  const run = useShowsStore((state) => state.run);
  const error = useShowsStore((state) => state.error);
  const load = useShowsStore((state) => state.load);
  const selectedId = useShowSelection((state) => state.selectedId);
  const select = useShowSelection((state) => state.select);

  useEffect(() => {
    void load();
  }, [load]);
  // The armed show opens by itself when nothing else is open.
  useEffect(() => {
    if (selectedId === null && run && run.state !== 'ended') select(run.showId);
  }, [selectedId, run, select]);

  const remove = (show: ShowSummary) => {
    if (!window.confirm(t('confirmDelete', { name: show.name }))) return;
    void act(t, async () => {
      await invoke('shows.remove', { id: show.id });
      if (selectedId === show.id) select(null);
      notifications.show({ message: t('deleted', { name: show.name }) });
    });
  };

  const importFile = (file: File | null) => {
    if (!file) return;
    const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
    void act(t, async () => {
      const text = await file.text();
      const report = csv
        ? await invoke('shows.importCsv', { csv: text, name: baseName(file.name) })
        : await invoke('shows.importJson', { json: text });
      announceImport(t, report, csv);
      const first = report.imported[0];
      if (first) select(first.id);
    });
  };

  const exportJson = (ids?: string[]) =>
    void act(t, async () => {
      const { json, count } = await invoke('shows.exportJson', ids ? { ids } : {});
      download(json, 'ingest-desk-shows.json', 'application/json');
      notifications.show({ message: t('exported', { count }) });
    });

  const exportCsv = (id: string) =>
    void act(t, async () => {
      const { csv, fileName } = await invoke('shows.exportCsv', { id });
      download(csv, fileName, 'text/csv');
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group>
          <FileButton onChange={importFile} accept="application/json,.json,text/csv,.csv">
            {(props) => (
              <Button variant="default" {...props} data-testid="show-import">
                {t('actions.import')}
              </Button>
            )}
          </FileButton>
          <Button variant="default" onClick={() => exportJson()} disabled={!shows?.length}>
            {t('actions.exportAll')}
          </Button>
          <Button onClick={() => select('new')}>{t('actions.new')}</Button>
        </Group>
      </Group>
      {error ? <ListFailed what={t('title')} message={error.message} onRetry={() => void load()} /> : null}
      {shows === null && !error ? <ListLoading what={t('title')} /> : null}
      {shows?.length === 0 && selectedId !== 'new' ? (
        <EmptyList
          text={t('empty')}
          action={
            <Button variant="default" onClick={() => select('new')}>
              {t('createFirst')}
            </Button>
          }
        />
      ) : null}
      {shows && (shows.length > 0 || selectedId === 'new') ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Stack gap="xs" component="section" aria-label={t('listLabel')}>
              {shows.map((show) => (
                <ShowRow
                  key={show.id}
                  show={show}
                  selected={selectedId === show.id}
                  run={run}
                  onOpen={() => select(show.id)}
                  onDuplicate={() => void act(t, async () => select((await invoke('shows.duplicate', { id: show.id })).id))}
                  onDelete={() => remove(show)}
                  onExportJson={() => exportJson([show.id])}
                  onExportCsv={() => exportCsv(show.id)}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            {selectedId ? (
              <ShowDetail key={selectedId} id={selectedId === 'new' ? null : selectedId} />
            ) : (
              <Text c="dimmed">{t('noneSelected')}</Text>
            )}
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
