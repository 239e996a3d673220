/**
 * How many tasks the sandbox runs at once per app, like a default TRTC quota (past it a Start answers
 * FailedOperation.RestrictedConcurrency). Its own module so the shows' pre-flight can say so without
 * loading the sandbox, which the app loads only when a call first needs it.
 */
export const sandboxTasksPerApp = 10;
