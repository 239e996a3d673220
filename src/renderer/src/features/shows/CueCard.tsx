import { Alert, Card, Group, List, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PreflightProblem } from '../../../../shared/shows/preflight';
import { actionKinds, type Cue, type CueActionKind, type CueTrigger, triggerKinds } from '../../../../shared/shows/show-schema';
import { tempoValues } from '../../../../shared/trtc/requests';
import { iconButton } from '../../app/icon-button';
import { SheetChecks } from './SheetChecks';
import { actionOfKind, isoOfLocalInput, localInputOf, triggerOfKind } from './sheet-model';

export interface CueCardProps {
  cue: Cue;
  index: number;
  count: number;
  taskNames: string[];
  mediaOptions: { value: string; label: string }[];
  plannedStart: string | undefined;
  /** Problems of this cue (message keys), and a field's own by its path inside the cue ("trigger.seconds"). */
  problems: string[];
  /** What pre-flight will say about this cue from the sheet alone. */
  checks: PreflightProblem[];
  fieldProblem(path: string): string | undefined;
  onChange(cue: Cue): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

const num = (value: string | number) => (typeof value === 'number' ? value : value === '' ? Number.NaN : Number(value));

/** One cue of the sheet: when it fires, what it does, and what the shared schema says is wrong with it. */
export function CueCard(props: CueCardProps) {
  const { cue, index, count, taskNames, mediaOptions, plannedStart, problems, checks, fieldProblem, onChange, onMove, onRemove } = props;
  const { t } = useTranslation('shows');
  const number = index + 1;
  const error = (path: string) => {
    const key = fieldProblem(path);
    return key ? t(key) : undefined;
  };
  const setTrigger = (trigger: CueTrigger) => onChange({ ...cue, trigger });
  const action = cue.action;
  const setAction = (next: Cue['action']) => onChange({ ...cue, action: next });
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-label={t('editor.cueLabel', { number })}
      data-testid="cue-card"
      data-invalid={problems.length > 0 || undefined}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{t('editor.cueLabel', { number })}</Text>
        <Group gap={2} wrap="nowrap">
          {iconButton(t('editor.moveUp', { number }), IconArrowUp, () => onMove(-1), index === 0)}
          {iconButton(t('editor.moveDown', { number }), IconArrowDown, () => onMove(1), index === count - 1)}
          {iconButton(t('editor.removeCue', { number }), IconTrash, onRemove)}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
        <TextInput
          label={t('editor.cueName')}
          value={cue.label ?? ''}
          onChange={(event) => onChange({ ...cue, label: event.currentTarget.value })}
          error={error('label')}
        />
        <Select
          label={t('editor.trigger')}
          data={triggerKinds.map((kind) => ({ value: kind, label: t(`editor.triggers.${kind}`) }))}
          value={cue.trigger.kind}
          allowDeselect={false}
          onChange={(kind) => kind && setTrigger(triggerOfKind(kind as CueTrigger['kind'], plannedStart, Date.now()))}
        />
        {cue.trigger.kind === 'at' ? (
          <TextInput
            type="datetime-local"
            step={1}
            label={t('editor.at')}
            value={localInputOf(cue.trigger.at)}
            onChange={(event) => setTrigger({ kind: 'at', at: isoOfLocalInput(event.currentTarget.value) ?? '' })}
            error={error('trigger.at')}
          />
        ) : cue.trigger.kind === 'offset' || cue.trigger.kind === 'after' ? (
          <NumberInput
            label={t('editor.seconds')}
            min={0}
            allowDecimal={false}
            clampBehavior="none"
            value={Number.isNaN(cue.trigger.seconds) ? '' : cue.trigger.seconds}
            onChange={(value) => setTrigger({ kind: cue.trigger.kind as 'offset', seconds: num(value) })}
            error={error('trigger.seconds')}
          />
        ) : (
          <div />
        )}
        <div />
        <Select
          label={t('editor.action')}
          data={actionKinds.map((kind) => ({ value: kind, label: t(`editor.actions.${kind}`) }))}
          value={action.kind}
          allowDeselect={false}
          onChange={(kind) => kind && setAction(actionOfKind(kind as CueActionKind, action, taskNames[0] ?? ''))}
        />
        {'task' in action ? (
          <Select
            label={t('editor.task')}
            data={[...new Set([...taskNames, ...(action.task ? [action.task] : [])])]}
            placeholder={taskNames.length === 0 ? t('editor.noTaskNames') : undefined}
            value={action.task || null}
            onChange={(task) => setAction({ ...action, task: task ?? '' })}
            error={error('action.task')}
          />
        ) : null}
        {action.kind === 'stopRoom' ? (
          <TextInput
            label={t('editor.room')}
            value={action.roomId}
            onChange={(event) => setAction({ ...action, roomId: event.currentTarget.value })}
            error={error('action.roomId')}
          />
        ) : null}
        {action.kind === 'volume' ? (
          <NumberInput
            label={t('editor.volume')}
            min={0}
            max={200}
            allowDecimal={false}
            // The shared schema says what is wrong, beside the cue, rather than the field silently changing it.
            clampBehavior="none"
            value={Number.isNaN(action.volume) ? '' : action.volume}
            onChange={(value) => setAction({ ...action, volume: num(value) })}
            error={error('action.volume')}
          />
        ) : null}
        {action.kind === 'tempo' ? (
          <Select
            label={t('editor.tempo')}
            data={tempoValues.map((value) => ({ value: String(value), label: `×${value}` }))}
            value={String(action.tempo)}
            allowDeselect={false}
            onChange={(value) => value && setAction({ ...action, tempo: Number(value) })}
          />
        ) : null}
        {action.kind === 'switchSource' ? (
          <>
            <Select
              label={t('editor.sourceKind')}
              data={(['url', 'entry'] as const).map((kind) => ({ value: kind, label: t(`editor.sourceKinds.${kind}`) }))}
              value={action.source.kind}
              allowDeselect={false}
              onChange={(kind) =>
                kind &&
                setAction({
                  ...action,
                  source: kind === 'url' ? { kind: 'url', url: '' } : { kind: 'entry', entryId: mediaOptions[0]?.value ?? '' },
                })
              }
            />
            {action.source.kind === 'url' ? (
              <TextInput
                label={t('editor.url')}
                value={action.source.url}
                onChange={(event) => setAction({ ...action, source: { kind: 'url', url: event.currentTarget.value } })}
                error={error('action.source.url')}
              />
            ) : (
              <Select
                label={t('editor.entry')}
                data={mediaOptions}
                searchable
                value={action.source.entryId || null}
                onChange={(entryId) => setAction({ ...action, source: { kind: 'entry', entryId: entryId ?? '' } })}
                error={error('action.source.entryId')}
              />
            )}
          </>
        ) : null}
      </SimpleGrid>
      {problems.length > 0 ? (
        <Alert color="red" mt="xs" p="xs" title={t('editor.problems')} data-testid="cue-problems">
          <List size="sm">
            {problems.map((problem) => (
              <List.Item key={problem}>{t(problem)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <SheetChecks problems={checks} />
    </Card>
  );
}
