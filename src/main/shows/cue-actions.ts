import { AppError } from '../../shared/contract';
import type { CueAction, ShowTask } from '../../shared/shows/show-schema';
import type { ControlsPort, LaunchOutcome, LaunchPort } from './shows-ports';

export interface ActionContext {
  tasks: ShowTask[];
  rehearsal: boolean;
  /** Board task ids of the show's launched tasks, by name. */
  taskIds: Record<string, string>;
  /** The rooms those tasks went into, by name. */
  roomOf: (task: string) => string | undefined;
}

export interface ActionResult extends LaunchOutcome {}

/** Does one cue's action through the launch and control ports; a failed call is the result, never retried. */
export async function performAction(
  ports: { launch: LaunchPort; controls: ControlsPort },
  action: CueAction,
  context: ActionContext,
): Promise<ActionResult> {
  try {
    if (action.kind === 'launch') {
      const task = context.tasks.find((candidate) => candidate.name === action.task);
      if (!task) return failed('NOT_FOUND', `The show has no task "${action.task}".`);
      return await ports.launch.launch(task, context.rehearsal);
    }
    if (action.kind === 'stopShow' || action.kind === 'stopRoom') {
      const names = Object.keys(context.taskIds).filter((name) => action.kind === 'stopShow' || context.roomOf(name) === action.roomId);
      const results = await Promise.allSettled(names.map((name) => ports.controls.stop(context.taskIds[name] as string)));
      const failure = results.find((result) => result.status === 'rejected');
      return failure ? failureOf(failure.reason) : { state: 'started' };
    }
    const id = context.taskIds[action.task];
    if (id === undefined) return failed('NOT_FOUND', `The task "${action.task}" has not been launched by this show.`);
    if (action.kind === 'switchSource') await ports.controls.switchSource(id, action.source);
    else if (action.kind === 'volume') await ports.controls.setVolume(id, action.volume);
    else if (action.kind === 'tempo') await ports.controls.setTempo(id, action.tempo);
    else if (action.kind === 'pause') await ports.controls.pause(id);
    else if (action.kind === 'resume') await ports.controls.resume(id);
    else await ports.controls.stop(id);
    return { state: 'started' };
  } catch (error) {
    return failureOf(error);
  }
}

function failed(code: string, message: string): ActionResult {
  return { state: 'failed', error: { code, message } };
}

function failureOf(error: unknown): ActionResult {
  if (error instanceof AppError)
    return { state: error.code === 'OUTCOME_UNKNOWN' ? 'unknown' : 'failed', error: { code: error.code, message: error.message } };
  return failed('INTERNAL', error instanceof Error ? error.message : String(error));
}
