import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import type { LiveTask } from '../../shared/contract/tasks';
import type { IngestClientSource } from './ingest-client';
import type { LiveTaskStore } from './live-task-store';
import type { Scheduler } from './scheduler';

export interface AdoptRequest {
  sdkAppId: number;
  taskId: string;
  /** The account to call with; found from the SdkAppId when absent. */
  profileId?: string;
  /** The region the task lives in; the profile's region when absent. */
  region?: string;
  roomId?: string;
  label?: string;
}

export interface AdoptOptions {
  store: LiveTaskStore;
  clients: IngestClientSource;
  scheduler: Scheduler;
  profileOfApp: (sdkAppId: number) => Promise<string>;
  newId?: () => string;
}

/**
 * Takes over a task started elsewhere (console, another tool, a lost record): the API confirms it is
 * InProgress, then it joins the board and is polled and controlled like the others. What was sent at
 * its start (volume, tempo, repeats) is unknown, so those show as unknown until changed here.
 */
export async function adoptTask(options: AdoptOptions, request: AdoptRequest): Promise<LiveTask> {
  const taskId = request.taskId.trim();
  const existing = options.store.findByTaskId(request.sdkAppId, taskId);
  if (existing && existing.status !== 'ended') throw new AppError('CONFLICT', 'This task is already on the board.', { id: existing.id });
  const profileId = request.profileId ?? (await options.profileOfApp(request.sdkAppId));
  // A TaskId exists only in its region: the adopted task is bound to the one it was found in.
  const client = await options.clients.forProfile(profileId, request.region);
  const { status } = await client.describeStreamIngest({ SdkAppId: request.sdkAppId, TaskId: taskId }, 'adopt');
  if (status !== 'InProgress') {
    throw new AppError('NOT_FOUND', 'TRTC has no task in progress with this TaskId and SdkAppId.', { status });
  }
  const now = options.scheduler.now();
  return options.store.put({
    id: `adopted-${(options.newId ?? randomUUID)()}`,
    origin: 'adopted',
    taskId,
    sdkAppId: request.sdkAppId,
    profileId,
    ...((request.region ?? client.region) ? { region: request.region ?? client.region } : {}),
    roomIdType: null,
    roomId: request.roomId?.trim() ?? '',
    label: request.label?.trim() || `Task ${taskId.slice(0, 12)}`,
    streamUrl: null,
    status: 'running',
    startedAt: now,
    paused: false,
    pausedSince: null,
    pausedTotalMs: 0,
    volume: null,
    tempo: null,
    enableProgress: null,
    repeatNum: null,
    maxDurationMinutes: null,
    mediaSeconds: null,
    scheduledStopAt: null,
    lastCheckedAt: now,
    lastError: null,
  });
}
