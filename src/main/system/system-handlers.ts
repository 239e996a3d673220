import { AppError } from '../../shared/contract';
import type { SystemInfo } from '../../shared/contract/system';
import type { DomainHandlers } from '../rpc/handlers';
import type { SecretStore } from '../secrets/secret-store';
import type { StoreProblems } from '../storage/store-problems';
import { isAllowedExternalUrl } from './external-links';
import type { SettingsService } from './settings-service';

export interface SystemDeps {
  info: Omit<SystemInfo, 'transport'>;
  transport: SystemInfo['transport'];
  secrets: SecretStore;
  problems: StoreProblems;
  settings: SettingsService;
  /** Opens an allow-listed URL in the OS browser; the browser host has none and lets the page open it. */
  openExternal?: (url: string) => Promise<void>;
}

export function createSystemHandlers(deps: SystemDeps): DomainHandlers<'system'> {
  return {
    info: () => ({ ...deps.info, transport: deps.transport }),
    keychainStatus: () => deps.secrets.status(),
    storeProblems: () => deps.problems.list(),
    getSettings: () => deps.settings.get(),
    updateSettings: (patch) => deps.settings.update(patch),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('FORBIDDEN', 'Only Tencent Cloud console and documentation links can be opened.');
      if (!deps.openExternal) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },
  };
}
