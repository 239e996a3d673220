import type { BatchView, LiveTask, StartupCheck } from '../../../../shared/contract/tasks';
import { invoke } from '../../api/client';
import { createRemoteStore } from '../../api/remote-store';
import { whileActing } from './acting';

/** The board's live tasks (what each task is doing now) and batches; status comes from main's polls. */
export const useTasksStore = createRemoteStore({
  initial: {
    tasks: {} as Record<string, LiveTask>,
    batches: {} as Record<string, BatchView>,
    /** After a restart: the tasks still waiting for their first Describe of this run ("being checked"). */
    startupCheck: null as StartupCheck | null,
  },
  async load() {
    const [tasks, batches, startupCheck] = await Promise.all([
      invoke('tasks.list', {}),
      invoke('tasks.batches', {}),
      invoke('tasks.startupCheck', {}),
    ]);
    return {
      startupCheck,
      tasks: Object.fromEntries(tasks.map((task) => [task.id, task])),
      batches: Object.fromEntries(batches.map((batch) => [batch.id, batch])),
    };
  },
  events: {
    'tasks.changed': (task, { tasks }) => ({ tasks: { ...tasks, [task.id]: task } }),
    'tasks.removed': ({ id }, { tasks }) => {
      const { [id]: _gone, ...rest } = tasks;
      return { tasks: rest };
    },
    'tasks.batchProgress': (batch, { batches }) => ({ batches: { ...batches, [batch.id]: batch } }),
    'tasks.startupCheck': (startupCheck) => ({ startupCheck }),
  },
});

/**
 * Shows `intended` at once, runs `send`, and keeps what main answers; when the call fails the task
 * goes back to what it was and the error is thrown for the caller to show.
 */
export async function optimistic(id: string, intended: Partial<LiveTask>, send: () => Promise<LiveTask>): Promise<void> {
  const before = useTasksStore.getState().tasks[id];
  if (!before) return;
  const put = (task: LiveTask) => useTasksStore.setState((state) => ({ tasks: { ...state.tasks, [id]: task } }));
  put({ ...before, ...intended });
  try {
    put(await whileActing([id], send()));
  } catch (error) {
    // Roll back to the last state main told us about (an event may have arrived meanwhile).
    put(before);
    throw error;
  }
}

/** Whether this task is still waiting for its first answer since the app started. */
export function useBeingChecked(id: string): boolean {
  return useTasksStore((state) => state.startupCheck?.state === 'checking' && state.startupCheck.pending.includes(id));
}
