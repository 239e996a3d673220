import type { AccountsOverview } from '../../../../shared/contract/accounts';
import type { PresetView } from '../../../../shared/contract/presets';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { type Target, targetOf } from '../accounts/target';

/**
 * Where a live run of the show would send its launches: one target per app its tasks' presets use,
 * live and unknown ones only (the sandbox costs nothing), in task order. A task whose preset is gone
 * has no target here (pre-flight reports it).
 */
export function liveTargetsOf(show: Pick<StoredShow, 'tasks'>, presets: PresetView[], overview: AccountsOverview | null): Target[] {
  const found = new Map<string, Target>();
  for (const task of show.tasks) {
    const preset = presets.find((candidate) => candidate.id === task.presetId);
    if (!preset) continue;
    const target = targetOf(overview, { sdkAppId: preset.sdkAppId, region: preset.region });
    const key = target.appId ?? `sdk:${target.sdkAppId}`;
    if (target.kind !== 'sandbox' && !found.has(key)) found.set(key, target);
  }
  return [...found.values()];
}
