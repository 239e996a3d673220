/**
 * Finds secrets main knows by value (the UserSig and PrivateMapKey of a call) however a text carries
 * them: as they are, JSON- or URL-escaped, or inside base64 or base64url of a longer text (an endpoint
 * that echoes the request body back), and also when that base64 is wrapped in lines (64 or 76 columns,
 * with real or JSON-escaped line breaks). A pattern can only catch a ticket it can decode; this catches
 * one it cannot, because it knows what to look for.
 */

export const redactedMark = '[redacted]';

/** Shorter forms would match by chance; a ticket's shortest form is well over 100 characters. */
const minimumFormLength = 16;
/** Forms are looked up by their first characters, so a text is scanned once whatever the number of secrets. */
const keyLength = minimumFormLength;

/** Every form `secret` can take inside another text. */
export function formsOf(secret: string): string[] {
  const forms = new Set<string>([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  // Base64 of a longer text holding the secret: at each of the 3 byte alignments, the whole groups of 3
  // bytes inside the secret always encode to the same characters.
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const whole = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    forms.add(whole.toString('base64'));
    forms.add(whole.toString('base64url'));
  }
  return [...forms].filter((form) => form.length >= minimumFormLength);
}

/** A set of secrets' forms, searched in one pass over a text. */
export class SecretForms {
  readonly #byKey = new Map<string, string[]>();
  #size = 0;

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  get size(): number {
    return this.#size;
  }

  add(secret: string): void {
    if (secret.length < 8) return;
    for (const form of formsOf(secret)) this.#change(form, +1);
  }

  remove(secret: string): void {
    if (secret.length < 8) return;
    for (const form of formsOf(secret)) this.#change(form, -1);
  }

  /** `text` with every form of every secret replaced by "[redacted]" (line breaks inside a form go with it). */
  redact(text: string): string {
    if (this.#size === 0 || text.length < minimumFormLength) return text;
    const { flat, origin } = withoutLineBreaks(text);
    const ranges: [number, number][] = [];
    for (let index = 0; index + keyLength <= flat.length; index++) {
      const candidates = this.#byKey.get(flat.slice(index, index + keyLength));
      if (!candidates) continue;
      const form = longestAt(flat, index, candidates);
      if (!form) continue;
      ranges.push([origin(index), origin(index + form.length - 1) + 1]);
      index += form.length - 1;
    }
    if (ranges.length === 0) return text;
    let out = '';
    let from = 0;
    for (const [start, end] of ranges) {
      out += text.slice(from, start) + redactedMark;
      from = end;
    }
    return out + text.slice(from);
  }

  /** A deep copy of `value` with every string redacted (keys too); never mutates its input. */
  redactDeep<T>(value: T): T {
    if (this.#size === 0) return value;
    return this.#deep(value, 0) as T;
  }

  #deep(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object' || depth > 32) return value;
    if (Array.isArray(value)) return value.map((item) => this.#deep(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[this.redact(key)] = this.#deep(child, depth + 1);
    return copy;
  }

  #change(form: string, by: 1 | -1): void {
    const key = form.slice(0, keyLength);
    const list = this.#byKey.get(key) ?? [];
    if (by > 0) {
      list.push(form);
      this.#byKey.set(key, list);
      this.#size += 1;
      return;
    }
    const at = list.indexOf(form);
    if (at < 0) return;
    list.splice(at, 1);
    this.#size -= 1;
    if (list.length === 0) this.#byKey.delete(key);
  }
}

function longestAt(text: string, index: number, candidates: string[]): string | undefined {
  let best: string | undefined;
  for (const form of candidates) if (text.startsWith(form, index) && (!best || form.length > best.length)) best = form;
  return best;
}

// Real line breaks, and JSON-escaped ones (a wrapped echo quoted inside a JSON string). Neither can be
// part of a base64 run, so removing them never joins two real characters into a false match.
const lineBreak = /\r\n|\r|\n|\\r\\n|\\r|\\n/g;

/** The text with its line breaks removed, and where each of its characters was in the original. */
function withoutLineBreaks(text: string): { flat: string; origin: (index: number) => number } {
  if (!/[\r\n]|\\[rn]/.test(text)) return { flat: text, origin: (index) => index };
  const origins: number[] = [];
  let flat = '';
  let from = 0;
  for (const match of text.matchAll(lineBreak)) {
    for (let index = from; index < match.index; index++) origins.push(index);
    flat += text.slice(from, match.index);
    from = match.index + match[0].length;
  }
  for (let index = from; index < text.length; index++) origins.push(index);
  flat += text.slice(from);
  return { flat, origin: (index) => origins[index] ?? text.length };
}

/**
 * The tickets main sent lately, so the log's last pass can redact an echo that reached it by another
 * way than the call that carried them. Bounded: the oldest are forgotten first (a ticket's echo comes
 * back in its own call's answer, seconds later).
 */
export class RecentSecrets {
  readonly forms = new SecretForms();
  readonly #order: string[] = [];
  readonly #limit: number;

  constructor(limit = 2_000) {
    this.#limit = limit;
  }

  remember(secret: string): void {
    if (secret.length < 8 || this.#order.includes(secret)) return;
    this.#order.push(secret);
    this.forms.add(secret);
    while (this.#order.length > this.#limit) {
      const oldest = this.#order.shift();
      if (oldest !== undefined) this.forms.remove(oldest);
    }
  }
}

/** The process's recent tickets (main only): the TRTC client remembers each, the log's redaction reads them. */
export const recentTickets = new RecentSecrets();
