import type { DomainHandlers } from '../rpc/handlers';
import type { TasksService } from './tasks-service';

export function createTasksHandlers(tasks: TasksService): DomainHandlers<'tasks'> {
  return {
    list: () => tasks.list(),
    refresh: ({ id }) => tasks.refresh(id),
    pause: ({ id }) => tasks.control.pause(id),
    resume: ({ id }) => tasks.control.resume(id),
    setVolume: ({ id, volume }) => tasks.control.setVolume(id, volume),
    setTempo: ({ id, tempo }) => tasks.control.setTempo(id, tempo),
    setProgress: ({ id, enabled }) => tasks.control.setProgress(id, enabled),
    switchSource: ({ id, source }) => tasks.control.switchSource(id, source),
    stop: ({ id }) => tasks.stop(id),
    stopRoom: ({ sdkAppId, roomId }) => tasks.control.stopRoom(sdkAppId, roomId),
    stopAll: () => tasks.control.stopAll(),
    scheduleStop: ({ id, afterMinutes, at }) =>
      tasks.scheduled.schedule(id, { ...(afterMinutes !== undefined ? { afterMinutes } : {}), ...(at !== undefined ? { at } : {}) }),
    cancelScheduledStop: ({ id }) => tasks.scheduled.cancel(id),
    adopt: (request) => tasks.adopt(request),
    forget: ({ id }) => tasks.forget(id),
    batchStart: ({ items, confirmLive }, { signal }) => tasks.batches.start(items, { signal, ...(confirmLive ? { confirmLive } : {}) }),
    batchCancel: ({ batchId }) => tasks.batches.cancel(batchId),
    batches: () => tasks.batches.list(),
    startupCheck: () => tasks.startupCheck(),
  };
}
