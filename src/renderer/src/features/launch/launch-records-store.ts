import type { TaskRecord } from '../../../../shared/contract/launch';
import { invoke } from '../../api/client';
import { createRemoteStore } from '../../api/remote-store';

/** The launch records (what was asked for and answered), newest first. */
export const useLaunchRecordsStore = createRemoteStore({
  initial: { tasks: null as TaskRecord[] | null },
  load: async () => ({ tasks: await invoke('launch.tasks', {}) }),
  events: {
    // Each launch is announced as pending, then settled: newest first, replacing the record it updates.
    'launch.taskChanged': (task, { tasks }) => {
      const known = tasks?.some((candidate) => candidate.id === task.id);
      return {
        tasks: known
          ? (tasks ?? []).map((candidate) => (candidate.id === task.id ? task : candidate))
          : [task, ...(tasks ?? []).filter((candidate) => candidate.id !== task.id)],
      };
    },
  },
});
