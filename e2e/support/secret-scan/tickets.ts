import { inflateSync } from 'node:zlib';

/**
 * A full UserSig or PrivateMapKey is deflated JSON in base64 with `+/=` spelled `*-_` (TLS sig v2), so
 * it always starts with zlib's header in base64 ("eJ"). Any such string that inflates to JSON carrying a
 * `TLS.sig` is a full ticket, whoever generated it: this is how the scan finds the tickets the app made
 * for a launch, which only the sandbox ever saw.
 */
export interface FoundTicket {
  offset: number;
  length: number;
  kind: 'userSig' | 'privateMapKey' | 'decoded ticket';
  /** The ticket's HMAC (`TLS.sig`): what identifies it whatever the encoding. */
  sig: string;
}

const encodedTicket = /eJ[A-Za-z0-9*_-]{40,}|eJ[A-Za-z0-9+/]{40,}={0,2}/g;
// The decoded form, raw or JSON-escaped inside another JSON string.
const decodedTicket = /\\?"TLS\.sig\\?"\s*:\s*\\?"([A-Za-z0-9+/=]{16,})/g;
const sigField = /"TLS\.sig"\s*:\s*"([^"]+)"/;

/** The ticket's `TLS.sig` and kind, or undefined when `text` is not a full ticket. */
export function decodeTicket(text: string): Omit<FoundTicket, 'offset' | 'length'> | undefined {
  let json: string;
  try {
    const bytes = Buffer.from(text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
    json = inflateSync(bytes).toString('utf8');
  } catch {
    return undefined;
  }
  const sig = sigField.exec(json)?.[1];
  if (!sig) return undefined;
  return { kind: json.includes('"TLS.userbuf"') ? 'privateMapKey' : 'userSig', sig };
}

/** Every full ticket in `text` (read as latin1, so offsets are byte offsets). */
export function findTickets(text: string): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const match of text.matchAll(encodedTicket)) {
    const ticket = decodeTicket(match[0]);
    if (ticket) found.push({ ...ticket, offset: match.index, length: match[0].length });
  }
  for (const match of text.matchAll(decodedTicket)) {
    found.push({ kind: 'decoded ticket', sig: match[1] ?? '', offset: match.index, length: match[0].length });
  }
  return found;
}
