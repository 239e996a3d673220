import { type Settings, settingsSchema } from '../../shared/contract/system';
import type { EventBus } from '../app/event-bus';
import type { StoredDocument } from '../storage/stored-document';

export const defaultSettings: Settings = { language: 'system', theme: 'system' };
export const settingsDocument = { file: 'settings.json', version: 1, schema: settingsSchema, empty: () => defaultSettings };

/** The user's preferences (language, theme); every change is pushed to every open page. */
export class SettingsService {
  readonly #document: StoredDocument<Settings>;
  readonly #events: EventBus;

  constructor(document: StoredDocument<Settings>, events: EventBus) {
    this.#document = document;
    this.#events = events;
  }

  get(): Settings {
    return this.#document.value;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = await this.#document.update((current) => ({ ...current, ...patch }));
    this.#events.emit('system.settingsChanged', next);
    return next;
  }
}
