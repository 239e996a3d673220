import { Badge, Button, CloseButton, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LogAction, type LogFilter, type LogOutcome, logActions, logOutcomes } from '../../../../shared/contract/log';
import { useCall } from '../../api/use-call';
import { LaunchRecordNote } from './LaunchRecordNote';
import { createTypedPatches, toIso } from './log-filter';
import { useLogStore } from './log-store';

export function LogFilters() {
  const { t } = useTranslation('log');
  const filter = useLogStore((state) => state.filter);
  const setFilter = useLogStore((state) => state.setFilter);
  const replaceFilter = useLogStore((state) => state.replaceFilter);
  const facets = useCall('log.facets', {});
  // Text boxes keep their own value and apply it after a pause in typing.
  const [room, setRoom] = useState(filter.roomId ?? '');
  const [text, setText] = useState(filter.text ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [typed] = useState(() => createTypedPatches((patch) => useLogStore.getState().setFilter(patch)));
  const flushTyped = useDebouncedCallback(() => typed.flush(), 300);
  const applyText = (patch: Partial<LogFilter>) => {
    typed.add(patch);
    flushTyped();
  };

  const reset = () => {
    typed.clear();
    flushTyped.cancel();
    setRoom('');
    setText('');
    setFrom('');
    setTo('');
    replaceFilter({});
  };

  return (
    <>
      {/* Four a row at most: seven in one row cut the date fields and the search placeholder even at 1920 px. */}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" role="search" aria-label={t('filters.title')}>
        <Select
          label={t('filters.app')}
          placeholder={t('filters.anyApp')}
          clearable
          size="xs"
          value={filter.sdkAppId !== undefined ? String(filter.sdkAppId) : null}
          data={(facets.data?.sdkAppIds ?? []).map(String)}
          onDropdownOpen={facets.reload}
          onChange={(value) => setFilter({ sdkAppId: value ? Number(value) : undefined })}
        />
        <TextInput
          label={t('filters.room')}
          size="xs"
          value={room}
          onChange={(event) => {
            setRoom(event.currentTarget.value);
            applyText({ roomId: event.currentTarget.value.trim() || undefined });
          }}
        />
        <MultiSelect
          label={t('filters.action')}
          size="xs"
          value={filter.actions ?? []}
          data={logActions.map((value) => ({ value, label: t(`actions.${value}`) }))}
          onChange={(value) => setFilter({ actions: value as LogAction[] })}
        />
        <MultiSelect
          label={t('filters.outcome')}
          size="xs"
          value={filter.outcomes ?? []}
          data={logOutcomes.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
          onChange={(value) => setFilter({ outcomes: value as LogOutcome[] })}
        />
        <TextInput
          type="datetime-local"
          label={t('filters.from')}
          size="xs"
          value={from}
          onChange={(event) => {
            setFrom(event.currentTarget.value);
            setFilter({ from: toIso(event.currentTarget.value) });
          }}
        />
        <TextInput
          type="datetime-local"
          label={t('filters.to')}
          size="xs"
          value={to}
          onChange={(event) => {
            setTo(event.currentTarget.value);
            setFilter({ to: toIso(event.currentTarget.value) });
          }}
        />
        <TextInput
          label={t('filters.text')}
          placeholder={t('filters.textPlaceholder')}
          size="xs"
          maxLength={200}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            applyText({ text: event.currentTarget.value.trim() || undefined });
          }}
        />
      </SimpleGrid>
      <Group gap="xs">
        {filter.taskId ? (
          <Badge
            size="lg"
            variant="light"
            data-testid="task-history"
            // TaskIds are case-sensitive: the chip shows it as it is, not upper-cased like other badges.
            tt="none"
            rightSection={<CloseButton size="xs" aria-label={t('filters.clearTask')} onClick={() => setFilter({ taskId: undefined })} />}
          >
            {t('filters.taskHistory', { taskId: filter.taskId })}
          </Badge>
        ) : null}
        {filter.taskId ? <LaunchRecordNote taskId={filter.taskId} /> : null}
        {filter.callId ? (
          <Badge
            size="lg"
            variant="light"
            data-testid="call-filter"
            tt="none"
            rightSection={<CloseButton size="xs" aria-label={t('filters.clearCall')} onClick={() => setFilter({ callId: undefined })} />}
          >
            {t('filters.callHistory', { callId: filter.callId })}
          </Badge>
        ) : null}
        <Button variant="subtle" size="xs" onClick={reset}>
          {t('filters.reset')}
        </Button>
      </Group>
    </>
  );
}
