const acting = new Map<string, number>();
let actingOnAll = 0;

/**
 * Marks the tasks a call from this page is about while it runs, so a failure it causes (which also
 * arrives as a `tasks.changed` with the error) is told once, by the control that made it, and not
 * again by the task notifications. `'all'` stands for Stop all.
 */
export async function whileActing<T>(ids: string[] | 'all', work: Promise<T>): Promise<T> {
  if (ids === 'all') actingOnAll += 1;
  else for (const id of ids) acting.set(id, (acting.get(id) ?? 0) + 1);
  try {
    return await work;
  } finally {
    if (ids === 'all') actingOnAll -= 1;
    else
      for (const id of ids) {
        const left = (acting.get(id) ?? 1) - 1;
        if (left > 0) acting.set(id, left);
        else acting.delete(id);
      }
  }
}

/** Whether a call from this page about this task is on its way. */
export function isActing(id: string): boolean {
  return actingOnAll > 0 || acting.has(id);
}
