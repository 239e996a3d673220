import { plannedTimes } from '../../shared/shows/planned-times';
import type { CueDelay, PreflightProblem, PreflightReport } from '../../shared/shows/preflight';
import type { RunMode } from '../../shared/shows/run-state';
import { sheetProblems } from '../../shared/shows/sheet-checks';
import type { StoredShow } from '../../shared/shows/show-schema';
import { billedEstimate } from './billed-estimate';
import { type PlannedCall, spreadCalls } from './rate-budget';
import type { PreflightPort, PresetFacts, RateBudget } from './shows-ports';

interface TaskPlan {
  name: string;
  preset: PresetFacts;
  sdkAppId: number;
  roomId: string;
  profileId: string | null;
  sandbox: boolean;
}

/**
 * Everything that can be checked before the show: the sheet, presets and apps, the same robot twice
 * in a room, every source probed, every account tested, every ticket made (and dropped: none leaves
 * main), the rate budget and the billed minutes. One list of problems, each with a fix.
 */
export async function preflight(
  show: StoredShow,
  mode: RunMode,
  port: PreflightPort,
  now: number,
  trigger: PreflightReport['trigger'],
  signal?: AbortSignal,
): Promise<PreflightReport> {
  const rehearsal = mode === 'rehearsal';
  const problems: PreflightProblem[] = sheetProblems(show);
  const sandboxApp = port.sandboxApp();
  const plans = new Map<string, TaskPlan>();
  for (const task of show.tasks) {
    const preset = port.preset(task.presetId);
    if (!preset) {
      problems.push({ severity: 'blocking', code: 'unknownPreset', task: task.name, fix: 'choosePreset' });
      continue;
    }
    const sdkAppId = rehearsal && sandboxApp ? sandboxApp.sdkAppId : preset.sdkAppId;
    const app = port.app(sdkAppId);
    if (!app) problems.push({ severity: 'blocking', code: 'unknownApp', task: task.name, params: { sdkAppId }, fix: 'addApp' });
    plans.set(task.name, {
      name: task.name,
      preset,
      sdkAppId,
      roomId: task.roomId ?? preset.roomId,
      profileId: app?.profileId ?? null,
      sandbox: app?.sandbox ?? rehearsal,
    });
  }

  const robots = new Map<string, string>();
  for (const plan of plans.values()) {
    const key = `${plan.sdkAppId}\n${plan.roomId}\n${plan.preset.userId}`;
    const other = robots.get(key);
    if (other)
      problems.push({
        severity: 'blocking',
        code: 'robotTwiceInRoom',
        task: plan.name,
        params: { other, roomId: plan.roomId, userId: plan.preset.userId },
        fix: 'changeRobotOrRoom',
      });
    else robots.set(key, plan.name);
  }
  // A task already on the board holds its robot's seat in the room until it stops.
  const running = new Map(port.runningRobots().map((robot) => [`${robot.sdkAppId}\n${robot.roomId}\n${robot.userId}`, robot.label]));
  for (const plan of plans.values()) {
    const label = running.get(`${plan.sdkAppId}\n${plan.roomId}\n${plan.preset.userId}`);
    if (label !== undefined)
      problems.push({
        severity: 'warning',
        code: 'robotAlreadyInRoom',
        task: plan.name,
        params: { running: label, roomId: plan.roomId, userId: plan.preset.userId },
        fix: 'stopRunningOrChangeRobot',
      });
  }

  await Promise.all([
    probeSources(show, plans, port, problems, signal),
    testAccounts(plans, port, problems),
    makeTickets(show, plans, port, rehearsal, problems),
  ]);

  const times = plannedTimes(show);
  const delays = rateDelays(show, times, plans, port.rateBudget);
  const worst = delays.reduce((max, delay) => Math.max(max, delay.delayMs), 0);
  if (delays.length > 0)
    problems.push({ severity: 'warning', code: 'rateSpread', params: { cues: delays.length, maxDelayMs: worst }, fix: 'spreadCues' });
  if (!rehearsal) {
    show.cues.forEach((cue, index) => {
      const time = times[index];
      if (time !== null && time !== undefined && time < now)
        problems.push({ severity: 'warning', code: 'cueInPast', cueId: cue.id, params: { lateMs: now - time }, fix: 'moveCue' });
    });
  }
  const limit = rehearsal ? sandboxApp?.tasksAtOnce : undefined;
  const peak = tasksAtOnce(show);
  if (limit !== undefined && peak > limit)
    problems.push({ severity: 'warning', code: 'sandboxTooManyTasks', params: { peak, limit }, fix: 'rehearseFewerTasks' });
  const estimate = billedEstimate(show, times, (name) => !(plans.get(name)?.sandbox ?? rehearsal));
  for (const name of estimate.openEnded) {
    if (plans.get(name)?.preset.repeatNum === -1) problems.push({ severity: 'warning', code: 'noEnd', task: name, fix: 'addStopCue' });
  }
  const cueTargets = Object.fromEntries(
    show.cues.map((cue) => {
      const task = 'task' in cue.action ? plans.get(cue.action.task) : undefined;
      return [cue.id, rehearsal || task?.sandbox ? 'sandbox' : 'live'] as const;
    }),
  );
  return {
    showId: show.id,
    revision: show.revision,
    checkedAt: now,
    trigger,
    mode,
    problems,
    delays,
    estimate,
    cueTargets,
    blocking: problems.some((problem) => problem.severity === 'blocking'),
  };
}

async function probeSources(
  show: StoredShow,
  plans: Map<string, TaskPlan>,
  port: PreflightPort,
  problems: PreflightProblem[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const users = new Map<string, { task?: string; cueId?: string }>();
  const entry = (entryId: string, where: { task?: string; cueId?: string }) => {
    const url = port.mediaUrl(entryId);
    if (url === null)
      problems.push({ severity: 'blocking', code: 'unknownMediaEntry', ...where, params: { entryId }, fix: 'chooseSource' });
    return url;
  };
  for (const plan of plans.values()) {
    const url = plan.preset.media.kind === 'url' ? plan.preset.media.url : entry(plan.preset.media.entryId, { task: plan.name });
    if (url !== null && !users.has(url)) users.set(url, { task: plan.name });
  }
  for (const cue of show.cues) {
    if (cue.action.kind !== 'switchSource') continue;
    const where = { cueId: cue.id, task: cue.action.task };
    const url = cue.action.source.kind === 'url' ? cue.action.source.url : entry(cue.action.source.entryId, where);
    if (url !== null && !users.has(url)) users.set(url, where);
  }
  // A live source may only come up at show time: unreachable now is a warning, not a block.
  await Promise.all(
    [...users].map(async ([url, where]) => {
      const probe = await port.probe(url, signal).catch(() => ({ ok: false, detail: null }));
      if (!probe.ok)
        problems.push({
          severity: 'warning',
          code: 'sourceUnreachable',
          ...where,
          params: { detail: probe.detail ?? '' },
          fix: 'checkSource',
        });
    }),
  );
}

async function testAccounts(plans: Map<string, TaskPlan>, port: PreflightPort, problems: PreflightProblem[]): Promise<void> {
  const apps = new Map<number, string>();
  for (const plan of plans.values()) if (plan.profileId !== null && !apps.has(plan.sdkAppId)) apps.set(plan.sdkAppId, plan.name);
  await Promise.all(
    [...apps].map(async ([sdkAppId, task]) => {
      const result = await port.testApp(sdkAppId).catch(() => ({ ok: false, verdict: 'unreachable' }));
      if (!result.ok)
        problems.push({
          severity: 'blocking',
          code: 'accountFailed',
          task,
          params: { sdkAppId, verdict: result.verdict },
          fix: 'checkAccount',
        });
    }),
  );
}

async function makeTickets(
  show: StoredShow,
  plans: Map<string, TaskPlan>,
  port: PreflightPort,
  rehearsal: boolean,
  problems: PreflightProblem[],
): Promise<void> {
  await Promise.all(
    show.tasks.map(async (task) => {
      const plan = plans.get(task.name);
      if (!plan || plan.profileId === null) return;
      const reason = await port
        .tickets(task.presetId, { sdkAppId: plan.sdkAppId, roomId: plan.roomId }, rehearsal)
        .catch((error: unknown) => (error instanceof Error ? error.message : 'failed'));
      if (reason !== null)
        problems.push({ severity: 'blocking', code: 'ticketFailed', task: task.name, params: { reason }, fix: 'checkTickets' });
    }),
  );
}

/** Each timed cue's calls, per account and action, spread as the limiter would. */
function rateDelays(show: StoredShow, times: (number | null)[], plans: Map<string, TaskPlan>, budget: RateBudget): CueDelay[] {
  const calls: PlannedCall[] = [];
  const launched: TaskPlan[] = [];
  show.cues.forEach((cue, index) => {
    const at = times[index];
    const plan = 'task' in cue.action ? plans.get(cue.action.task) : undefined;
    if (cue.action.kind === 'launch' && plan) launched.push(plan);
    if (at === null || at === undefined) return;
    const call = (target: TaskPlan | undefined, action: string) =>
      target && calls.push({ cueId: cue.id, bucket: `${target.profileId}\n${action}`, at });
    const { action } = cue;
    if (action.kind === 'launch') call(plan, 'StartStreamIngest');
    else if (action.kind === 'stop') call(plan, 'StopStreamIngest');
    else if (action.kind === 'stopShow') for (const target of launched) call(target, 'StopStreamIngest');
    else if (action.kind === 'stopRoom')
      for (const target of launched.filter((candidate) => candidate.roomId === action.roomId)) call(target, 'StopStreamIngest');
    else call(plan, 'UpdateStreamIngest');
  });
  return spreadCalls(calls, budget);
}

/**
 * The most tasks the sheet has running at once, in sheet order: a launch adds its task, a stop of
 * the task, of its room or of the show removes them (a task stopped by its own end is not known here).
 */
export function tasksAtOnce(show: StoredShow): number {
  const rooms = new Map(show.tasks.map((task) => [task.name, task.roomId]));
  const running = new Set<string>();
  let peak = 0;
  for (const { action } of show.cues) {
    if (action.kind === 'launch') running.add(action.task);
    else if (action.kind === 'stop') running.delete(action.task);
    else if (action.kind === 'stopShow') running.clear();
    else if (action.kind === 'stopRoom') for (const task of running) if (rooms.get(task) === action.roomId) running.delete(task);
    peak = Math.max(peak, running.size);
  }
  return peak;
}
