import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ShowTask } from '../../../../shared/shows/show-schema';
import type { SheetIssues } from './sheet-model';

interface Props {
  tasks: ShowTask[];
  presetOptions: { value: string; label: string }[];
  issues: SheetIssues;
  onChange(index: number, task: ShowTask): void;
  onAdd(): void;
  onRemove(index: number): void;
}

/** The show's named tasks: each launches a preset, optionally into another room. */
export function TasksFields({ tasks, presetOptions, issues, onChange, onAdd, onRemove }: Props) {
  const { t } = useTranslation('shows');
  const error = (index: number, field: string) => {
    const key = issues.byPath.get(`tasks.${index}.${field}`);
    return key ? t(key) : undefined;
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="show-tasks-title">
      <Title order={3} size="h4" id="show-tasks-title">
        {t('editor.tasksTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('editor.tasksHelp')}
      </Text>
      {tasks.length === 0 ? <Text size="sm">{t('editor.noTasks')}</Text> : null}
      {tasks.map((task, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a task's name is what is being edited; its place is its identity here
        <Group key={index} align="flex-start" wrap="nowrap" data-testid="show-task">
          <TextInput
            label={t('editor.taskName')}
            value={task.name}
            onChange={(event) => onChange(index, { ...task, name: event.currentTarget.value })}
            error={error(index, 'name')}
            style={{ flex: 2 }}
          />
          <Select
            label={t('editor.taskPreset')}
            data={
              presetOptions.some((option) => option.value === task.presetId) || !task.presetId
                ? presetOptions
                : [...presetOptions, { value: task.presetId, label: task.presetId }]
            }
            searchable
            value={task.presetId || null}
            onChange={(presetId) => onChange(index, { ...task, presetId: presetId ?? '' })}
            error={error(index, 'presetId')}
            style={{ flex: 2 }}
          />
          <TextInput
            label={t('editor.taskRoom')}
            placeholder={t('editor.taskRoomHint')}
            value={task.roomId ?? ''}
            onChange={(event) => onChange(index, { ...task, roomId: event.currentTarget.value })}
            error={error(index, 'roomId')}
            style={{ flex: 1 }}
          />
          <Tooltip label={t('editor.removeTask', { name: task.name })}>
            <ActionIcon variant="subtle" mt={26} aria-label={t('editor.removeTask', { name: task.name })} onClick={() => onRemove(index)}>
              <IconTrash size={18} stroke={1.6} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onAdd}>
          {t('editor.addTask')}
        </Button>
      </Group>
    </Stack>
  );
}
