import type { LaunchRecords } from './launch-records';
import type { LiveTaskStore } from './live-task-store';

/**
 * Board tasks stored before a task's region was kept get it from their launch record: the region
 * (and site, when recorded) their Start was sent to, which is where the TaskId lives. Adopted tasks of
 * that time have no record: they keep following their profile, as they were adopted there.
 */
export async function placeEarlierTasks(store: LiveTaskStore, records: LaunchRecords): Promise<number> {
  const byId = new Map(records.list().map((record) => [record.id, record]));
  let placed = 0;
  for (const task of store.list()) {
    const record = task.region === undefined && task.recordId ? byId.get(task.recordId) : undefined;
    if (!record) continue;
    await store.patch(task.id, (current) => ({ ...current, region: record.region, ...(record.site ? { site: record.site } : {}) }));
    placed++;
  }
  return placed;
}
