import type { LiveTask, tempoValues } from '../../../../shared/contract/tasks';
import { invoke } from '../../api/client';
import { optimistic } from './tasks-store';

type Tempo = (typeof tempoValues)[number];

/**
 * The board's controls, each shown at once and rolled back if main refuses (`optimistic`); a refusal
 * is thrown for the control to tell. Components call these; tests drive them over a fake transport.
 */
export const taskActions = {
  togglePause: (task: LiveTask) =>
    task.paused
      ? optimistic(task.id, { paused: false, pausedSince: null }, () => invoke('tasks.resume', { id: task.id }))
      : optimistic(task.id, { paused: true, pausedSince: Date.now() }, () => invoke('tasks.pause', { id: task.id })),
  setVolume: (task: LiveTask, volume: number) => optimistic(task.id, { volume }, () => invoke('tasks.setVolume', { id: task.id, volume })),
  setTempo: (task: LiveTask, tempo: Tempo) => optimistic(task.id, { tempo }, () => invoke('tasks.setTempo', { id: task.id, tempo })),
  setProgress: (task: LiveTask, enabled: boolean) =>
    optimistic(task.id, { enableProgress: enabled }, () => invoke('tasks.setProgress', { id: task.id, enabled })),
  switchToUrl: (task: LiveTask, url: string) =>
    optimistic(task.id, { streamUrl: url }, () => invoke('tasks.switchSource', { id: task.id, source: { kind: 'url', url } })),
  switchToEntry: (task: LiveTask, entryId: string, url: string) =>
    optimistic(task.id, { streamUrl: url }, () => invoke('tasks.switchSource', { id: task.id, source: { kind: 'entry', entryId } })),
  scheduleStop: (task: LiveTask, afterMinutes: number) =>
    optimistic(task.id, { scheduledStopAt: Date.now() + afterMinutes * 60_000 }, () =>
      invoke('tasks.scheduleStop', { id: task.id, afterMinutes }),
    ),
  cancelScheduledStop: (task: LiveTask) =>
    optimistic(task.id, { scheduledStopAt: null }, () => invoke('tasks.cancelScheduledStop', { id: task.id })),
};
