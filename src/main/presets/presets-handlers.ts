import type { DomainHandlers } from '../rpc/handlers';
import type { PresetService } from './preset-service';

export function createPresetsHandlers(presets: PresetService): DomainHandlers<'presets'> {
  return {
    list: () => presets.list(),
    create: ({ draft, secrets }) => presets.create(draft, secrets),
    update: ({ id, draft, secrets }) => presets.update(id, draft, secrets),
    duplicate: ({ id }) => presets.duplicate(id),
    remove: ({ id }) => presets.remove(id),
    reorder: ({ ids }) => presets.reorder(ids),
    exportJson: ({ ids }) => presets.exportJson(ids),
    importJson: ({ json }) => presets.importJson(json),
  };
}
