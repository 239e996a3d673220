import type { Clock } from '../app/clock';
import type { DomainHandlers } from '../rpc/handlers';
import type { TicketService } from '../tickets/ticket-service';
import { exportAccounts, importAccounts } from './account-transfer';
import type { AccountsService } from './accounts-service';
import { placeholderSdkAppId, testConnection } from './connection-test';
import type { TrtcClients } from './trtc-clients';

export interface AccountsDeps {
  accounts: AccountsService;
  clients: TrtcClients;
  tickets: TicketService;
  clock: Clock;
}

export function createAccountsHandlers({ accounts, clients, tickets, clock }: AccountsDeps): DomainHandlers<'accounts'> {
  return {
    overview: () => accounts.overview(),
    addProfile: (input) => accounts.addProfile(input),
    updateProfile: (input) => accounts.updateProfile(input),
    setProfileSecret: (input) => accounts.setProfileSecret(input),
    clearProfileSecret: ({ id }) => accounts.clearProfileSecret(id),
    deleteProfile: async ({ id }) => {
      await accounts.deleteProfile(id);
      return { deleted: true };
    },
    addApp: (input) => accounts.addApp(input),
    updateApp: (input) => accounts.updateApp(input),
    setAppSecret: (input) => accounts.setAppSecret(input),
    clearAppSecret: ({ id }) => accounts.clearAppSecret(id),
    deleteApp: async ({ id }) => {
      await accounts.deleteApp(id);
      return { deleted: true };
    },
    testConnection: async ({ profileId, appId }) => {
      const app = appId ? accounts.getApp(appId) : accounts.snapshot().apps.find((candidate) => candidate.profileId === profileId);
      const client = await clients.forProfile(profileId);
      return testConnection(client, app?.sdkAppId ?? placeholderSdkAppId);
    },
    exportJson: () => exportAccounts(accounts.snapshot(), clock),
    importJson: ({ json }) => importAccounts(accounts, clock, json),
    // The page gets a ticket only here, when the user asked for one to copy.
    generateUserSig: ({ appId, userId, expirySeconds }) => tickets.userSigFor(appId, userId, expirySeconds),
    generatePrivateMapKey: ({ appId, ...options }) => tickets.privateMapKeyFor(appId, options),
    verifyTicket: ({ ticket, appId }) => tickets.verify(ticket, appId),
  };
}
