import { z } from 'zod';
import { presetLimits, storedPresetSchema } from '../../shared/contract/presets';

/** presets.json: the presets in the user's order. Holds no secret: pasted tickets live in the keychain. */
export const presetsFileSchema = z.object({ presets: z.array(storedPresetSchema).max(presetLimits.presetsMax) }).strict();
export type PresetsFile = z.infer<typeof presetsFileSchema>;

export const presetsDocument = {
  file: 'presets.json',
  version: 1,
  schema: presetsFileSchema,
  empty: (): PresetsFile => ({ presets: [] }),
};
