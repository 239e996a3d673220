import { Alert, Button, Group, List, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsOf } from '../../../../shared/contract';
import { sheetProblems } from '../../../../shared/shows/sheet-checks';
import type { Cue, ShowTask, StoredShow } from '../../../../shared/shows/show-schema';
import { CallError, invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { usePresetsStore } from '../presets/presets-store';
import { CueCard } from './CueCard';
import { SheetChecks } from './SheetChecks';
import { checkSheet, cleanSheet, emptySheet, isoOfLocalInput, localInputOf, newCue, type SheetValues, sheetOf } from './sheet-model';
import { act } from './show-actions';
import { TasksFields } from './TasksFields';

/**
 * The run-sheet editor: the show's fields, its tasks and its cues, checked as you type by the shared
 * schema (each problem beside its cue or task). A save names the revision it edited: if the show was
 * saved elsewhere meanwhile, the producer chooses to load that version or save over it.
 */
export function SheetEditor({ show, onSaved }: { show: StoredShow | null; onSaved(show: StoredShow): void }) {
  const { t } = useTranslation('shows');
  const [values, setValues] = useState<SheetValues>(() => (show ? sheetOf(show) : emptySheet));
  const [base, setBase] = useState<StoredShow | null>(show);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<number | null>(null);
  // A save refused for problems says so beside the button (a notice would cover it) until they are fixed.
  const [refused, setRefused] = useState(false);
  const issues = useMemo(() => checkSheet(values), [values]);
  // Pre-flight's sheet checks, once the schema is satisfied (they read a well-formed sheet).
  const checks = useMemo(() => (issues.valid ? sheetProblems(cleanSheet(values)) : []), [issues, values]);
  const presets = usePresetsStore((state) => state.presets);
  const loadPresets = usePresetsStore((state) => state.load);
  const library = useCall('media.list', {}).data;
  const mediaOptions = useMemo(() => (library ?? []).map((entry) => ({ value: entry.id, label: entry.name || entry.url })), [library]);
  const presetOptions = useMemo(() => (presets ?? []).map((preset) => ({ value: preset.id, label: preset.name })), [presets]);

  useEffect(() => {
    if (presets === null) void loadPresets();
  }, [presets, loadPresets]);
  // A save elsewhere: with nothing changed here, follow it; with changes, the save will ask.
  useEffect(() => {
    if (show && !dirty && show.revision !== base?.revision) {
      setValues(sheetOf(show));
      setBase(show);
    }
  }, [show, dirty, base]);

  const change = useCallback((update: (current: SheetValues) => SheetValues) => {
    setValues(update);
    setDirty(true);
  }, []);
  const setCue = useCallback(
    (index: number, cue: Cue) => change((current) => ({ ...current, cues: current.cues.map((old, at) => (at === index ? cue : old)) })),
    [change],
  );
  const moveCue = (index: number, by: -1 | 1) =>
    change((current) => {
      const cues = [...current.cues];
      const [moved] = cues.splice(index, 1);
      if (moved) cues.splice(index + by, 0, moved);
      return { ...current, cues };
    });
  const setTask = (index: number, task: ShowTask) =>
    change((current) => ({ ...current, tasks: current.tasks.map((old, at) => (at === index ? task : old)) }));

  const save = async (overRevision?: number) => {
    if (!issues.valid) {
      setRefused(true);
      return;
    }
    setSaving(true);
    try {
      const revision = overRevision ?? base?.revision;
      const saved = await invoke('shows.save', { ...(base ? { id: base.id, revision } : {}), draft: cleanSheet(values) });
      setBase(saved);
      setDirty(false);
      setConflict(null);
      notifications.show({ color: 'green', message: t('editor.saved', { name: saved.name }) });
      onSaved(saved);
    } catch (error) {
      // Saved elsewhere since this editor's revision: main names the show; its revision now is asked for.
      const conflicting = base !== null && error instanceof CallError && detailsOf(error.data, 'CONFLICT') !== undefined;
      if (conflicting) await act(t, async () => setConflict((await invoke('shows.get', { id: base.id })).revision));
      else await act(t, () => Promise.reject(error));
    } finally {
      setSaving(false);
    }
  };

  const loadTheirs = () =>
    void act(t, async () => {
      if (!base) return;
      const theirs = await invoke('shows.get', { id: base.id });
      setValues(sheetOf(theirs));
      setBase(theirs);
      setDirty(false);
      setConflict(null);
    });

  // The value is read now: React runs the updater later, when the event's target is gone.
  const set = (key: 'name' | 'notes', value: string) => change((current) => ({ ...current, [key]: value }));
  const taskNames = values.tasks.map((task) => task.name).filter(Boolean);
  const number = (key: 'preflightLeadMinutes', value: string | number) =>
    change((current) => ({ ...current, [key]: typeof value === 'number' ? value : Number.NaN }));
  const showError = (path: string) => {
    const key = issues.byPath.get(path);
    return key ? t(key) : undefined;
  };
  return (
    <form
      aria-label={t('editor.label', { name: values.name || t('actions.new') })}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack>
        <Group align="flex-start" grow>
          <TextInput
            label={t('editor.name')}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={showError('name')}
          />
          <TextInput
            type="datetime-local"
            step={1}
            label={t('editor.plannedStart')}
            description={t('editor.plannedStartHint')}
            value={localInputOf(values.plannedStart)}
            onChange={(event) => {
              const plannedStart = isoOfLocalInput(event.currentTarget.value);
              change(({ plannedStart: _old, ...rest }) => (plannedStart ? { ...rest, plannedStart } : rest));
            }}
            error={showError('plannedStart')}
          />
          <NumberInput
            label={t('editor.lead')}
            description={t('editor.leadHint')}
            min={0}
            allowDecimal={false}
            value={Number.isNaN(values.preflightLeadMinutes) ? '' : values.preflightLeadMinutes}
            onChange={(value) => number('preflightLeadMinutes', value)}
            error={showError('preflightLeadMinutes')}
          />
        </Group>
        <TasksFields
          tasks={values.tasks}
          presetOptions={presetOptions}
          issues={issues}
          onChange={setTask}
          onAdd={() => change((c) => ({ ...c, tasks: [...c.tasks, { name: '', presetId: presetOptions[0]?.value ?? '' }] }))}
          onRemove={(index) => change((c) => ({ ...c, tasks: c.tasks.filter((_, at) => at !== index) }))}
        />
        <Stack gap="xs" component="section" aria-labelledby="show-cues-title">
          <Title order={3} size="h4" id="show-cues-title">
            {t('editor.cuesTitle')}
          </Title>
          {values.cues.length === 0 ? <Text size="sm">{t('editor.noCues')}</Text> : null}
          {values.cues.map((cue, index) => (
            <CueCard
              key={cue.id}
              cue={cue}
              index={index}
              count={values.cues.length}
              taskNames={taskNames}
              mediaOptions={mediaOptions}
              plannedStart={values.plannedStart}
              problems={issues.cues.get(index) ?? []}
              checks={checks.filter((problem) => problem.cueId === cue.id)}
              fieldProblem={(path) => issues.byPath.get(`cues.${index}.${path}`)}
              onChange={(next) => setCue(index, next)}
              onMove={(by) => moveCue(index, by)}
              onRemove={() => change((c) => ({ ...c, cues: c.cues.filter((_, at) => at !== index) }))}
            />
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => change((c) => ({ ...c, cues: [...c.cues, newCue(c, crypto.randomUUID())] }))}
            >
              {t('editor.addCue')}
            </Button>
          </Group>
        </Stack>
        <Textarea
          label={t('editor.notes')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          error={showError('notes')}
        />
        {issues.show.length > 0 ? (
          <Alert color="red" title={t('editor.showProblems')} data-testid="show-problems">
            <List size="sm">
              {issues.show.map((problem) => (
                <List.Item key={problem}>{t(problem)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <SheetChecks problems={checks.filter((problem) => problem.cueId === undefined)} />
        {conflict !== null ? (
          <Alert color="orange" title={t('editor.conflictTitle')} data-testid="show-conflict">
            <Text size="sm">{t('editor.conflict', { revision: conflict })}</Text>
            <Group mt="xs">
              <Button size="xs" variant="default" onClick={loadTheirs}>
                {t('editor.loadTheirs')}
              </Button>
              <Button size="xs" color="orange" onClick={() => void save(conflict)}>
                {t('editor.saveOver')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {refused && !issues.valid ? (
            <Text size="sm" c="red" role="alert">
              {t('editor.notValid')}
            </Text>
          ) : null}
          {dirty ? (
            <Text size="sm" c="dimmed" data-testid="show-unsaved">
              {t('editor.unsaved')}
            </Text>
          ) : null}
          <Button type="submit" loading={saving}>
            {t('editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
