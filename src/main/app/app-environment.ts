import type { AccountsService } from '../accounts/accounts-service';
import type { LaunchService } from '../launch/launch-service';
import type { TaskLog } from '../log/task-log';
import type { MediaService } from '../media/media-service';
import type { PresetService } from '../presets/preset-service';
import type { Dispatch, DispatchOptions } from '../rpc/dispatch';
import type { Handlers } from '../rpc/handlers';
import type { SecretStore } from '../secrets/secret-store';
import type { KeepAwakePort, PowerEventsPort } from '../shows/shows-ports';
import type { SettingsService } from '../system/settings-service';
import type { TasksService, TasksServiceDeps } from '../tasks/tasks-service';
import type { Clock } from './clock';
import type { EventBus } from './event-bus';

/** What the composition root is given (by the Electron shell, the browser host, tests) and what it returns. */
export interface AppEnvironment {
  dataDir: string;
  secrets: SecretStore;
  transport: 'electron' | 'browser';
  clock?: Clock;
  versions?: Record<string, string>;
  openExternal?: (url: string) => Promise<void>;
  /** Diagnostics for the developer console; never given a secret or a call's input. */
  warn?: (message: string) => void;
  /** The OS's locale (Electron's app.getLocale()); Node's Intl locale when absent. */
  locale?: string;
  /** Keep the machine awake while a show is armed, and hear the OS wake up (Electron's; none in the browser host). */
  power?: { keepAwake: KeepAwakePort; events: PowerEventsPort };
  /** Seed the sample media entry and preset on a first start (default true; e2e specs turn it off). */
  samples?: boolean;
  /** What a test rig replaces (the fault matrix); the app itself never passes it. */
  overrides?: AppOverrides;
}

export interface AppOverrides {
  /** No built-in sandbox account: the rig adds its own. */
  builtInSandbox?: boolean;
  /** The SDK's reqTimeout in seconds: what a hang costs per attempt. */
  clientTimeoutSeconds?: number;
  /** The board's retry backoff and poll intervals. */
  tasks?: Pick<TasksServiceDeps, 'backoff' | 'poll'>;
  /** Told about calls answered INTERNAL (by default they go to `warn`). */
  onInternalError?: DispatchOptions['onInternalError'];
  /** The dispatcher's call ids (random by default). */
  newCallId?: DispatchOptions['newCallId'];
}

/** Each domain's service, for the entry points' and test rigs' direct use. */
export interface AppDomains {
  system: SettingsService;
  log: TaskLog;
  accounts: AccountsService;
  presets: PresetService;
  media: MediaService;
  launch: LaunchService;
  tasks: TasksService;
}

export interface AppServices {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  /** The task log; every service that calls the TRTC API gets it as its ApiCallRecorder. */
  log: TaskLog;
  domains: AppDomains;
  close(): Promise<void>;
}
