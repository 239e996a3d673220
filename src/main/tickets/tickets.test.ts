import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { Api } from 'tls-sig-api-v2';
import { describe, expect, it } from 'vitest';
import { decodeTicket } from './ticket-codec';
import { generatePrivateMapKey, generateUserSig } from './ticket-generator';
import { inspectTicket, type SigningApp } from './ticket-verifier';

const key = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const app: SigningApp = { appId: 'a1', label: 'Main', sdkAppId: 1400000001, sdkSecretKey: key };
const otherKey: SigningApp = { ...app, sdkSecretKey: `${key.slice(0, -1)}f` };

function rewrite(ticket: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(inflateSync(Buffer.from(ticket.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString());
  change(doc);
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}

describe('UserSig', () => {
  it('agrees with tls-sig-api-v2: same fields, signed by the app key', () => {
    const official = new Api(app.sdkAppId, key).genUserSig('robot_1', 600);
    const now = Date.now();
    const inspection = inspectTicket(official, app, now);
    expect(inspection).toMatchObject({ kind: 'userSig', userId: 'robot_1', sdkAppId: 1400000001, expireSeconds: 600, expired: false });
    expect(inspection.signature).toBe('valid');
    expect(inspection.valid).toBe(true);
    expect(Math.abs(Date.parse(inspection.issuedAt) - now)).toBeLessThan(2000);
    expect(Date.parse(inspection.expiresAt) - Date.parse(inspection.issuedAt)).toBe(600_000);

    const ours = generateUserSig({ sdkAppId: app.sdkAppId, sdkSecretKey: key, userId: 'robot_1', expirySeconds: 600 });
    expect(decodeTicket(ours)).toMatchObject({ identifier: 'robot_1', sdkAppId: 1400000001, expire: 600 });
    expect(inspectTicket(ours, app, now).valid).toBe(true);
  });

  it('says another key did not sign it', () => {
    const ticket = generateUserSig({ sdkAppId: app.sdkAppId, sdkSecretKey: key, userId: 'u', expirySeconds: 600 });
    expect(inspectTicket(ticket, otherKey, Date.now())).toMatchObject({ signature: 'invalid', valid: false });
    expect(inspectTicket(ticket, null, Date.now())).toMatchObject({ signature: 'unchecked', valid: false });
  });

  it('rejects a tampered ticket (any signed field changed)', () => {
    const ticket = generateUserSig({ sdkAppId: app.sdkAppId, sdkSecretKey: key, userId: 'robot_1', expirySeconds: 600 });
    const tampered = [
      rewrite(ticket, (doc) => {
        doc['TLS.identifier'] = 'robot_2';
      }),
      rewrite(ticket, (doc) => {
        doc['TLS.expire'] = 86400 * 365;
      }),
      rewrite(ticket, (doc) => {
        doc['TLS.time'] = (doc['TLS.time'] as number) + 3600;
      }),
      rewrite(ticket, (doc) => {
        doc['TLS.sdkappid'] = 1400000002;
      }),
    ];
    for (const bad of tampered) expect(inspectTicket(bad, app, Date.now()), bad).toMatchObject({ signature: 'invalid', valid: false });
  });

  it('says an old ticket is expired (fake clock past time + expire)', () => {
    const ticket = generateUserSig({ sdkAppId: app.sdkAppId, sdkSecretKey: key, userId: 'u', expirySeconds: 60 });
    expect(inspectTicket(ticket, app, Date.now() + 30_000)).toMatchObject({ expired: false, valid: true });
    expect(inspectTicket(ticket, app, Date.now() + 62_000)).toMatchObject({ expired: true, signature: 'valid', valid: false });
  });

  it('refuses text that is not a ticket with INVALID_INPUT', () => {
    for (const text of [
      'hello',
      'eJyrVkpJLVKyUkrLz7dSMjIwMlGqBQBBtwYO',
      rewrite(generateUserSig({ sdkAppId: 1, sdkSecretKey: key, userId: 'u', expirySeconds: 60 }), (doc) => {
        doc['TLS.ver'] = '1.0';
      }),
    ]) {
      expect(() => inspectTicket(text, app, Date.now())).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });

  it('validates UserId, expiry and SdkAppId before calling the package', () => {
    const bad = [
      { userId: 'robot ü', expirySeconds: 600, sdkAppId: 1 },
      { userId: 'x'.repeat(33), expirySeconds: 600, sdkAppId: 1 },
      { userId: '', expirySeconds: 600, sdkAppId: 1 },
      { userId: 'ok', expirySeconds: 10, sdkAppId: 1 },
      { userId: 'ok', expirySeconds: 600, sdkAppId: 0 },
      { userId: 'ok', expirySeconds: 600, sdkAppId: 2 ** 32 },
    ];
    for (const input of bad) {
      expect(() => generateUserSig({ ...input, sdkSecretKey: key }), JSON.stringify(input)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
  });
});

describe('PrivateMapKey', () => {
  it('round-trips a numeric room at the top of the range and the privilege bits', () => {
    const ticket = generatePrivateMapKey({
      sdkAppId: app.sdkAppId,
      sdkSecretKey: key,
      userId: 'robot_1',
      expirySeconds: 300,
      room: { type: 'numeric', id: 4_294_967_294 },
      privileges: 2 | 4 | 16,
    });
    const inspection = inspectTicket(ticket, app, Date.now());
    expect(inspection).toMatchObject({ kind: 'privateMapKey', signature: 'valid', valid: true, warnings: [] });
    expect(inspection.privateMap).toMatchObject({
      room: { type: 'numeric', id: 4_294_967_294 },
      privileges: 22,
      privilegeNames: ['enterRoom', 'sendAudio', 'sendVideo'],
      sdkAppId: 1400000001,
      userId: 'robot_1',
    });
    expect(Math.abs(Date.parse(inspection.privateMap?.expiresAt ?? '') - (Date.now() + 300_000))).toBeLessThan(2000);
  });

  it('round-trips any valid string room and UserId (property)', () => {
    const roomChars = 'abcXYZ019 !#$%&()+-:;<=.>?@[]^_{}|~,'.split('');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...roomChars), minLength: 1, maxLength: 64 }),
        fc.string({ unit: fc.constantFrom(...'aZ09_-'.split('')), minLength: 1, maxLength: 32 }),
        fc.integer({ min: 1, max: 255 }),
        (room, userId, privileges) => {
          const ticket = generatePrivateMapKey({
            sdkAppId: 20000001,
            sdkSecretKey: key,
            userId,
            expirySeconds: 600,
            room: { type: 'string', id: room },
            privileges,
          });
          const inspection = inspectTicket(ticket, { ...app, sdkAppId: 20000001 }, Date.now());
          expect(inspection.valid).toBe(true);
          expect(inspection.privateMap?.room).toEqual({ type: 'string', id: room });
          expect(inspection.privateMap?.privileges).toBe(privileges);
          expect(inspection.userId).toBe(userId);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses rooms the package would mangle', () => {
    const base = { sdkAppId: 1, sdkSecretKey: key, userId: 'u', expirySeconds: 600, privileges: 255 };
    const rooms = [
      { type: 'numeric', id: 4_294_967_295 },
      { type: 'numeric', id: 0 },
      { type: 'numeric', id: 1.5 },
      { type: 'string', id: '房间' },
      { type: 'string', id: 'x'.repeat(65) },
      { type: 'string', id: '' },
    ] as const;
    for (const room of rooms) {
      expect(() => generatePrivateMapKey({ ...base, room: room as never }), JSON.stringify(room)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
    expect(() => generatePrivateMapKey({ ...base, room: { type: 'numeric', id: 1 }, privileges: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
