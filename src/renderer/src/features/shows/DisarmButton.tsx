import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { act } from './show-actions';
import { runCall } from './shows-store';

/** Ends the show, asking whether its tasks keep running (the default) or stop too. */
export function DisarmButton({ showId }: { showId: string }) {
  const { t } = useTranslation('shows');
  const [open, setOpen] = useState(false);
  const disarm = (stopTasks: boolean) => {
    setOpen(false);
    void act(t, () => runCall(() => invoke('shows.disarm', { id: showId, stopTasks })));
  };
  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpen(true)}>
        {t('run.disarm')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('run.disarmTitle')}>
        <Text size="sm">{t('run.disarmBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" data-autofocus onClick={() => setOpen(false)}>
            {t('common:actions.cancel')}
          </Button>
          <Button variant="default" onClick={() => disarm(false)}>
            {t('run.disarmKeep')}
          </Button>
          <Button color="red.9" onClick={() => disarm(true)}>
            {t('run.disarmStop')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
