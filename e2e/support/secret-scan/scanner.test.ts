import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ArtefactKind } from './run-folder';
import { type Artefact, type KnownSecret, SecretScanner } from './scanner';

// The real generator the app uses, so the scanner is proven on real tickets.
type TicketApi = {
  genUserSig(userId: string, expire: number): string;
  genPrivateMapKey(userId: string, expire: number, room: number, bits: number): string;
};
const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => TicketApi };

const secretKey = randomBytes(24).toString('base64url');
const sdkSecretKey = randomBytes(32).toString('hex');
const api = new Api(1400000001, sdkSecretKey);
const userSig = api.genUserSig('robot_1', 600);
const privateMapKey = api.genPrivateMapKey('robot_1', 600, 1234, 255);
const known: KnownSecret[] = [
  { value: secretKey, source: 'keychain profile' },
  { value: sdkSecretKey, source: 'keychain app' },
];

const artefact = (text: string | Buffer, kind: ArtefactKind = 'data-dir', test?: string): Artefact => ({
  path: `artefact.${kind}`,
  kind,
  test,
  bytes: Buffer.isBuffer(text) ? text : Buffer.from(text),
});

describe('SecretScanner', () => {
  it('finds nothing in an artefact without secrets', () => {
    expect(new SecretScanner(known).scan(artefact(`{"profiles":[{"secretId":"AKID${randomBytes(8).toString('hex')}"}]}`))).toEqual([]);
  });

  it.each([
    ['raw', (secret: string) => `log line secretKey=${secret} end`],
    ['json-escaped', (secret: string) => JSON.stringify({ key: `"${secret}"` })],
    ['twice json-escaped', (secret: string) => JSON.stringify({ body: JSON.stringify({ key: `"${secret}"` }) })],
    ['url-encoded', (secret: string) => `https://x/?k=${encodeURIComponent(`${secret}/+=`)}`],
    ['base64', (secret: string) => Buffer.from(`A${secret}`).toString('base64')],
    ['base64', (secret: string) => Buffer.from(`AB${secret}xyz`).toString('base64')],
    ['base64url', (secret: string) => Buffer.from(`key: ${secret}`).toString('base64url')],
  ])('finds a planted secret in %s form', (_form, plant) => {
    const secret = `${randomBytes(12).toString('base64')}"\\ é`;
    const leaks = new SecretScanner([{ value: secret, source: 'planted' }]).scan(artefact(plant(secret)));
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0]?.what).toContain('planted');
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['JSON-escaped', '\\n'],
  ])('finds a ticket echoed in base64 wrapped at 64 columns (%s line breaks)', (_name, lineBreak) => {
    const body = JSON.stringify({ UserSig: userSig, PrivateMapKey: privateMapKey });
    const wrapped = (
      Buffer.from(body)
        .toString('base64')
        .match(/.{1,64}/g) ?? []
    ).join(lineBreak);
    const scanner = new SecretScanner([{ value: userSig, source: 'sent ticket' }]);
    const leaks = scanner.scan(artefact(`{"message":"echo: ${wrapped}"}`));
    expect(leaks.map((leak) => leak.form)).toEqual(['base64 in lines']);
  });

  it('never prints the secret itself', () => {
    const leaks = new SecretScanner(known).scan(artefact(`x${sdkSecretKey}x`));
    expect(leaks).toHaveLength(1);
    expect(JSON.stringify(leaks)).not.toContain(sdkSecretKey.slice(0, 12));
    expect(leaks[0]).toMatchObject({ form: 'raw', offset: 1, what: expect.stringContaining('keychain app (64 chars, sha256 ') });
  });

  it('finds a full UserSig and PrivateMapKey nobody registered, by decoding them', () => {
    const scanner = new SecretScanner(known);
    const leaks = scanner.scan(artefact(`{"params":{"UserSig":"${userSig}","PrivateMapKey":"${privateMapKey}"}}`));
    expect(leaks.map((leak) => leak.what)).toEqual(['a full userSig (found by decoding)', 'a full privateMapKey (found by decoding)']);
    // Its decoded form too (a log that printed the ticket's JSON).
    expect(scanner.scan(artefact('{"TLS.ver":"2.0","TLS.sig":"c2lnbmF0dXJlc2lnbmF0dXJlc2ln"}'))).toHaveLength(1);
    // A cut ticket is not a full one; neither is a redaction.
    expect(scanner.scan(artefact(`"UserSig":"${userSig.slice(0, 40)}" "PrivateMapKey":"[redacted]"`))).toEqual([]);
  });

  it('lets only the test that asked for a ticket see it in its page, nowhere else', () => {
    const scanner = new SecretScanner([...known, { value: userSig, source: 'generated on request', shownToTest: 'test-1' }]);
    const page = `<input value="${userSig}">`;
    expect(scanner.scan(artefact(page, 'page', 'test-1'))).toEqual([]);
    expect(scanner.ticketsShownOnRequest).toBe(1);
    expect(scanner.scan(artefact(page, 'page', 'test-2'))).toHaveLength(1);
    expect(scanner.scan(artefact(page, 'host-output', 'test-1'))).toHaveLength(1);
    expect(scanner.scan(artefact(page, 'download', 'test-1'))).toHaveLength(1);
  });

  it('reports each leak once per place, with its offset', () => {
    const registered = new SecretScanner([...known, { value: userSig, source: 'pasted' }]);
    const leaks = registered.scan(artefact(`0123${userSig}`));
    expect(leaks).toEqual([
      { artefact: 'artefact.data-dir', kind: 'data-dir', offset: 4, what: expect.stringContaining('pasted'), form: 'raw' },
    ]);
  });

  it('sets aside values too short to search for', () => {
    const scanner = new SecretScanner([{ value: 'abc', source: 'tiny' }, ...known]);
    expect(scanner.size).toBe(2);
    expect(scanner.tooShort.map((secret) => secret.source)).toEqual(['tiny']);
  });
});
