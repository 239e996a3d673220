import { Badge, Button, Card, Drawer, FileButton, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconCopy, IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetView } from '../../../../shared/contract/presets';
import { CallError, invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { iconButton } from '../../app/icon-button';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { TargetLine, useTarget } from '../../app/Target';
import { useLaunch } from '../launch/use-launch';
import { PresetForm } from './PresetForm';
import { groupPresets, type PresetGrouping, searchPresets } from './preset-list';
import { usePresetsStore } from './presets-store';

export function PresetsScreen() {
  const { t } = useTranslation('presets');
  const presets = usePresetsStore((state) => state.presets);
  const load = usePresetsStore((state) => state.load);
  const loadError = usePresetsStore((state) => state.error);
  const [query, setQuery] = useState('');
  const [grouping, setGrouping] = useState<PresetGrouping>('none');
  const [editing, setEditing] = useState<PresetView | 'new' | null>(null);
  const { launch, modal } = useLaunch();
  // Library entries by id, so a preset shows its entry's current name (a rename shows at once).
  const library = useCall('media.list', {}).data;
  const entryNames = useMemo(() => new Map((library ?? []).map((entry) => [entry.id, entry.name || entry.url])), [library]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => groupPresets(searchPresets(presets ?? [], query), grouping), [presets, query, grouping]);
  const order = presets?.map((preset) => preset.id) ?? [];

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      const data = error instanceof CallError ? error.data : null;
      notifications.show({ color: 'red', title: t(`common:errors.${data?.code ?? 'INTERNAL'}`), message: data?.message ?? String(error) });
    }
  };

  const move = (id: string, by: -1 | 1) => {
    const index = order.indexOf(id);
    const target = index + by;
    if (index < 0 || target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target] as string, next[index] as string];
    void act(() => invoke('presets.reorder', { ids: next }));
  };

  const remove = (preset: PresetView) => {
    if (!window.confirm(t('confirmDelete', { name: preset.name }))) return;
    void act(async () => {
      await invoke('presets.remove', { id: preset.id });
      notifications.show({ message: t('deleted', { name: preset.name }) });
    });
  };

  const exportAll = () =>
    void act(async () => {
      const { json, count } = await invoke('presets.exportJson', {});
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      link.download = 'ingest-desk-presets.json';
      link.click();
      URL.revokeObjectURL(link.href);
      notifications.show({ message: t('exported', { count }) });
    });

  const importFile = (file: File | null) => {
    if (!file) return;
    void act(async () => {
      const report = await invoke('presets.importJson', { json: await file.text() });
      notifications.show({ color: 'green', message: t('imported', { count: report.imported.length }) });
      for (const rejected of report.rejected) {
        const reasons = rejected.problems.map((problem) => `${problem.path ? `${problem.path}: ` : ''}${t(problem.message)}`).join('; ');
        notifications.show({
          color: 'orange',
          autoClose: false,
          message:
            rejected.index < 0
              ? t('importFileRejected', { reasons })
              : t('importRejected', { index: rejected.index + 1, name: rejected.name ?? '?', reasons }),
        });
      }
    });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group>
          <FileButton onChange={importFile} accept="application/json,.json">
            {(props) => (
              <Button variant="default" {...props}>
                {t('actions.import')}
              </Button>
            )}
          </FileButton>
          <Button variant="default" onClick={exportAll} disabled={!presets?.length}>
            {t('actions.export')}
          </Button>
          <Button onClick={() => setEditing('new')}>{t('actions.new')}</Button>
        </Group>
      </Group>
      <Group>
        <TextInput
          label={t('search')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: 1 }}
          type="search"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="group-by-label">
            {t('groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="group-by-label"
            value={grouping}
            onChange={(value) => setGrouping(value as PresetGrouping)}
            data={(['none', 'folder', 'tag'] as const).map((value) => ({ value, label: t(`groups.${value}`) }))}
          />
        </Stack>
      </Group>

      {loadError ? <ListFailed what={t('title')} message={loadError.message} onRetry={() => void load()} /> : null}
      {presets === null && !loadError ? <ListLoading what={t('title')} /> : null}
      {presets?.length === 0 ? (
        <EmptyList
          text={t('empty')}
          action={
            <Button variant="default" onClick={() => setEditing('new')}>
              {t('createFirst')}
            </Button>
          }
        />
      ) : null}
      {presets?.length && shown.length === 0 ? <Text>{t('noMatch')}</Text> : null}
      {shown.map((group) => (
        <Stack key={group.key} gap="xs" component="section" aria-label={group.label ?? t('title')}>
          {grouping !== 'none' ? (
            <Title order={3} size="h5">
              {group.label ?? t(grouping === 'folder' ? 'noFolder' : 'noTag')}
            </Title>
          ) : null}
          {group.presets.map((preset) => (
            <PresetRow
              key={`${group.key}:${preset.id}`}
              preset={preset}
              mediaLabel={
                preset.media.kind === 'url' ? preset.media.url : (entryNames.get(preset.media.entryId) ?? t('summary.entryMissing'))
              }
              canMove={grouping === 'none' && query === ''}
              first={order[0] === preset.id}
              last={order[order.length - 1] === preset.id}
              onEdit={() => setEditing(preset)}
              onDuplicate={() => void act(() => invoke('presets.duplicate', { id: preset.id }))}
              onDelete={() => remove(preset)}
              onMove={(by) => move(preset.id, by)}
              onLaunch={() => void launch({ kind: 'preset', presetId: preset.id })}
            />
          ))}
        </Stack>
      ))}

      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="xl"
        title={editing === 'new' ? t('form.titleNew') : t('form.titleEdit')}
        closeButtonProps={{ 'aria-label': t('actions.close') }}
      >
        {editing !== null ? (
          <PresetForm
            key={editing === 'new' ? 'new' : editing.id}
            preset={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Drawer>
      {modal}
    </Stack>
  );
}

interface RowProps {
  preset: PresetView;
  mediaLabel: string;
  canMove: boolean;
  first: boolean;
  last: boolean;
  onEdit(): void;
  onDuplicate(): void;
  onDelete(): void;
  onMove(by: -1 | 1): void;
  onLaunch(): void;
}

function PresetTarget({ sdkAppId, region }: { sdkAppId: number; region: string }) {
  return <TargetLine target={useTarget({ sdkAppId, region })} />;
}

function PresetRow({ preset, mediaLabel, canMove, first, last, onEdit, onDuplicate, onDelete, onMove, onLaunch }: RowProps) {
  const { t } = useTranslation('presets');
  const name = preset.name;
  return (
    <Card withBorder padding="sm" data-testid="preset-row" aria-label={name} component="article">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          <PresetTarget sdkAppId={preset.sdkAppId} region={preset.region} />
          <Text size="xs" c="dimmed" truncate>
            {t('summary.app', { sdkAppId: preset.sdkAppId, region: preset.region })} · {t('summary.room', { room: preset.roomId })} ·{' '}
            {preset.repeatNum === -1 ? t('summary.loop') : t('summary.repeats', { count: preset.repeatNum })}
          </Text>
          <Text size="xs" c="dimmed" truncate data-testid="preset-media">
            {mediaLabel}
          </Text>
          <Group gap={4}>
            {preset.folder ? (
              <Badge variant="outline" size="xs">
                {preset.folder}
              </Badge>
            ) : null}
            {preset.tags.map((tag) => (
              <Badge key={tag} variant="light" size="xs">
                {tag}
              </Badge>
            ))}
            {preset.userSig.mode === 'paste' && preset.secrets.userSig === false ? (
              <Badge color="orange" size="xs">
                {t('summary.pasteNeeded')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group gap={2} wrap="nowrap">
          {canMove ? iconButton(t('actions.moveUp', { name }), IconArrowUp, () => onMove(-1), first) : null}
          {canMove ? iconButton(t('actions.moveDown', { name }), IconArrowDown, () => onMove(1), last) : null}
          {iconButton(t('actions.edit', { name }), IconPencil, onEdit)}
          {iconButton(t('actions.duplicate', { name }), IconCopy, onDuplicate)}
          {iconButton(t('actions.delete', { name }), IconTrash, onDelete)}
          <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={onLaunch} aria-label={t('actions.launch', { name })}>
            {t('launch:launch')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
