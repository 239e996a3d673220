import { Alert, Button, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsOf } from '../../../../shared/contract/errors';
import { type LiveTask, tempoValues } from '../../../../shared/contract/tasks';
import { checkStreamUrl } from '../../../../shared/media/url-rules';
import { derivedFacts } from '../../../../shared/tasks/derived-facts';
import { streamUrlMessageKey } from '../../../../shared/trtc/requests';
import { errorData, invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { whileActing } from './acting';
import { type FailureLike, failureAdvice } from './failure-advice';
import { taskActions } from './task-actions';
import { useTasksStore } from './tasks-store';

/**
 * Tells the user a control failed (the store has already rolled back): a failed TRTC call with the
 * error catalog's explanation and fix in the page's language, anything else with its own message.
 */
function useFailureNotice() {
  const { t, i18n } = useTranslation('tasks');
  return (failure: FailureLike & { message: string }) => {
    const advice = failureAdvice(failure, i18n.language);
    const inputKey = inputProblemKey(failure);
    const message = advice
      ? t('control.failedAdvice', { explanation: advice.explanation, fix: advice.fix, code: advice.code })
      : inputKey
        ? t(inputKey)
        : `${failure.code}: ${failure.message}`;
    notifications.show({ color: 'red', title: t('control.failed'), message });
  };
}

/** The i18n key main gave for refused input (its own check's, or the boundary's first issue). */
function inputProblemKey(failure: FailureLike): string | null {
  const details = detailsOf(failure, 'INVALID_INPUT');
  if (details && 'messageKey' in details) return details.messageKey;
  const first = details && 'issues' in details ? details.issues[0]?.message : undefined;
  return first !== undefined && /^[a-z]+:[\w.]+$/i.test(first) ? first : null;
}

export function TaskControls({ task }: { task: LiveTask }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const notify = useFailureNotice();
  const [volume, setVolume] = useState<number | string>(task.volume ?? 100);
  const [url, setUrl] = useState('');
  const [minutes, setMinutes] = useState<number | string>(30);
  const [stopping, setStopping] = useState(false);
  const run = (action: Promise<void>) => action.catch((error: unknown) => notify(errorData(error)));
  const now = Date.now();
  const facts = derivedFacts(task, now);
  // Start's StreamUrl rule, checked as the user types: a URL it refuses is never sent.
  const urlCheck = url.trim() === '' ? null : checkStreamUrl(url.trim());
  const urlProblem = urlCheck && !urlCheck.ok ? t(streamUrlMessageKey(urlCheck.problem)) : null;
  const name = task.label;

  const commitVolume = () => {
    const value = typeof volume === 'number' ? volume : Number(volume);
    if (!Number.isInteger(value) || value < 0 || value > 200 || value === task.volume) return;
    void run(taskActions.setVolume(task, value)).then(() => setVolume(useTasksStore.getState().tasks[task.id]?.volume ?? value));
  };

  return (
    <Stack gap="xs">
      {task.paused && facts.destroyedIfStillPausedAt !== null ? (
        <Alert color="yellow" data-testid="paused-warning">
          {t('paused.warning', { time: format.dayTime(facts.destroyedIfStillPausedAt) })}
        </Alert>
      ) : null}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Button
          size="xs"
          variant="light"
          aria-label={t(task.paused ? 'control.resumeOf' : 'control.pauseOf', { name })}
          onClick={() => void run(taskActions.togglePause(task))}
        >
          {t(task.paused ? 'control.resume' : 'control.pause')}
        </Button>
        <NumberInput
          size="xs"
          w={110}
          label={t('control.volume')}
          aria-label={t('control.volumeOf', { name })}
          min={0}
          max={200}
          clampBehavior="strict"
          allowDecimal={false}
          placeholder={t('unknownValue')}
          value={volume}
          onChange={setVolume}
          onBlur={commitVolume}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitVolume();
          }}
        />
        <Select
          size="xs"
          w={110}
          label={t('control.tempo')}
          aria-label={t('control.tempoOf', { name })}
          placeholder={t('unknownValue')}
          allowDeselect={false}
          value={task.tempo === null ? null : String(task.tempo)}
          data={tempoValues.map((value) => ({ value: String(value), label: `${value}×` }))}
          onChange={(value) => {
            if (value === null) return;
            void run(taskActions.setTempo(task, Number(value) as (typeof tempoValues)[number]));
          }}
        />
        <Switch
          label={t('control.progress')}
          aria-label={t('control.progressOf', { name })}
          checked={task.enableProgress === true}
          onChange={(event) => {
            void run(taskActions.setProgress(task, event.currentTarget.checked));
          }}
        />
        <Button
          size="xs"
          color="red"
          loading={stopping}
          aria-label={t('control.stopOf', { name })}
          onClick={async () => {
            setStopping(true);
            try {
              const result = await whileActing([task.id], invoke('tasks.stop', { id: task.id }));
              if (!result.stopped) notify(result.error ?? { code: 'INTERNAL', message: '' });
            } catch (error) {
              notify(errorData(error));
            } finally {
              setStopping(false);
            }
          }}
        >
          {t('control.stop')}
        </Button>
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          size="xs"
          w={320}
          label={t('control.newSource')}
          aria-label={t('control.newSourceOf', { name })}
          placeholder="https://…"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={urlProblem}
        />
        <Button
          size="xs"
          variant="default"
          disabled={url.trim() === '' || urlProblem !== null}
          aria-label={t('control.switchOf', { name })}
          onClick={() => {
            const next = url.trim();
            void run(taskActions.switchToUrl(task, next)).then(() => setUrl(''));
          }}
        >
          {t('control.switch')}
        </Button>
        <LibraryPicker name={name} onPick={(entryId, url) => void run(taskActions.switchToEntry(task, entryId, url))} />
        {task.scheduledStopAt === null ? (
          <>
            <NumberInput
              size="xs"
              w={120}
              label={t('schedule.minutes')}
              aria-label={t('schedule.minutesOf', { name })}
              min={1}
              max={10_080}
              allowDecimal={false}
              value={minutes}
              onChange={setMinutes}
            />
            <Button
              size="xs"
              variant="default"
              aria-label={t('schedule.setOf', { name })}
              onClick={() => {
                const afterMinutes = Number(minutes);
                if (!Number.isInteger(afterMinutes) || afterMinutes < 1) return;
                void run(taskActions.scheduleStop(task, afterMinutes));
              }}
            >
              {t('schedule.set')}
            </Button>
          </>
        ) : (
          <Group gap="xs">
            <Text size="sm" data-testid="scheduled-stop">
              {t('schedule.at', { time: format.dayTime(task.scheduledStopAt) })}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              aria-label={t('schedule.cancelOf', { name })}
              onClick={() => void run(taskActions.cancelScheduledStop(task))}
            >
              {t('schedule.cancel')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** Switches the source to a media library entry (the library is read when the list opens). */
function LibraryPicker({ name, onPick }: { name: string; onPick: (entryId: string, url: string) => void }) {
  const { t } = useTranslation('tasks');
  const [entries, setEntries] = useState<{ id: string; name: string; url: string }[] | null>(null);
  return (
    <Select
      size="xs"
      w={220}
      label={t('control.libraryEntry')}
      aria-label={t('control.libraryEntryOf', { name })}
      placeholder={t('control.libraryPlaceholder')}
      searchable
      value={null}
      onDropdownOpen={() => void invoke('media.list', {}).then(setEntries, () => setEntries([]))}
      data={(entries ?? []).map((entry) => ({ value: entry.id, label: entry.name || entry.url }))}
      onChange={(entryId) => {
        const entry = entries?.find((candidate) => candidate.id === entryId);
        if (entry) onPick(entry.id, entry.url);
      }}
    />
  );
}
