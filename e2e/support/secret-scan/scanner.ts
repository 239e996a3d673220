import { createHash } from 'node:crypto';
import { minimumSecretLength, type Needle, needlesFor, type SecretForm } from './encodings';
import type { ArtefactKind } from './run-folder';
import { decodeTicket, findTickets } from './tickets';

export interface KnownSecret {
  value: string;
  /** Where the run got it (keychain entry, spec, page request): printed instead of the value. */
  source: string;
  /** The test that asked the ticket tool for it: its page may show it (the tool's purpose), nothing else may. */
  shownToTest?: string;
}

export interface Artefact {
  path: string;
  kind: ArtefactKind;
  test?: string;
  bytes: Buffer;
}

export interface Leak {
  artefact: string;
  kind: ArtefactKind;
  offset: number;
  /** What leaked, never the value: source, length and a hash prefix, or the ticket kind. */
  what: string;
  form: SecretForm | `${SecretForm} in lines` | 'ticket';
}

/** A secret's printable identity: enough to find it in the run, nothing that reveals it. */
export function describeSecret(secret: KnownSecret): string {
  const hash = createHash('sha256').update(secret.value).digest('hex').slice(0, 10);
  return `${secret.source} (${secret.value.length} chars, sha256 ${hash}…)`;
}

export class SecretScanner {
  readonly #secrets: { secret: KnownSecret; needles: Needle[] }[];
  /** Ticket signatures a test's page may show, by test. */
  readonly #shownSigs = new Map<string, Set<string>>();
  readonly tooShort: KnownSecret[] = [];
  /** Full tickets seen where they were allowed (the ticket tool's page): shows the decoder at work on the run's real artefacts. */
  ticketsShownOnRequest = 0;

  constructor(secrets: readonly KnownSecret[]) {
    const unique = new Map<string, KnownSecret>();
    for (const secret of secrets) {
      if (secret.value.length < minimumSecretLength) {
        this.tooShort.push(secret);
        continue;
      }
      const seen = unique.get(secret.value);
      // The same value may come from a spec and from the keychain: an allowance from either counts.
      if (!seen || (secret.shownToTest && !seen.shownToTest)) unique.set(secret.value, secret);
      if (secret.shownToTest) {
        const sig = decodeTicket(secret.value)?.sig;
        if (sig) this.#sigsOf(secret.shownToTest).add(sig);
      }
    }
    this.#secrets = [...unique.values()].map((secret) => ({ secret, needles: needlesFor(secret.value) }));
  }

  get size(): number {
    return this.#secrets.length;
  }

  scan(artefact: Artefact): Leak[] {
    const text = artefact.bytes.toString('latin1');
    const leaks: Leak[] = [];
    const shownHere = (secret: KnownSecret) =>
      artefact.kind === 'page' && secret.shownToTest !== undefined && secret.shownToTest === artefact.test;
    // Base64 wrapped in lines (an endpoint's echo of a body, a PEM-like dump): the same needles with
    // the line breaks, real or JSON-escaped, taken out. Offsets there are approximate.
    const flat = text.replace(/\r|\n|\\r|\\n/g, '');
    for (const { secret, needles } of this.#secrets) {
      if (shownHere(secret)) continue;
      const before = leaks.length;
      for (const needle of needles) {
        const offset = text.indexOf(needle.bytes);
        if (offset >= 0)
          leaks.push({ artefact: artefact.path, kind: artefact.kind, offset, what: describeSecret(secret), form: needle.form });
      }
      if (leaks.length > before || flat.length === text.length) continue;
      for (const needle of needles) {
        const offset = flat.indexOf(needle.bytes);
        if (offset >= 0)
          leaks.push({
            artefact: artefact.path,
            kind: artefact.kind,
            offset,
            what: describeSecret(secret),
            form: `${needle.form} in lines`,
          });
      }
    }
    const pageMayShow = artefact.kind === 'page' && artefact.test ? this.#shownSigs.get(artefact.test) : undefined;
    for (const ticket of findTickets(text)) {
      if (pageMayShow?.has(ticket.sig)) {
        this.ticketsShownOnRequest += 1;
        continue;
      }
      // Already reported as a known secret at the same place.
      if (leaks.some((leak) => leak.offset >= ticket.offset && leak.offset < ticket.offset + ticket.length)) continue;
      leaks.push({
        artefact: artefact.path,
        kind: artefact.kind,
        offset: ticket.offset,
        what: `a full ${ticket.kind} (found by decoding)`,
        form: 'ticket',
      });
    }
    return leaks;
  }

  #sigsOf(test: string): Set<string> {
    const sigs = this.#shownSigs.get(test) ?? new Set<string>();
    this.#shownSigs.set(test, sigs);
    return sigs;
  }
}
