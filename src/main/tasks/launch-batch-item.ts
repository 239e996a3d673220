import type { z } from 'zod';
import { AppError } from '../../shared/contract';
import type { presetSecretsInput } from '../../shared/contract/presets';
import type { Launcher, PresetSource } from '../launch/launch-ports';
import type { ItemIsLive, LaunchItem } from './batch';

export interface PresetLauncher {
  presets: PresetSource;
  launch: Launcher;
}

/**
 * One batch item: the preset as it is, or the preset into another room (a one-off draft of the same
 * fields, with the preset's pasted tickets read from the keychain here in main). The batch's
 * `confirmLive` goes with each launch, so the launch service checks every item again.
 */
export function presetItemLauncher({ presets, launch }: PresetLauncher): LaunchItem {
  return async ({ presetId, roomId }, { confirmLive }) => {
    const confirmed = confirmLive ? { confirmLive } : {};
    if (roomId === undefined) return launch.start({ kind: 'preset', presetId }, confirmed);
    const { id, order: _order, createdAt: _created, updatedAt: _updated, ...fields } = presets.get(presetId);
    const secrets: z.input<typeof presetSecretsInput> = {};
    for (const kind of ['userSig', 'privateMapKey'] as const) {
      if (fields[kind].mode !== 'paste') continue;
      const pasted = await presets.pastedSecret(id, kind);
      if (pasted) secrets[kind] = pasted;
    }
    return launch.start(
      { kind: 'draft', draft: { ...fields, roomId }, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) },
      confirmed,
    );
  };
}

/**
 * Whether an item's preset launches into a live app. A missing preset or app is not live: its launch
 * fails with NOT_FOUND before any Start, so it needs no confirmation.
 */
export function presetItemIsLive({ presets, launch }: PresetLauncher): ItemIsLive {
  return async ({ presetId }) => {
    try {
      return await launch.isLive(presets.get(presetId).sdkAppId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  };
}
