import type { Settings } from '../../shared/contract/system';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { StoredDocument } from '../storage/stored-document';
import { SettingsService } from './settings-service';
import { createSystemHandlers, type SystemDeps } from './system-handlers';

export interface SystemDomainDeps extends Omit<SystemDeps, 'settings' | 'openExternal'> {
  document: StoredDocument<Settings>;
  events: EventBus;
  /** Opens an allow-listed URL in the OS browser; null on the browser host, where the page opens it. */
  openExternal: ((url: string) => Promise<void>) | null;
}

/** The system domain: the app's settings, its identity, the keychain's and the stores' state, outside links. */
export function createSystem({ document, events, openExternal, ...deps }: SystemDomainDeps): DomainParts<'system', SettingsService> {
  const settings = new SettingsService(document, events);
  return {
    service: settings,
    handlers: createSystemHandlers({ ...deps, settings, ...(openExternal ? { openExternal } : {}) }),
    close: async () => {},
  };
}
