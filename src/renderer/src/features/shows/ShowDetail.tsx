import { Tabs } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { errorData, invoke } from '../../api/client';
import { ListFailed, ListLoading } from '../../app/ListStates';

import { PreflightPanel } from './PreflightPanel';
import { RunView } from './RunView';
import { SheetEditor } from './SheetEditor';
import { useShowSelection, useShowsStore } from './shows-store';

type Tab = 'sheet' | 'preflight' | 'run';

/** One show: its run-sheet, its pre-flight (and arming), and its run. `id` null: a new show, not saved yet. */
export function ShowDetail({ id }: { id: string | null }) {
  const { t } = useTranslation('shows');
  const select = useShowSelection((state) => state.select);
  const run = useShowsStore((state) => state.run);
  const revision = useShowsStore((state) => state.shows?.find((show) => show.id === id)?.revision);
  const [show, setShow] = useState<StoredShow | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const running = run !== null && run.showId === id && run.state !== 'ended';
  const [tab, setTab] = useState<Tab>(running ? 'run' : 'sheet');

  // The stored show, again whenever its revision moves (a save here, or in another window).
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision and attempt are not read; a new revision or a retry fetches again
  useEffect(() => {
    if (id === null) return;
    let live = true;
    invoke('shows.get', { id }).then(
      (stored) => {
        if (!live) return;
        setShow(stored);
        setFailed(null);
      },
      (error: unknown) => {
        if (live) setFailed(errorData(error).message);
      },
    );
    return () => {
      live = false;
    };
  }, [id, revision, attempt]);
  // Arming moves to the run view.
  useEffect(() => {
    if (running) setTab('run');
  }, [running]);

  if (id === null) return <SheetEditor show={null} onSaved={(saved) => select(saved.id)} />;
  if (failed) return <ListFailed what={t('title')} message={failed} onRetry={() => setAttempt((value) => value + 1)} />;
  if (!show) return <ListLoading what={t('title')} />;
  return (
    <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'sheet')} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="sheet">{t('tabs.sheet')}</Tabs.Tab>
        <Tabs.Tab value="preflight">{t('tabs.preflight')}</Tabs.Tab>
        <Tabs.Tab value="run">{t('tabs.run')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="sheet" pt="md">
        <SheetEditor show={show} onSaved={setShow} />
      </Tabs.Panel>
      <Tabs.Panel value="preflight" pt="md">
        <PreflightPanel show={show} />
      </Tabs.Panel>
      <Tabs.Panel value="run" pt="md">
        <RunView show={show} />
      </Tabs.Panel>
    </Tabs>
  );
}
