import { AppError } from '../../shared/contract';
import type { GeneratedTicket, TicketInspection } from '../../shared/contract/accounts';
import type { Room } from '../../shared/trtc/identifiers';
import type { AccountsService } from '../accounts/accounts-service';
import type { Clock } from '../app/clock';
import { decodeTicket } from './ticket-codec';
import { generatePrivateMapKey, generateUserSig } from './ticket-generator';
import { inspectTicket, type SigningApp } from './ticket-verifier';

export interface PrivateMapKeyOptions {
  userId: string;
  expirySeconds: number;
  room: Room;
  privileges: number;
}

/**
 * Tickets from an app's SDK secret key (read from the keychain at the moment of use). Launch calls
 * `userSig` just in time and gets the ticket alone (decoding it again to describe it cost a cold
 * launch about 0.15 ms); the page gets a described ticket only when the user asks for one to copy.
 */
export class TicketService {
  readonly #accounts: AccountsService;
  readonly #clock: Clock;

  constructor(accounts: AccountsService, clock: Clock) {
    this.#accounts = accounts;
    this.#clock = clock;
  }

  /** A UserSig for `userId`, by default with the app's configured (short) expiry: the ticket alone, for a launch. */
  async userSig(appId: string, userId: string, expirySeconds?: number): Promise<string> {
    const { app, sdkSecretKey } = await this.#signingApp(appId);
    const expiry = expirySeconds ?? app.defaults.userSigExpirySeconds;
    return generateUserSig({ sdkAppId: app.sdkAppId, sdkSecretKey, userId, expirySeconds: expiry });
  }

  async privateMapKey(appId: string, options: PrivateMapKeyOptions): Promise<string> {
    const { app, sdkSecretKey } = await this.#signingApp(appId);
    return generatePrivateMapKey({ sdkAppId: app.sdkAppId, sdkSecretKey, ...options });
  }

  /** A UserSig with what it says (user, app, issue and expiry times), for the page to show and copy. */
  async userSigFor(appId: string, userId: string, expirySeconds?: number): Promise<GeneratedTicket> {
    return this.#describe('userSig', await this.userSig(appId, userId, expirySeconds));
  }

  async privateMapKeyFor(appId: string, options: PrivateMapKeyOptions): Promise<GeneratedTicket> {
    return this.#describe('privateMapKey', await this.privateMapKey(appId, options));
  }

  /** Checks against `appId`'s key, or the key of the app whose SdkAppId the ticket names. */
  async verify(ticket: string, appId?: string): Promise<TicketInspection> {
    const decoded = decodeTicket(ticket);
    const app = appId ? this.#accounts.getApp(appId) : this.#accounts.findAppBySdkAppId(decoded.sdkAppId);
    let signing: SigningApp | null = null;
    if (app) {
      const sdkSecretKey = await this.#accounts.sdkSecretKeyFor(app.id);
      if (sdkSecretKey) signing = { appId: app.id, label: app.label, sdkAppId: app.sdkAppId, sdkSecretKey };
    }
    return inspectTicket(ticket, signing, this.#clock.now());
  }

  async #signingApp(appId: string) {
    const app = this.#accounts.getApp(appId);
    const sdkSecretKey = await this.#accounts.sdkSecretKeyFor(appId);
    if (!sdkSecretKey) {
      throw new AppError('INVALID_INPUT', `The app "${app.label}" has no SDK secret key: paste a UserSig at launch or set the key`, {
        appId,
        missing: 'sdkSecretKey',
      });
    }
    return { app, sdkSecretKey };
  }

  #describe(kind: GeneratedTicket['kind'], ticket: string): GeneratedTicket {
    const decoded = decodeTicket(ticket);
    return {
      kind,
      ticket,
      userId: decoded.identifier,
      sdkAppId: decoded.sdkAppId,
      issuedAt: new Date(decoded.time * 1000).toISOString(),
      expiresAt: new Date((decoded.time + decoded.expire) * 1000).toISOString(),
    };
  }
}
