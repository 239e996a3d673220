/** Adapters from the other domains' services to the shows' ports, so the composition root stays one block. */
import type { PresetService } from '../presets/preset-service';
import type { PresetsPort } from './ports';

export function presetsPortFrom(presets: PresetService): PresetsPort {
  const brief = (preset: { id: string; name: string } | undefined) => (preset ? { id: preset.id, name: preset.name } : null);
  return {
    find: (id) => brief(presets.all().find((preset) => preset.id === id)),
    findByName: (name) => brief(presets.all().find((preset) => preset.name === name)),
  };
}
