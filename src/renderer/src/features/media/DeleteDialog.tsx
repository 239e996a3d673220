import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsOf, type MediaInUse } from '../../../../shared/contract/errors';
import { CallError, invoke } from '../../api/client';
import { describeError } from './errors';

/** Confirms a delete; when presets use an entry, names them and offers "Delete anyway". */
export function DeleteDialog({ ids, onClose }: { ids: string[]; onClose(): void }) {
  const { t } = useTranslation('media');
  const [inUse, setInUse] = useState<MediaInUse[] | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = ids.length > 0;

  useEffect(() => {
    if (opened) setInUse(null);
  }, [opened]);

  const run = async (force: boolean) => {
    setBusy(true);
    try {
      const { deleted } = await invoke('media.delete', { ids, force });
      notifications.show({ color: 'green', message: t('delete.done', { count: deleted.length }) });
      onClose();
    } catch (error) {
      const conflict = error instanceof CallError ? detailsOf(error.data, 'CONFLICT') : undefined;
      if (conflict && 'users' in conflict) {
        setInUse(conflict.users);
      } else {
        notifications.show({ color: 'red', message: describeError(t, error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('delete.title')}>
      <Stack>
        <Text>{t('delete.confirm', { count: ids.length })}</Text>
        {inUse ? (
          <Alert color="orange" data-testid="delete-in-use">
            <Text size="sm">{t('delete.inUse')}</Text>
            <List size="sm">
              {inUse.map((user) => (
                <List.Item key={user.mediaId}>
                  {t('delete.usedBy', { name: user.name, presets: user.presets.map((preset) => preset.name).join(', ') })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => run(inUse !== null)}>
            {inUse ? t('actions.deleteAnyway') : t('actions.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
