import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredDocument } from '../storage/stored-document';
import type { PresetsFile } from './preset-document';
import { PresetService } from './preset-service';
import { createPresetsHandlers } from './presets-handlers';

export interface PresetsDeps {
  document: StoredDocument<PresetsFile>;
  /** Where pasted tickets are kept (never in the document). */
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
}

/** The presets domain: saved launch set-ups, their pasted tickets in the keychain, import and export. */
export function createPresets(deps: PresetsDeps): DomainParts<'presets', PresetService> {
  const presets = new PresetService(deps);
  return { service: presets, handlers: createPresetsHandlers(presets), close: async () => {} };
}
