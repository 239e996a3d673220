import type { TicketInspection } from '../../shared/contract/accounts';
import { privilegeNames } from '../../shared/trtc/identifiers';
import { decodeTicket, isSignedBy, parseUserbuf } from './ticket-codec';

export interface SigningApp {
  appId: string;
  label: string;
  sdkAppId: number;
  sdkSecretKey: string;
}

/**
 * Reads a pasted UserSig or PrivateMapKey like the console's verification tool: who, which app, when
 * issued, when it expires, and whether `app`'s SDK secret key signed it. Throws INVALID_INPUT for text
 * that is not a TLS sig v2 ticket at all.
 */
export function inspectTicket(ticket: string, app: SigningApp | null, nowMs: number): TicketInspection {
  const decoded = decodeTicket(ticket);
  const warnings: string[] = [];
  const expiresAtSeconds = decoded.time + decoded.expire;
  const expired = nowMs / 1000 > expiresAtSeconds;
  if (decoded.time * 1000 > nowMs + 5 * 60_000) warnings.push('Issued in the future: the issuing computer’s clock or this one is off.');

  let signature: TicketInspection['signature'] = 'unchecked';
  if (app) {
    signature = isSignedBy(decoded, app.sdkSecretKey) ? 'valid' : 'invalid';
    if (app.sdkAppId !== decoded.sdkAppId) warnings.push(`The ticket is for SdkAppId ${decoded.sdkAppId}, not ${app.sdkAppId}.`);
  }

  let privateMap: TicketInspection['privateMap'];
  if (decoded.userbuf !== undefined) {
    const userbuf = parseUserbuf(decoded.userbuf);
    privateMap = {
      room: userbuf.room,
      privileges: userbuf.privileges,
      privilegeNames: privilegeNames(userbuf.privileges),
      expiresAt: new Date(userbuf.expiresAt * 1000).toISOString(),
      sdkAppId: userbuf.sdkAppId,
      userId: userbuf.account,
    };
    if (userbuf.account !== decoded.identifier) warnings.push('The userbuf names a different UserId than the ticket.');
    if (userbuf.sdkAppId !== decoded.sdkAppId) warnings.push('The userbuf names a different SdkAppId than the ticket.');
    if (userbuf.privileges > 255) warnings.push('The privilege map has bits beyond the 8 TRTC defines.');
  }

  return {
    kind: privateMap ? 'privateMapKey' : 'userSig',
    userId: decoded.identifier,
    sdkAppId: decoded.sdkAppId,
    issuedAt: new Date(decoded.time * 1000).toISOString(),
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
    expireSeconds: decoded.expire,
    expired,
    signature,
    ...(app ? { checkedWith: { appId: app.appId, label: app.label, sdkAppId: app.sdkAppId } } : {}),
    valid: signature === 'valid' && !expired && (!app || app.sdkAppId === decoded.sdkAppId),
    ...(privateMap ? { privateMap } : {}),
    warnings,
  };
}
