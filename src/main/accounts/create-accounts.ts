import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { DomainHandlers } from '../rpc/handlers';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredDocument } from '../storage/stored-document';
import { TicketService } from '../tickets/ticket-service';
import { type ApiCallRecorder, discardApiCalls } from '../trtc/api-call-record';
import { type AccountsData, accountsDocument } from './accounts-document';
import { createAccountsHandlers } from './accounts-handlers';
import { AccountsService } from './accounts-service';
import { BuiltInSandbox } from './built-in-sandbox';
import { TrtcClients } from './trtc-clients';

export interface AccountsSetup {
  open: (spec: typeof accountsDocument) => Promise<StoredDocument<AccountsData>>;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  appVersion: string;
  /** Create the built-in sandbox profile and app on first start (default true). */
  builtInSandbox?: boolean;
  /** Where every TRTC call's record goes (the task log); discarded until one is given. */
  recorder?: ApiCallRecorder;
}

export interface Accounts {
  service: AccountsService;
  /** TRTC clients per profile/app, for launch and the task monitor. */
  clients: TrtcClients;
  /** Just-in-time UserSig / PrivateMapKey generation and verification. */
  tickets: TicketService;
  handlers: DomainHandlers<'accounts'>;
  /** The built-in sandbox: its profile/app, and the in-process server started on first use. */
  sandbox: BuiltInSandbox;
  close(): Promise<void>;
}

/** The accounts domain, built for the composition root. */
export async function createAccounts(setup: AccountsSetup): Promise<Accounts> {
  const document = await setup.open(accountsDocument);
  let sandbox: BuiltInSandbox | undefined;
  const service = new AccountsService({
    document,
    secrets: setup.secrets,
    events: setup.events,
    clock: setup.clock,
    sandboxTarget: () => (sandbox ? sandbox.target() : Promise.reject(new Error('sandbox not built'))),
  });
  sandbox = new BuiltInSandbox(service, setup.secrets);
  if (setup.builtInSandbox !== false) await sandbox.ensureAccounts();
  const clients = new TrtcClients({
    accounts: service,
    recorder: setup.recorder ?? discardApiCalls,
    appVersion: setup.appVersion,
    clock: setup.clock,
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
