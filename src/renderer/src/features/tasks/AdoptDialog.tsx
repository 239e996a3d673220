import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsOf } from '../../../../shared/contract/errors';
import { taskIdSchema } from '../../../../shared/trtc/requests';
import { sites } from '../../../../shared/trtc/sites';
import { errorData, invoke } from '../../api/client';
import { useAccountsStore } from '../accounts/accounts-store';

/**
 * Takes over a task started elsewhere by its TaskId and SdkAppId. The TaskId is checked with the rule
 * of every TaskId the app sends before anything leaves; the producer may say which profile to call
 * with and which region the task lives in (a TaskId exists only in the region it was started in).
 */
export function AdoptDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const profiles = useAccountsStore((state) => state.overview?.profiles ?? []);
  const apps = useAccountsStore((state) => state.overview?.apps ?? []);
  const [sdkAppId, setSdkAppId] = useState<number | string>('');
  const [taskId, setTaskId] = useState('');
  const [profileId, setProfileId] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [roomId, setRoomId] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The account: the one chosen, else the one the SdkAppId belongs to.
  const appProfileId = apps.find((app) => app.sdkAppId === Number(sdkAppId))?.profileId;
  const profile = profiles.find((candidate) => candidate.id === (profileId ?? appProfileId));
  const regions = profile ? [...sites[profile.site].regions] : [];
  const idCheck = taskId.trim() === '' ? null : taskIdSchema.safeParse(taskId.trim());
  const idProblem = idCheck && !idCheck.success ? t(idCheck.error.issues[0]?.message ?? 'requests:taskId.characters') : null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('tasks.adopt', {
        sdkAppId: Number(sdkAppId),
        taskId: taskId.trim(),
        ...(profileId ? { profileId } : {}),
        ...(region ? { region } : {}),
        ...(roomId.trim() ? { roomId: roomId.trim() } : {}),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      notifications.show({ color: 'green', message: t('adopt.done') });
      setTaskId('');
      onClose();
    } catch (failure) {
      const data = errorData(failure);
      const input = detailsOf(data, 'INVALID_INPUT');
      const issue = input && 'issues' in input ? input.issues[0]?.message : undefined;
      setError(
        data.code === 'NOT_FOUND' ? t('adopt.notFound') : issue && /^requests:/.test(issue) ? t(issue) : `${data.code}: ${data.message}`,
      );
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
          error={idProblem ?? error}
        />
        <Select
          label={t('adopt.profile')}
          placeholder={t('adopt.profileOfApp')}
          clearable
          data={profiles.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={profileId}
          onChange={(value) => {
            setProfileId(value);
            setRegion(null);
          }}
        />
        <Select
          label={t('adopt.region')}
          placeholder={profile ? t('adopt.regionOfProfile', { region: profile.region }) : undefined}
          clearable
          data={regions}
          value={region}
          onChange={setRegion}
        />
        <TextInput label={t('adopt.roomId')} value={roomId} onChange={(event) => setRoomId(event.currentTarget.value)} />
        <TextInput label={t('adopt.label')} value={label} onChange={(event) => setLabel(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={busy} disabled={taskId.trim() === '' || sdkAppId === '' || idProblem !== null} onClick={() => void submit()}>
            {t('adopt.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
