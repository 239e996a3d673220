import type { z } from 'zod';
import type { presetSecretsInput } from '../../shared/contract/presets';
import type { BatchItem } from '../../shared/contract/tasks';
import type { Launcher, PresetSource } from '../launch/launch-ports';
import type { LaunchRecordView } from './launch-records';

export interface PresetLauncher {
  presets: PresetSource;
  launch: Launcher;
}

/**
 * One batch item: the preset as it is, or the preset into another room (a one-off draft of the same
 * fields, with the preset's pasted tickets read from the keychain here in main).
 */
export function presetItemLauncher({ presets, launch }: PresetLauncher): (item: BatchItem) => Promise<LaunchRecordView> {
  return async ({ presetId, roomId }) => {
    if (roomId === undefined) return launch.start({ kind: 'preset', presetId });
    const { id, order: _order, createdAt: _created, updatedAt: _updated, ...fields } = presets.get(presetId);
    const secrets: z.input<typeof presetSecretsInput> = {};
    for (const kind of ['userSig', 'privateMapKey'] as const) {
      if (fields[kind].mode !== 'paste') continue;
      const pasted = await presets.pastedSecret(id, kind);
      if (pasted) secrets[kind] = pasted;
    }
    return launch.start({ kind: 'draft', draft: { ...fields, roomId }, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) });
  };
}
