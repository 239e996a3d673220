import { create } from 'zustand';
import type { TaskRecord } from '../../../../shared/contract/launch';
import { invoke, subscribe } from '../../api/client';

interface TasksState {
  tasks: TaskRecord[] | null;
  error: string | null;
  load(): Promise<void>;
}

export const useTasksStore = create<TasksState>((set) => ({
  tasks: null,
  error: null,
  async load() {
    try {
      set({ tasks: await invoke('launch.tasks', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

// Each launch is announced as pending, then settled: newest first, replacing the record it updates.
subscribe('launch.taskChanged', (task) =>
  useTasksStore.setState((state) => {
    const others = (state.tasks ?? []).filter((candidate) => candidate.id !== task.id);
    const known = state.tasks?.some((candidate) => candidate.id === task.id);
    return { tasks: known ? (state.tasks ?? []).map((candidate) => (candidate.id === task.id ? task : candidate)) : [task, ...others] };
  }),
);
