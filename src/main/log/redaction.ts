import { inflateSync } from 'node:zlib';
import { recentTickets } from '../secrets/known-secret-forms';

/**
 * The log's second line of defence: the TRTC client already leaves UserSig and PrivateMapKey out of
 * a record, but anything that reaches a log file or an export goes through here once more. A field
 * with a secret's name (any case, any depth, `_`/`-` ignored), any string that is, or holds, a full
 * TLS signature (UserSig / PrivateMapKey), and any form of a ticket main sent lately (see
 * known-secret-forms.ts) become "[redacted]".
 */
export const redacted = '[redacted]';

const secretFieldNames = new Set(['usersig', 'privatemapkey', 'secretkey', 'sdksecretkey', 'authorization']);
const maxDepth = 32;

export function isSecretFieldName(name: string): boolean {
  return secretFieldNames.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** A deep copy of `value` with every secret replaced; never mutates its input. */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0) as T;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return redacted;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = isSecretFieldName(key) && child !== undefined && child !== null && child !== '' ? redacted : redactValue(child, depth + 1);
  }
  return copy;
}

// `usersig=...` and friends inside URLs, query strings or error messages.
// A colon counts only after a quoted name (JSON), so "InvalidParameter.UserSig: bad" stays readable.
const secretAssignment = /\b(user_?sig|private_?map_?key|secret_?key|sdk_?secret_?key)(["']?\s*=\s*["']?|["']\s*:\s*["']?)([^&\s"',;}]+)/gi;
// A ticket decoded (inflated) to its JSON: its HMAC is the secret part.
const decodedTicket = /\\?"TLS\.sig\\?"\s*:\s*\\?"[A-Za-z0-9+/=]{16,}\\?"/g;
// A TC3 Authorization header value quoted in a message.
const tc3Authorization = /TC3-HMAC-SHA256\s+Credential=[^\s"',]+(?:,\s*SignedHeaders=[^\s"',]+)?(?:,\s*Signature=[0-9a-f]+)?/gi;
// Runs of the TLS signature alphabet: base64 with `+/=` spelled `*-_`. A real UserSig is 150+ characters.
const signatureRun = /[A-Za-z0-9*_\-+/]{60,}/g;

export function redactText(text: string): string {
  if (text.length < 20) return text;
  // The tickets main sent lately, in every form (an echo of a body in base64, wrapped in lines).
  let out = recentTickets.forms.redact(text);
  out = out.replace(decodedTicket, redacted);
  out = out.replace(secretAssignment, (_match, name: string, separator: string) => `${name}${separator}${redacted}`);
  out = out.replace(tc3Authorization, redacted);
  if (out.length >= 60) out = out.replace(signatureRun, (run) => (holdsTlsSignature(run) ? redacted : run));
  return out;
}

/** True when `run` (or a tail of it starting at a zlib header) inflates to TLS signature JSON. */
export function holdsTlsSignature(run: string): boolean {
  // zlib's default header 0x78 0x9c is "eJ" in base64; try each place a stream could start.
  for (let start = run.indexOf('eJ'); start >= 0; start = run.indexOf('eJ', start + 1)) {
    if (inflatesToTls(run.slice(start))) return true;
  }
  return false;
}

function inflatesToTls(candidate: string): boolean {
  try {
    const bytes = Buffer.from(candidate.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
    const json = inflateSync(bytes, { maxOutputLength: 64 * 1024, finishFlush: 2 /* Z_SYNC_FLUSH: accept a cut stream */ }).toString(
      'utf8',
    );
    return json.includes('"TLS.sig"') || json.includes('"TLS.ver"') || json.includes('"TLS.identifier"');
  } catch {
    return false;
  }
}
