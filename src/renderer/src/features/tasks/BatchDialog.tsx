import { Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchItem } from '../../../../shared/contract/tasks';
import { invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { errorData } from './tasks-store';

/** Rooms typed one per line (or separated by commas), blanks dropped. */
export function parseRooms(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((room) => room.trim())
    .filter((room) => room !== '');
}

/** Several presets, or the first preset into each of N rooms. */
export function BatchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const presets = useCall('presets.list', {});
  const [chosen, setChosen] = useState<string[]>([]);
  const [roomsText, setRoomsText] = useState('');
  const [busy, setBusy] = useState(false);
  const rooms = parseRooms(roomsText);
  const first = chosen[0];
  const items: BatchItem[] =
    rooms.length > 0 && first !== undefined
      ? rooms.map((roomId) => ({ presetId: first, roomId }))
      : chosen.map((presetId) => ({ presetId }));

  const submit = async () => {
    setBusy(true);
    try {
      await invoke('tasks.batchStart', { items });
      setChosen([]);
      setRoomsText('');
      onClose();
    } catch (error) {
      const data = errorData(error);
      notifications.show({ color: 'red', title: t('control.failed'), message: `${data.code}: ${data.message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('batch.title')} size="lg">
      <Stack>
        <MultiSelect
          label={t('batch.presets')}
          searchable
          value={chosen}
          onChange={setChosen}
          data={(presets.data ?? []).map((preset) => ({ value: preset.id, label: preset.name }))}
        />
        <Textarea
          label={t('batch.rooms')}
          autosize
          minRows={3}
          maxRows={10}
          value={roomsText}
          onChange={(event) => setRoomsText(event.currentTarget.value)}
        />
        <Text size="sm" c="dimmed">
          {t('batch.roomsHelp')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={busy} disabled={items.length === 0 || items.length > 200} onClick={() => void submit()}>
            {t('batch.submit', { count: items.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
