import type { LiveTask } from '../../shared/contract/tasks';
import type { Site } from '../../shared/trtc/sites';

/**
 * The part of a launch record (the task registry of the presets/launch domain) the board reads:
 * a Start is recorded as pending before it leaves, then settled as started, failed or unknown.
 */
export interface LaunchRecordView {
  id: string;
  state: 'pending' | 'started' | 'failed' | 'unknown';
  createdAt: string;
  updatedAt: string;
  presetName: string;
  sdkAppId: number;
  /** Where the Start was sent: the task lives there. */
  region: string;
  site?: Site;
  roomIdType: 0 | 1;
  roomId: string;
  streamUrl: string;
  profileId?: string;
  taskId?: string;
  launch: { repeatNum: number; maxDuration: number | null; volume: number; tempo: number; enableProgress: boolean };
}

/** Where the launch records come from (the registry), and how to hear of new ones. */
export interface LaunchRecords {
  list(): LaunchRecordView[];
}

/** The board's view of a launch record, or null when it is not (or no longer) a task: a failed Start. */
export function liveTaskOf(record: LaunchRecordView, mediaSeconds: number | null, now: number): LiveTask | null {
  if (record.state === 'failed') return null;
  const hasTaskId = typeof record.taskId === 'string' && record.taskId !== '';
  const status: LiveTask['status'] = hasTaskId ? 'running' : record.state === 'pending' ? 'launching' : 'unknown';
  const startedAt = Date.parse(record.updatedAt);
  return {
    id: record.id,
    origin: 'launch',
    recordId: record.id,
    ...(hasTaskId ? { taskId: record.taskId } : {}),
    sdkAppId: record.sdkAppId,
    profileId: record.profileId ?? '',
    region: record.region,
    ...(record.site ? { site: record.site } : {}),
    roomIdType: record.roomIdType,
    roomId: record.roomId,
    label: record.presetName,
    streamUrl: record.streamUrl,
    status,
    // A started record's last update is the moment its TaskId arrived: the best start time there is.
    startedAt: Number.isFinite(startedAt) ? startedAt : now,
    paused: false,
    pausedSince: null,
    pausedTotalMs: 0,
    volume: record.launch.volume,
    tempo: record.launch.tempo,
    enableProgress: record.launch.enableProgress,
    repeatNum: record.launch.repeatNum,
    maxDurationMinutes: record.launch.maxDuration,
    mediaSeconds,
    scheduledStopAt: null,
    lastCheckedAt: null,
    lastError: null,
  };
}
