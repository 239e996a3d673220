import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../shared/contract/media';
import { invoke } from '../../api/client';
import { describeError } from './errors';
import { useMediaView } from './media-view-store';

/** Actions on the ticked entries: tag, untag, delete, select everything the search shows. */
export function BulkBar({ shown, onDelete }: { shown: MediaEntry[]; onDelete(ids: string[]): void }) {
  const { t } = useTranslation('media');
  const selected = useMediaView((state) => state.selected);
  const selectOnly = useMediaView((state) => state.selectOnly);
  const clearSelection = useMediaView((state) => state.clearSelection);
  const [tag, setTag] = useState('');

  const applyTag = async (mode: 'add' | 'remove') => {
    try {
      const { updated } = await invoke('media.tag', { ids: [...selected], [mode]: [tag] });
      notifications.show({ color: 'green', message: t('bulk.tagged', { count: updated }) });
      setTag('');
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(t, error) });
    }
  };

  return (
    <Paper withBorder p="xs" data-testid="bulk-bar">
      <Group gap="xs">
        <Button size="xs" variant="subtle" onClick={() => selectOnly(shown.map((entry) => entry.id))} disabled={shown.length === 0}>
          {t('actions.selectAll')}
        </Button>
        {selected.size > 0 ? (
          <>
            <Text size="sm" fw={500} role="status">
              {t('bulk.selected', { count: selected.size })}
            </Text>
            <Button size="xs" variant="subtle" onClick={clearSelection}>
              {t('actions.clearSelection')}
            </Button>
            <TextInput
              size="xs"
              aria-label={t('bulk.tagLabel')}
              placeholder={t('bulk.tagLabel')}
              value={tag}
              maxLength={40}
              onChange={(event) => setTag(event.currentTarget.value)}
            />
            <Button size="xs" variant="light" disabled={tag.trim() === ''} onClick={() => applyTag('add')}>
              {t('actions.addTag')}
            </Button>
            <Button size="xs" variant="light" disabled={tag.trim() === ''} onClick={() => applyTag('remove')}>
              {t('actions.removeTag')}
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => onDelete([...selected])}>
              {t('actions.delete')}
            </Button>
          </>
        ) : null}
      </Group>
    </Paper>
  );
}
