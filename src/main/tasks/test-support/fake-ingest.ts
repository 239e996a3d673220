import { AppError } from '../../../shared/contract';
import type { TrtcAction } from '../../trtc/api-call-record';
import type { IngestClient, IngestClientSource, TaskRef, UpdateRequest } from '../ingest-client';
import type { TaskEvents } from '../live-task-store';
import type { FakeScheduler } from './fake-scheduler';

export interface FakeCall {
  at: number;
  profileId: string;
  /** The region the call was signed for. */
  region: string;
  action: TrtcAction;
  purpose: string;
  request: unknown;
}

/** Every profile's default region in these tests, unless `profileRegions` says otherwise. */
export const fakeDefaultRegion = 'ap-singapore';

/**
 * TRTC's three task calls in memory, for unit tests of the engine: tasks are InProgress until
 * ended, failures are queued per action, every call is recorded with the fake time it was sent.
 * Like the real API, a task is known only in the region it runs in: asked elsewhere, it does not exist.
 */
export class FakeIngest implements IngestClientSource {
  readonly calls: FakeCall[] = [];
  readonly running = new Map<string, UpdateRequest & { region: string }>();
  /** A profile's current default region (edit it to move the profile after a launch). */
  readonly profileRegions = new Map<string, string>();
  readonly #failures: { action: TrtcAction; error: AppError }[] = [];

  constructor(readonly scheduler: FakeScheduler) {}

  run(sdkAppId: number, taskId: string, region = fakeDefaultRegion): void {
    this.running.set(taskId, { SdkAppId: sdkAppId, TaskId: taskId, region });
  }

  end(taskId: string): void {
    this.running.delete(taskId);
  }

  /** The next call of `action` fails with `error` (queued: call several times for several failures). */
  failNext(action: TrtcAction, error: AppError): void {
    this.#failures.push({ action, error });
  }

  callsOf(action: TrtcAction): FakeCall[] {
    return this.calls.filter((call) => call.action === action);
  }

  async forProfile(profileId: string, bound?: string): Promise<IngestClient> {
    const region = bound ?? this.profileRegions.get(profileId) ?? fakeDefaultRegion;
    const send = (action: TrtcAction, request: TaskRef, purpose: string) => {
      this.calls.push({ at: this.scheduler.now(), profileId, region, action, purpose, request });
      const index = this.#failures.findIndex((failure) => failure.action === action);
      if (index >= 0) {
        const [failure] = this.#failures.splice(index, 1);
        throw failure?.error;
      }
      const task = this.running.get(request.TaskId);
      return task && task.SdkAppId === request.SdkAppId && task.region === region ? task : undefined;
    };
    return {
      region,
      describeStreamIngest: async (request, purpose) => ({
        status: send('DescribeStreamIngest', request, purpose) ? 'InProgress' : 'NotExist',
        requestId: 'r',
      }),
      updateStreamIngest: async (request, purpose) => {
        const task = send('UpdateStreamIngest', request, purpose);
        if (!task) throw apiError('InvalidParameter.TaskId');
        Object.assign(task, request);
        return { status: 'InProgress', requestId: 'r' };
      },
      stopStreamIngest: async (request, purpose) => {
        if (!send('StopStreamIngest', request, purpose)) throw apiError('InvalidParameter.TaskId');
        this.running.delete(request.TaskId);
        return { requestId: 'r' };
      },
    };
  }
}

export function apiError(trtcCode: string): AppError {
  return new AppError('TRTC_API_ERROR', `${trtcCode}: test`, {
    action: 'DescribeStreamIngest',
    trtcCode,
    requestId: 'r',
    retryable: false,
  });
}

/** Records the engine's events. */
export class RecordedEvents implements TaskEvents {
  readonly emitted: { event: string; payload: unknown }[] = [];
  emit: TaskEvents['emit'] = (event, payload) => {
    this.emitted.push({ event, payload });
  };
}
