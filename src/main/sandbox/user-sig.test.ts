import { deflateSync, inflateSync } from 'node:zlib';
import { Api } from 'tls-sig-api-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrtcSandbox } from './index';
import { app, clientSetup, otherApp, startRequest, startTestSandbox } from './test-support/fixture';
import { codeOf, sandboxClient } from './test-support/sdk-client';
import { decodeTlsSig, parsePrivateMapKeyUserbuf } from './user-sig';

const signer = new Api(app.sdkAppId, app.sdkSecretKey);
let roomCounter = 1000;
/** A fresh room per call, so no two tasks collide on FailedOperation.TaskExist. */
const nextRoom = () => String(++roomCounter);

describe('UserSig and PrivateMapKey envelopes', () => {
  it('decodes what tls-sig-api-v2 generates', () => {
    const doc = decodeTlsSig(signer.genUserSig('robot_1', 300));
    expect(doc).toMatchObject({ identifier: 'robot_1', sdkAppId: app.sdkAppId, expire: 300 });
    expect(doc?.userbuf).toBeUndefined();
    expect(decodeTlsSig('not a sig')).toBeNull();
  });

  it('reads the PrivateMapKey userbuf for numeric and string rooms, up to the largest room number', () => {
    const now = Math.floor(Date.now() / 1000);
    const numeric = decodeTlsSig(signer.genPrivateMapKey('robot_1', 600, 4294967294, 42));
    const numericGrant = parsePrivateMapKeyUserbuf(numeric?.userbuf ?? '');
    expect(numericGrant).toMatchObject({
      account: 'robot_1',
      sdkAppId: app.sdkAppId,
      room: { type: 'numeric', roomId: 4294967294 },
      privilegeMap: 42,
    });
    expect(numericGrant?.expiresAt).toBeGreaterThanOrEqual(now + 599);

    const text = decodeTlsSig(signer.genPrivateMapKeyWithStringRoomID('robot_1', 600, 'Studio #1', 255));
    expect(parsePrivateMapKeyUserbuf(text?.userbuf ?? '')).toMatchObject({
      room: { type: 'string', roomId: 'Studio #1' },
      privilegeMap: 255,
    });
    expect(parsePrivateMapKeyUserbuf(Buffer.from([9, 0, 0]).toString('base64'))).toBeNull();
  });
});

describe('StartStreamIngest checks the robot’s tickets', () => {
  let sandbox: TrtcSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  const start = (overrides: Record<string, unknown>) =>
    codeOf(sandboxClient(sandbox.port, clientSetup).request('StartStreamIngest', startRequest({ RoomId: nextRoom(), ...overrides })));

  it('accepts a fresh UserSig for this app and user', async () => {
    expect(await start({})).toBe('');
  });

  it('refuses a UserSig of another app, another user, or tampered with', async () => {
    expect(await start({ UserSig: new Api(otherApp.sdkAppId, otherApp.sdkSecretKey).genUserSig('robot_1', 300) })).toBe(
      'InvalidParameter.UserSig',
    );
    expect(await start({ UserSig: new Api(otherApp.sdkAppId, app.sdkSecretKey).genUserSig('robot_1', 300) })).toBe(
      'InvalidParameter.UserSig',
    );
    expect(await start({ UserSig: signer.genUserSig('robot_2', 300) })).toBe('InvalidParameter.UserSig');
    expect(await start({ UserSig: tamper(signer.genUserSig('robot_1', 300), (doc) => ({ ...doc, 'TLS.expire': 86400 * 365 })) })).toBe(
      'InvalidParameter.UserSig',
    );
    expect(await start({ UserSig: 'eJyrVgrxCdYrSy1SslIyUqoFAE*5Bcg_' })).toBe('InvalidParameter.UserSig');
  });

  it('accepts a PrivateMapKey for the same numeric or string room with the enter-room bit', async () => {
    const room = nextRoom();
    expect(await start({ RoomId: room, PrivateMapKey: signer.genPrivateMapKey('robot_1', 600, Number(room), 2) })).toBe('');
    expect(
      await start({
        RoomId: 'Studio A',
        RoomIdType: 0,
        PrivateMapKey: signer.genPrivateMapKeyWithStringRoomID('robot_1', 600, 'Studio A', 255),
      }),
    ).toBe('');
  });

  it('refuses a PrivateMapKey for another room, of the other room type, or without the enter-room bit', async () => {
    expect(await start({ RoomId: '777', PrivateMapKey: signer.genPrivateMapKey('robot_1', 600, 778, 255) })).toBe(
      'InvalidParameter.UserSig',
    );
    expect(
      await start({
        RoomId: 'Studio B',
        RoomIdType: 0,
        PrivateMapKey: signer.genPrivateMapKeyWithStringRoomID('robot_1', 600, 'Studio C', 255),
      }),
    ).toBe('InvalidParameter.UserSig');
    // The same digits, but granted as a string room: the room type must match too.
    expect(await start({ RoomId: '779', PrivateMapKey: signer.genPrivateMapKeyWithStringRoomID('robot_1', 600, '779', 255) })).toBe(
      'InvalidParameter.UserSig',
    );
    expect(await start({ RoomId: '780', PrivateMapKey: signer.genPrivateMapKey('robot_1', 600, 780, 255 & ~2) })).toBe(
      'InvalidParameter.UserSig',
    );
    expect(await start({ RoomId: '781', PrivateMapKey: signer.genPrivateMapKey('robot_2', 600, 781, 255) })).toBe(
      'InvalidParameter.UserSig',
    );
  });
});

describe('expiry, on the sandbox’s auth clock', () => {
  it('refuses a UserSig or PrivateMapKey that expired, and accepts them just before', async () => {
    let offsetMs = 0;
    const sandbox = await startTestSandbox({ authClock: { now: () => Date.now() + offsetMs } });
    try {
      const client = sandboxClient(sandbox.port, clientSetup);
      const start = (overrides: Record<string, unknown>) =>
        codeOf(client.request('StartStreamIngest', startRequest({ RoomId: nextRoom(), ...overrides })));
      const shortSig = signer.genUserSig('robot_1', 60);
      const longSig = signer.genUserSig('robot_1', 3600);
      const shortKey = (room: string) => signer.genPrivateMapKey('robot_1', 60, Number(room), 255);
      offsetMs = 30_000;
      expect(await start({ UserSig: shortSig })).toBe('');
      const roomA = nextRoom();
      expect(await start({ RoomId: roomA, UserSig: longSig, PrivateMapKey: shortKey(roomA) })).toBe('');
      offsetMs = 120_000;
      expect(await start({ UserSig: shortSig })).toBe('InvalidParameter.UserSig');
      const roomB = nextRoom();
      expect(await start({ RoomId: roomB, UserSig: longSig, PrivateMapKey: shortKey(roomB) })).toBe('InvalidParameter.UserSig');
    } finally {
      await sandbox.close();
    }
  });
});

/** Decodes, edits and re-encodes a ticket without re-signing it. */
function tamper(ticket: string, edit: (doc: Record<string, unknown>) => Record<string, unknown>): string {
  const json = JSON.parse(inflateSync(Buffer.from(ticket.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString());
  return deflateSync(Buffer.from(JSON.stringify(edit(json))))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}
