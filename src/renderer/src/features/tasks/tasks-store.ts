import { create } from 'zustand';
import type { AppErrorData } from '../../../../shared/contract';
import type { BatchView, LiveTask, StartupCheck } from '../../../../shared/contract/tasks';
import { CallError, invoke, subscribe } from '../../api/client';

interface TasksState {
  tasks: Record<string, LiveTask>;
  batches: Record<string, BatchView>;
  /** After a restart: the tasks still waiting for their first Describe of this run ("being checked"). */
  startupCheck: StartupCheck | null;
  loaded: boolean;
  error: AppErrorData | null;
  load(): Promise<void>;
  /**
   * Shows `intended` at once, runs `send`, and keeps what main answers; when the call fails the task
   * goes back to what it was and the error is thrown for the caller to show.
   */
  optimistic(id: string, intended: Partial<LiveTask>, send: () => Promise<LiveTask>): Promise<void>;
}

export const useTasksStore = create<TasksState>((set, get) => ({
  tasks: {},
  batches: {},
  startupCheck: null,
  loaded: false,
  error: null,
  async load() {
    try {
      const [tasks, batches, startupCheck] = await Promise.all([
        invoke('tasks.list', {}),
        invoke('tasks.batches', {}),
        invoke('tasks.startupCheck', {}),
      ]);
      set({
        startupCheck,
        tasks: Object.fromEntries(tasks.map((task) => [task.id, task])),
        batches: Object.fromEntries(batches.map((batch) => [batch.id, batch])),
        loaded: true,
        error: null,
      });
    } catch (error) {
      set({ loaded: true, error: errorData(error) });
    }
  },
  async optimistic(id, intended, send) {
    const before = get().tasks[id];
    if (!before) return;
    set((state) => ({ tasks: { ...state.tasks, [id]: { ...before, ...intended } } }));
    try {
      const after = await whileActing([id], send());
      set((state) => ({ tasks: { ...state.tasks, [id]: after } }));
    } catch (error) {
      // Roll back to the last state main told us about (an event may have arrived meanwhile).
      set((state) => ({ tasks: { ...state.tasks, [id]: before } }));
      throw error;
    }
  },
}));

const acting = new Map<string, number>();
let actingOnAll = 0;

/**
 * Marks the tasks a call from this page is about while it runs, so a failure it causes (which also
 * arrives as a `tasks.changed` with the error) is told once, by the control that made it, and not
 * again by the task notifications. `'all'` stands for Stop all.
 */
export async function whileActing<T>(ids: string[] | 'all', work: Promise<T>): Promise<T> {
  if (ids === 'all') actingOnAll += 1;
  else for (const id of ids) acting.set(id, (acting.get(id) ?? 0) + 1);
  try {
    return await work;
  } finally {
    if (ids === 'all') actingOnAll -= 1;
    else
      for (const id of ids) {
        const left = (acting.get(id) ?? 1) - 1;
        if (left > 0) acting.set(id, left);
        else acting.delete(id);
      }
  }
}

/** Whether a call from this page about this task is on its way. */
export function isActing(id: string): boolean {
  return actingOnAll > 0 || acting.has(id);
}

export function errorData(error: unknown): AppErrorData {
  return error instanceof CallError ? error.data : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

// Status comes from main's polls: the page only listens.
subscribe('tasks.changed', (task) => useTasksStore.setState((state) => ({ tasks: { ...state.tasks, [task.id]: task } })));
subscribe('tasks.removed', ({ id }) =>
  useTasksStore.setState((state) => {
    const { [id]: _gone, ...rest } = state.tasks;
    return { tasks: rest };
  }),
);
subscribe('tasks.batchProgress', (batch) => useTasksStore.setState((state) => ({ batches: { ...state.batches, [batch.id]: batch } })));
subscribe('tasks.startupCheck', (startupCheck) => useTasksStore.setState({ startupCheck }));

/** Whether this task is still waiting for its first answer since the app started. */
export function useBeingChecked(id: string): boolean {
  return useTasksStore((state) => state.startupCheck?.state === 'checking' && state.startupCheck.pending.includes(id));
}
