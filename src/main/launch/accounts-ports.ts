import { AppError } from '../../shared/contract';
import type { Room } from '../../shared/trtc/identifiers';
import type { Site } from '../../shared/trtc/sites';
import type { LaunchPorts, StartClient } from './launch-ports';

/** What launch reads from the accounts domain (AccountsService fits). */
export interface AccountsLookup {
  findAppBySdkAppId(sdkAppId: number): { id: string; profileId: string } | undefined;
  getProfile(id: string): { site: Site; kind: 'user' | 'sandbox' };
}

/** Just-in-time tickets from an app's SDK secret key (the accounts domain's TicketService fits). */
export interface TicketSource {
  userSig(appId: string, userId: string, expirySeconds?: number): Promise<string>;
  privateMapKey(
    appId: string,
    options: {
      userId: string;
      expirySeconds: number;
      room: Room;
      privileges: number;
    },
  ): Promise<string>;
}

export interface AccountsPortsDeps {
  accounts: AccountsLookup;
  tickets: TicketSource;
  /** A signed client for the profile, in the preset's region (a preset may use another region than the profile's default). */
  /** A kept client (the caller does not close it): launches reuse its connection. */
  clientFor(profileId: string, region: string): Promise<StartClient & { sandbox: boolean }>;
  /** The URL of a media library entry; NOT_FOUND when it is gone. */
  mediaUrl(entryId: string): Promise<string>;
  /** Stamps a library entry "last used". */
  mediaUsed(use: { entryId?: string; url: string }): void;
}

/** Launch's ports over the accounts, tickets and media services. */
export function accountsLaunchPorts(deps: AccountsPortsDeps): LaunchPorts {
  const appOf = (sdkAppId: number) => {
    const app = deps.accounts.findAppBySdkAppId(sdkAppId);
    if (!app) throw new AppError('NOT_FOUND', `No TRTC app with SdkAppId ${sdkAppId} is set up: add it under Accounts.`, { sdkAppId });
    return app;
  };
  return {
    appSite: async (sdkAppId) => {
      const profile = deps.accounts.getProfile(appOf(sdkAppId).profileId);
      return { site: profile.site, sandbox: profile.kind === 'sandbox' };
    },
    connect: async (sdkAppId, region) => {
      const app = appOf(sdkAppId);
      const client = await deps.clientFor(app.profileId, region);
      return {
        profileId: app.profileId,
        sandbox: client.sandbox,
        startStreamIngest: (body, purpose) => client.startStreamIngest(body, purpose),
      };
    },
    generateUserSig: async ({ sdkAppId, userId, expirySeconds }) => deps.tickets.userSig(appOf(sdkAppId).id, userId, expirySeconds),
    generatePrivateMapKey: async ({ sdkAppId, userId, expirySeconds, roomIdType, roomId, privileges }) =>
      deps.tickets.privateMapKey(appOf(sdkAppId).id, {
        userId,
        expirySeconds,
        room: roomIdType === 1 ? { type: 'numeric', id: Number(roomId) } : { type: 'string', id: roomId },
        privileges,
      }),
    mediaUrl: (entryId) => deps.mediaUrl(entryId),
    mediaUsed: deps.mediaUsed,
  };
}
