import { Api } from 'tls-sig-api-v2';
import { describe, expect, it } from 'vitest';
import { holdsTlsSignature, redacted, redactSecrets, redactText } from './redaction';

const api = new Api(1400000001, 'a'.repeat(64));
const userSig = api.genUserSig('robot_1', 86_400);
const privateMapKey = api.genPrivateMapKey('robot_1', 86_400, 1234, 255);
const stringRoomKey = api.genPrivateMapKeyWithStringRoomID('robot_1', 86_400, 'studio-a', 255);

describe('redactSecrets', () => {
  it('replaces fields named like a secret at any depth and in any case, and leaves the input untouched', () => {
    const input = {
      UserSig: 'x'.repeat(10),
      nested: { privateMapKey: 'pmk', deeper: [{ SECRETKEY: 'sk' }, { sdk_secret_key: 'ssk' }] },
      headers: { authorization: 'TC3-HMAC-SHA256 Credential=AKID/2026-11-27/trtc/tc3_request' },
      RoomId: '1234',
      Volume: 100,
      Empty: null,
    };
    const copy = JSON.parse(JSON.stringify(input));
    expect(redactSecrets(input)).toEqual({
      UserSig: redacted,
      nested: { privateMapKey: redacted, deeper: [{ SECRETKEY: redacted }, { sdk_secret_key: redacted }] },
      headers: { authorization: redacted },
      RoomId: '1234',
      Volume: 100,
      Empty: null,
    });
    expect(input).toEqual(copy);
  });

  it('finds a full UserSig or PrivateMapKey under any name and inside longer text', () => {
    const out = redactSecrets({
      Note: userSig,
      StreamUrl: `https://cdn.example.com/live.m3u8?token=${privateMapKey}`,
      message: `InvalidParameter.UserSig: bad signature ${stringRoomKey}, retry later`,
      list: [`prefix_${userSig}`],
    });
    const text = JSON.stringify(out);
    for (const secret of [userSig, privateMapKey, stringRoomKey]) expect(text).not.toContain(secret.slice(10, 60));
    expect(out.StreamUrl).toBe(`https://cdn.example.com/live.m3u8?token=${redacted}`);
    expect(out.message).toBe(`InvalidParameter.UserSig: bad signature ${redacted}, retry later`);
  });

  it('redacts usersig= style assignments and quoted TC3 authorization values in text', () => {
    expect(redactText('https://x.example/a.flv?usersig=abc123&room=1')).toBe(`https://x.example/a.flv?usersig=${redacted}&room=1`);
    expect(redactText('{"privateMapKey": "zzz"}')).toBe(`{"privateMapKey": "${redacted}"}`);
    expect(
      redactText('sent TC3-HMAC-SHA256 Credential=AKIDxx/2026-11-27/trtc/tc3_request, SignedHeaders=content-type;host, Signature=0a1b2c'),
    ).toBe(`sent ${redacted}`);
  });

  it('keeps ordinary long identifiers, URLs and base64 that is not a signature', () => {
    const taskId = '-ClPVPRhtpDqbuFpxcnpp1VcMUbaCv-7y9DhFKmqEMi_yWkMvhh0ZjLDtAFUtPOgLhpE4V52Q2PkiUNzQjAw';
    const url = 'https://media.example.com/library/2026/11/27/very-long-folder-name/another-folder/episode-0001-final-cut.mp4';
    const base64 = Buffer.from('x'.repeat(120)).toString('base64');
    expect(redactSecrets({ TaskId: taskId, StreamUrl: url, blob: base64 })).toEqual({ TaskId: taskId, StreamUrl: url, blob: base64 });
    expect(holdsTlsSignature(taskId)).toBe(false);
    expect(holdsTlsSignature(userSig)).toBe(true);
  });

  it('redacts a signature cut short (a truncated message still holds most of it)', () => {
    expect(holdsTlsSignature(userSig.slice(0, Math.floor(userSig.length * 0.6)))).toBe(true);
  });
});
