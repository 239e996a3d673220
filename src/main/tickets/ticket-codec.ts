import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { AppError } from '../../shared/contract';
import type { Room } from '../../shared/trtc/identifiers';

/**
 * TLS sig v2, the format of UserSig and PrivateMapKey: JSON `{TLS.ver, TLS.identifier, TLS.sdkappid,
 * TLS.time, TLS.expire, [TLS.userbuf], TLS.sig}`, zlib-deflated, base64 with + / = written as * - _.
 * tls-sig-api-v2 only generates; this module reads one back and checks its HMAC.
 */
export interface DecodedTicket {
  identifier: string;
  sdkAppId: number;
  /** Unix seconds. */
  time: number;
  /** Seconds after `time`. */
  expire: number;
  /** Base64 (standard alphabet) userbuf of a PrivateMapKey, as signed. */
  userbuf?: string;
  sig: string;
}

export interface PrivateMapUserbuf {
  version: 0 | 1;
  account: string;
  sdkAppId: number;
  room: Room;
  /** Absolute expiry, unix seconds. */
  expiresAt: number;
  privileges: number;
  accountType: number;
}

const maxInflatedBytes = 64 * 1024;

function invalid(reason: string): AppError {
  return new AppError('INVALID_INPUT', `Not a valid UserSig or PrivateMapKey: ${reason}`);
}

export function decodeTicket(ticket: string): DecodedTicket {
  const base64 = ticket.trim().replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  let json: unknown;
  try {
    const inflated = inflateSync(Buffer.from(base64, 'base64'), { maxOutputLength: maxInflatedBytes });
    json = JSON.parse(inflated.toString('utf8'));
  } catch {
    throw invalid('it does not decompress to JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid('not a JSON object');
  const doc = json as Record<string, unknown>;
  if (doc['TLS.ver'] !== '2.0') throw invalid('TLS.ver is not "2.0"');
  const identifier = doc['TLS.identifier'];
  const sig = doc['TLS.sig'];
  const userbuf = doc['TLS.userbuf'];
  if (typeof identifier !== 'string' || identifier === '') throw invalid('missing TLS.identifier');
  if (typeof sig !== 'string' || sig === '') throw invalid('missing TLS.sig');
  if (userbuf !== undefined && typeof userbuf !== 'string') throw invalid('TLS.userbuf is not a string');
  return {
    identifier,
    sdkAppId: integerField(doc, 'TLS.sdkappid'),
    time: integerField(doc, 'TLS.time'),
    expire: integerField(doc, 'TLS.expire'),
    ...(userbuf !== undefined ? { userbuf } : {}),
    sig,
  };
}

function integerField(doc: Record<string, unknown>, name: string): number {
  const value = doc[name];
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) throw invalid(`${name} is not a non-negative integer`);
  return number;
}

/** The exact text TLS sig v2 signs: the fields as they appear in the ticket, one per line. */
export function signedContent(ticket: DecodedTicket): string {
  let content = `TLS.identifier:${ticket.identifier}\nTLS.sdkappid:${ticket.sdkAppId}\nTLS.time:${ticket.time}\nTLS.expire:${ticket.expire}\n`;
  if (ticket.userbuf !== undefined) content += `TLS.userbuf:${ticket.userbuf}\n`;
  return content;
}

/** True when `sdkSecretKey` produced the ticket's HMAC-SHA256 (constant-time comparison). */
export function isSignedBy(ticket: DecodedTicket, sdkSecretKey: string): boolean {
  const expected = createHmac('sha256', sdkSecretKey).update(signedContent(ticket)).digest();
  const actual = Buffer.from(ticket.sig, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Reads a PrivateMapKey userbuf (big-endian): see the TRTC reference for the layout. */
export function parseUserbuf(base64: string): PrivateMapUserbuf {
  const buffer = Buffer.from(base64, 'base64');
  const fail = () => invalid('TLS.userbuf is truncated or malformed');
  if (buffer.length < 3) throw fail();
  const version = buffer.readUInt8(0);
  if (version !== 0 && version !== 1) throw invalid(`unknown userbuf version ${version}`);
  const accountLength = buffer.readUInt16BE(1);
  let offset = 3;
  if (buffer.length < offset + accountLength + 20) throw fail();
  const account = buffer.toString('latin1', offset, offset + accountLength);
  offset += accountLength;
  const sdkAppId = buffer.readUInt32BE(offset);
  const roomNumber = buffer.readUInt32BE(offset + 4);
  const expiresAt = buffer.readUInt32BE(offset + 8);
  const privileges = buffer.readUInt32BE(offset + 12);
  const accountType = buffer.readUInt32BE(offset + 16);
  offset += 20;
  let room: Room;
  if (version === 1) {
    if (buffer.length < offset + 2) throw fail();
    const roomLength = buffer.readUInt16BE(offset);
    offset += 2;
    if (buffer.length < offset + roomLength) throw fail();
    room = { type: 'string', id: buffer.toString('latin1', offset, offset + roomLength) };
    offset += roomLength;
  } else {
    room = { type: 'numeric', id: roomNumber };
  }
  if (offset !== buffer.length) throw invalid('TLS.userbuf has trailing bytes');
  return { version, account, sdkAppId, room, expiresAt, privileges, accountType };
}
