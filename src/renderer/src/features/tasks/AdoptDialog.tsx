import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { errorData } from './tasks-store';

/** Takes over a task started elsewhere by its TaskId and SdkAppId. */
export function AdoptDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const [sdkAppId, setSdkAppId] = useState<number | string>('');
  const [taskId, setTaskId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('tasks.adopt', {
        sdkAppId: Number(sdkAppId),
        taskId: taskId.trim(),
        ...(roomId.trim() ? { roomId: roomId.trim() } : {}),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      notifications.show({ color: 'green', message: t('adopt.done') });
      setTaskId('');
      onClose();
    } catch (failure) {
      const data = errorData(failure);
      setError(data.code === 'NOT_FOUND' ? t('adopt.notFound') : `${data.code}: ${data.message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('adopt.title')}>
      <Stack>
        <NumberInput label={t('adopt.sdkAppId')} required allowDecimal={false} min={1} value={sdkAppId} onChange={setSdkAppId} />
        <TextInput
          label={t('adopt.taskId')}
          required
          value={taskId}
          onChange={(event) => setTaskId(event.currentTarget.value)}
          error={error}
        />
        <TextInput label={t('adopt.roomId')} value={roomId} onChange={(event) => setRoomId(event.currentTarget.value)} />
        <TextInput label={t('adopt.label')} value={label} onChange={(event) => setLabel(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={busy} disabled={taskId.trim() === '' || sdkAppId === ''} onClick={() => void submit()}>
            {t('adopt.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
