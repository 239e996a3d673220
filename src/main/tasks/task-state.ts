import type { LiveTask } from '../../shared/contract/tasks';
import type { LiveTaskStore } from './live-task-store';

/** What the diagnostic bundle reads about a TaskId: its board entry and the launch record it came from. */
export interface TaskStateSources {
  store: Pick<LiveTaskStore, 'list'>;
  /** The launch records (the task registry fits); any record carrying this TaskId is included. */
  records: { list(): { id: string; taskId?: string }[] };
}

/**
 * The app's current view of a task for a diagnostic bundle (the log's TaskStateProvider): the board
 * task(s) with this TaskId (one per app that has it) and their launch records, as stored. The bundle
 * redacts the answer before writing it. Null when the app knows nothing of the TaskId.
 */
export function taskStateOf(sources: TaskStateSources, taskId: string): { board: LiveTask[]; launches: unknown[] } | null {
  const board = sources.store.list().filter((task) => task.taskId === taskId);
  const recordIds = new Set(board.map((task) => task.recordId).filter((id) => id !== undefined));
  const launches = sources.records.list().filter((record) => record.taskId === taskId || recordIds.has(record.id));
  return board.length === 0 && launches.length === 0 ? null : { board, launches };
}
