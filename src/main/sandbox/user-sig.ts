import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

/** A decoded TLS sig v2 envelope (UserSig or PrivateMapKey). */
export interface TlsSig {
  identifier: string;
  sdkAppId: number;
  /** Unix seconds the sig was issued. */
  time: number;
  /** Lifetime in seconds from `time`. */
  expire: number;
  /** Base64 userbuf (PrivateMapKey only). */
  userbuf?: string;
  sig: string;
}

/** The PrivateMapKey payload: which room, until when, which privileges. */
export interface PrivateMapKeyGrant {
  account: string;
  sdkAppId: number;
  /** Numeric room (version 0) or string room (version 1). */
  room: { type: 'numeric'; roomId: number } | { type: 'string'; roomId: string };
  /** Absolute unix seconds. */
  expiresAt: number;
  privilegeMap: number;
  accountType: number;
}

export const enterRoomPrivilege = 2;

export type SigProblem = 'malformed' | 'signature' | 'sdkappid' | 'identifier' | 'expired';

export type SigCheck<T> = { ok: true; value: T } | { ok: false; problem: SigProblem; detail: string };

/** Undoes the envelope: URL-safe base64 (`*`, `-`, `_` for `+`, `/`, `=`), zlib, JSON. */
export function decodeTlsSig(text: string): TlsSig | null {
  if (text.length === 0 || text.length > 8192 || !/^[A-Za-z0-9*\-_]+$/.test(text)) return null;
  try {
    const json: unknown = JSON.parse(
      inflateSync(Buffer.from(text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString('utf8'),
    );
    if (typeof json !== 'object' || json === null) return null;
    const doc = json as Record<string, unknown>;
    const { 'TLS.identifier': identifier, 'TLS.sdkappid': sdkAppId, 'TLS.time': time, 'TLS.expire': expire } = doc;
    const { 'TLS.sig': sig, 'TLS.userbuf': userbuf, 'TLS.ver': version } = doc;
    if (version !== '2.0' || typeof identifier !== 'string' || typeof sig !== 'string') return null;
    if (!isWhole(sdkAppId) || !isWhole(time) || !isWhole(expire)) return null;
    if (userbuf !== undefined && typeof userbuf !== 'string') return null;
    return { identifier, sdkAppId, time, expire, sig, ...(userbuf === undefined ? {} : { userbuf }) };
  } catch {
    return null;
  }
}

/** Checks a UserSig (or the envelope of a PrivateMapKey) for this app, user and moment. */
export function verifyTlsSig(
  text: string,
  expected: { sdkAppId: number; sdkSecretKey: string; identifier: string; nowSeconds: number },
): SigCheck<TlsSig> {
  const doc = decodeTlsSig(text);
  if (!doc) return { ok: false, problem: 'malformed', detail: 'cannot be decoded' };
  let content = `TLS.identifier:${doc.identifier}\nTLS.sdkappid:${doc.sdkAppId}\nTLS.time:${doc.time}\nTLS.expire:${doc.expire}\n`;
  if (doc.userbuf !== undefined) content += `TLS.userbuf:${doc.userbuf}\n`;
  const computed = createHmac('sha256', expected.sdkSecretKey).update(content).digest();
  const given = Buffer.from(doc.sig, 'base64');
  if (given.length !== computed.length || !timingSafeEqual(given, computed))
    return { ok: false, problem: 'signature', detail: 'was not signed with this application’s SDK secret key' };
  if (doc.sdkAppId !== expected.sdkAppId) return { ok: false, problem: 'sdkappid', detail: `belongs to SdkAppId ${doc.sdkAppId}` };
  if (doc.identifier !== expected.identifier) return { ok: false, problem: 'identifier', detail: 'was issued for another UserId' };
  if (expected.nowSeconds > doc.time + doc.expire) return { ok: false, problem: 'expired', detail: 'has expired' };
  return { ok: true, value: doc };
}

/**
 * Reads a PrivateMapKey userbuf (big-endian): version (0 numeric room, 1 string room), u16 account
 * length, account, u32 sdkappid, u32 room number, u32 absolute expiry, u32 privilege map, u32 account
 * type, then for string rooms u16 length and the room string.
 */
export function parsePrivateMapKeyUserbuf(base64: string): PrivateMapKeyGrant | null {
  const buf = Buffer.from(base64, 'base64');
  try {
    const version = buf.readUInt8(0);
    if (version !== 0 && version !== 1) return null;
    const accountLength = buf.readUInt16BE(1);
    let offset = 3;
    const account = buf.subarray(offset, offset + accountLength).toString('latin1');
    offset += accountLength;
    const sdkAppId = buf.readUInt32BE(offset);
    const roomNumber = buf.readUInt32BE(offset + 4);
    const expiresAt = buf.readUInt32BE(offset + 8);
    const privilegeMap = buf.readUInt32BE(offset + 12);
    const accountType = buf.readUInt32BE(offset + 16);
    offset += 20;
    if (version === 0) {
      if (offset !== buf.length || account.length !== accountLength) return null;
      return { account, sdkAppId, room: { type: 'numeric', roomId: roomNumber }, expiresAt, privilegeMap, accountType };
    }
    const roomLength = buf.readUInt16BE(offset);
    offset += 2;
    if (offset + roomLength !== buf.length) return null;
    const roomId = buf.subarray(offset, offset + roomLength).toString('latin1');
    return { account, sdkAppId, room: { type: 'string', roomId }, expiresAt, privilegeMap, accountType };
  } catch {
    return null;
  }
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
