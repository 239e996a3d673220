import { AppError } from '../../shared/contract';
import type { ShowImportReport } from '../../shared/contract/shows';
import type { PreflightReport } from '../../shared/shows/preflight';
import type { RunMode, RunSpeed, ShowRun } from '../../shared/shows/run-state';
import type { EventBus } from '../app/event-bus';
import { preflight } from './preflight';
import { exportShowCsv, parseShowCsv } from './show-csv';
import type { ShowLibrary } from './show-library';
import type { ShowRunner } from './show-runner';
import type { PreflightPort, PresetsPort, SandboxFaultsPort, ShowScheduler as Scheduler } from './shows-ports';

export interface ShowServiceDeps {
  library: ShowLibrary;
  runner: ShowRunner;
  scheduler: Scheduler;
  events: EventBus;
  presets: PresetsPort;
  preflight: PreflightPort;
  faults: SandboxFaultsPort;
}

/** A pre-flight this recent, of the same revision and mode, is trusted when arming. */
const freshForMs = 10 * 60_000;

/** Pre-flight, CSV and running on top of the library and the runner. */
export class ShowService {
  readonly #deps: ShowServiceDeps;
  readonly #reports = new Map<string, PreflightReport>();

  constructor(deps: ShowServiceDeps) {
    this.#deps = deps;
  }

  async preflight(
    id: string,
    mode: RunMode = 'live',
    trigger: PreflightReport['trigger'] = 'manual',
    signal?: AbortSignal,
  ): Promise<PreflightReport> {
    const show = this.#deps.library.get(id);
    const report = await preflight(show, mode, this.#deps.preflight, this.#deps.scheduler.now(), trigger, signal);
    this.#reports.set(id, report);
    this.#deps.events.emit('shows.preflight', report);
    return report;
  }

  lastPreflight(id: string): PreflightReport | null {
    return this.#reports.get(id) ?? null;
  }

  /** Blocking pre-flight problems refuse the arm unless the producer overrides them. */
  async arm(
    id: string,
    mode: RunMode,
    speed: RunSpeed | undefined,
    options: { override: boolean; confirmLive: boolean },
  ): Promise<ShowRun> {
    const { override, confirmLive } = options;
    const show = this.#deps.library.get(id);
    const last = this.#reports.get(id);
    const fresh = last && last.revision === show.revision && last.mode === mode && this.#deps.scheduler.now() - last.checkedAt < freshForMs;
    const report = fresh ? last : await this.preflight(id, mode);
    const blocking = report.problems.filter((problem) => problem.severity === 'blocking');
    if (blocking.length > 0 && !override) {
      // The problems are in the pre-flight report (shows.lastPreflight, and the shows.preflight event).
      throw new AppError('CONFLICT', 'Pre-flight found blocking problems: fix them, or arm with override.', { state: 'preflightBlocking' });
    }
    // Arming live is the confirmation of every live Start the run will send: main asks for it, as a launch does.
    if (mode === 'live' && !confirmLive && Object.values(report.cueTargets).includes('live')) {
      throw new AppError('CONFLICT', 'This show launches into a live app: arm it with confirmLive.', { guard: 'liveConfirm' });
    }
    return this.#deps.runner.arm(show, mode, mode === 'live' ? 1 : (speed ?? 1), blocking.length > 0);
  }

  /** The run of this show, or CONFLICT when another (or none) is armed. */
  running(id: string): ShowRunner {
    const run = this.#deps.runner.view();
    if (!run || run.state === 'ended' || run.showId !== id) throw new AppError('CONFLICT', 'This show is not armed.', { id });
    return this.#deps.runner;
  }

  async disarm(id: string, stopTasks: boolean): Promise<ShowRun> {
    const run = await this.running(id).disarm(stopTasks);
    // A rehearsal leaves the sandbox as it found it.
    if (run.mode === 'rehearsal') await this.#deps.faults.clear().catch(() => undefined);
    return run;
  }

  async setFault(id: string, action: string, rule: Record<string, unknown> | null): Promise<{ faults: Record<string, never> }> {
    const run = this.running(id).view();
    if (run?.mode !== 'rehearsal') throw new AppError('FORBIDDEN', 'Faults can be switched only while rehearsing on the built-in sandbox.');
    return { faults: (await this.#deps.faults.set(action, rule)) as Record<string, never> };
  }

  exportCsv(id: string): { csv: string; fileName: string } {
    const show = this.#deps.library.get(id);
    const fileName = `${show.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'show'}.csv`;
    return { csv: exportShowCsv(show, this.#deps.presets), fileName };
  }

  async importCsv(csv: string, base: { name: string; plannedStart?: string; preflightLeadMinutes?: number }): Promise<ShowImportReport> {
    const { draft, rejected } = parseShowCsv(
      csv,
      {
        name: base.name,
        preflightLeadMinutes: base.preflightLeadMinutes ?? 15,
        ...(base.plannedStart ? { plannedStart: base.plannedStart } : {}),
      },
      this.#deps.presets,
    );
    if (!draft) return { imported: [], rejected };
    return this.#deps.library.addDrafts([{ index: 0, draft }], []);
  }
}
