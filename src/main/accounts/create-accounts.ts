import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredDocument } from '../storage/stored-document';
import { TicketService } from '../tickets/ticket-service';
import type { ApiCallRecorder } from '../trtc/api-call-record';
import type { AccountsData } from './accounts-document';
import { createAccountsHandlers } from './accounts-handlers';
import { AccountsService } from './accounts-service';
import { BuiltInSandbox } from './built-in-sandbox';
import { TrtcClients } from './trtc-clients';

export interface AccountsDeps {
  document: StoredDocument<AccountsData>;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  appVersion: string;
  /** Where every TRTC call's record goes (the log domain's TaskLog fits). */
  recorder: ApiCallRecorder;
  /** Create the built-in sandbox profile and app on first start (default true; test rigs bring their own). */
  builtInSandbox?: boolean;
  /** The SDK's reqTimeout per call, in seconds (the SDK's default when absent; fault rigs shorten it). */
  clientTimeoutSeconds?: number | undefined;
}

/** The accounts domain: its service, plus the parts the other domains are given as ports. */
export interface Accounts extends DomainParts<'accounts', AccountsService> {
  /** TRTC clients per profile/app, for launch and the task monitor. */
  clients: TrtcClients;
  /** Just-in-time UserSig / PrivateMapKey generation and verification. */
  tickets: TicketService;
  /** The built-in sandbox: its profile/app, and the in-process server started on first use. */
  sandbox: BuiltInSandbox;
}

/** The accounts domain: profiles (SecretId/SecretKey) and TRTC apps (SDK secret keys), and the clients they sign. */
export async function createAccounts(setup: AccountsDeps): Promise<Accounts> {
  let sandbox: BuiltInSandbox | undefined;
  const service = new AccountsService({
    document: setup.document,
    secrets: setup.secrets,
    events: setup.events,
    clock: setup.clock,
    sandboxTarget: () => (sandbox ? sandbox.target() : Promise.reject(new Error('sandbox not built'))),
  });
  sandbox = new BuiltInSandbox(service, setup.secrets);
  if (setup.builtInSandbox !== false) await sandbox.ensureAccounts();
  const clients = new TrtcClients({
    accounts: service,
    recorder: setup.recorder,
    appVersion: setup.appVersion,
    clock: setup.clock,
    ...(setup.clientTimeoutSeconds ? { timeoutSeconds: setup.clientTimeoutSeconds } : {}),
  });
  const tickets = new TicketService(service, setup.clock);
  return {
    service,
    clients,
    tickets,
    handlers: createAccountsHandlers({ accounts: service, clients, tickets, clock: setup.clock }),
    sandbox,
    close: async () => {
      clients.close();
      await sandbox.close();
    },
  };
}
