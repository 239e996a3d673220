import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveTask } from '../../../../shared/contract/tasks';
import { useAccountsStore } from '../accounts/accounts-store';

/**
 * Where the task lives (the region of its Start), and a note when its profile has been moved to
 * another region or site since the launch: every call about this task still goes where it was started.
 */
export function TaskPlace({ task }: { task: LiveTask }) {
  const { t } = useTranslation('tasks');
  const profile = useAccountsStore((state) => state.overview?.profiles.find((candidate) => candidate.id === task.profileId));
  const region = task.region ?? profile?.region;
  if (!region) return null;
  // A preset may launch outside its profile's region on purpose: only an edit of the profile after
  // the launch is worth a note (a producer might think the task followed it).
  const moved =
    profile !== undefined &&
    Date.parse(profile.updatedAt) > task.startedAt &&
    (profile.region !== region || (task.site !== undefined && profile.site !== task.site));
  return (
    <>
      <Text size="sm" data-testid="task-region">
        {t('region', { region })}
      </Text>
      {moved ? (
        <Text size="xs" c="orange" data-testid="task-region-moved">
          {t('regionMoved', { profile: profile.name, now: profile.region, region })}
        </Text>
      ) : null}
    </>
  );
}
