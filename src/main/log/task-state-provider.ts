/**
 * What the diagnostic bundle asks about a task besides its log lines: the tasks domain injects one
 * (`TaskLog.useTaskStateProvider`) once it exists. The answer is redacted before it is written.
 */
export interface TaskStateProvider {
  /** The app's current view of the task (status, times, source, …), or undefined when unknown. */
  taskState(taskId: string): Promise<unknown> | unknown;
}
