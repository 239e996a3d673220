import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeStreamIngestBody,
  requestMessageKeys,
  roomIdProblem,
  startStreamIngestBody,
  startStreamIngestRequest,
  stopStreamIngestBody,
  tempoValues,
  updateStreamIngestBody,
} from './requests';
import { sites } from './sites';

const minimal = {
  SdkAppId: 1400000001,
  RoomId: '1234',
  RoomIdType: 1,
  UserId: 'robot_1',
  UserSig: 'eJwtzEEKgjAQheG7zFqC*abc_-1',
  StreamUrl: 'https://media.example.com/clip.mp4',
};

/** The message keys of a failed parse, by field path. */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    found[path] = [...(found[path] ?? []), issue.message];
  }
  return found;
}

const start = (patch: Record<string, unknown>) => startStreamIngestBody.safeParse({ ...minimal, ...patch });
const accepts = (patch: Record<string, unknown>) => expect(start(patch).success, JSON.stringify(patch)).toBe(true);
const refuses = (patch: Record<string, unknown>, field: string, key: string) => {
  const result = start(patch);
  expect(result.success, JSON.stringify(patch)).toBe(false);
  expect(problems(result)[field], JSON.stringify(patch)).toContain(`requests:${key}`);
};

describe('StartStreamIngest body', () => {
  it('accepts the minimal body and every optional field at its documented values', () => {
    accepts({});
    accepts({
      PrivateMapKey: 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1OKQMHlSkNhwc',
      SeekSecond: 30,
      AutoPush: true,
      RepeatNum: -1,
      MaxDuration: 60,
      Volume: 150,
      EnableProgress: true,
      Tempo: 1.25,
      IdleTimeout: 120,
    });
  });

  it('SdkAppId is a positive integer', () => {
    accepts({ SdkAppId: 1 });
    accepts({ SdkAppId: 4294967295 });
    refuses({ SdkAppId: 0 }, 'SdkAppId', 'sdkAppId.range');
    refuses({ SdkAppId: 4294967296 }, 'SdkAppId', 'sdkAppId.range');
    refuses({ SdkAppId: 1400000001.5 }, 'SdkAppId', 'sdkAppId.type');
    refuses({ SdkAppId: '1400000001' }, 'SdkAppId', 'sdkAppId.type');
    refuses({ SdkAppId: undefined }, 'SdkAppId', 'sdkAppId.type');
  });

  it('an integer room is 1..4294967294 written as digits', () => {
    accepts({ RoomIdType: 1, RoomId: '1' });
    accepts({ RoomIdType: 1, RoomId: '4294967294' });
    refuses({ RoomIdType: 1, RoomId: '0' }, 'RoomId', 'roomId.digits');
    refuses({ RoomIdType: 1, RoomId: '4294967295' }, 'RoomId', 'roomId.intRange');
    refuses({ RoomIdType: 1, RoomId: '99999999999999999999' }, 'RoomId', 'roomId.intRange');
    refuses({ RoomIdType: 1, RoomId: '0123' }, 'RoomId', 'roomId.digits');
    refuses({ RoomIdType: 1, RoomId: '-5' }, 'RoomId', 'roomId.digits');
    refuses({ RoomIdType: 1, RoomId: '12a' }, 'RoomId', 'roomId.digits');
    refuses({ RoomIdType: 1, RoomId: '1e3' }, 'RoomId', 'roomId.digits');
    refuses({ RoomIdType: 1, RoomId: ' 12' }, 'RoomId', 'roomId.digits');
    refuses({ RoomIdType: 1, RoomId: '' }, 'RoomId', 'roomId.required');
  });

  it('a string room is at most 64 bytes of the allowed characters', () => {
    accepts({ RoomIdType: 0, RoomId: 'a'.repeat(64) });
    accepts({ RoomIdType: 0, RoomId: 'Show #1: (live) {A|B} ~x, y=z? [q] @me ^_^ & 100% + $5 ; <> !' });
    accepts({ RoomIdType: 0, RoomId: '0123' });
    refuses({ RoomIdType: 0, RoomId: 'a'.repeat(65) }, 'RoomId', 'roomId.strTooLong');
    refuses({ RoomIdType: 0, RoomId: '' }, 'RoomId', 'roomId.required');
    for (const bad of ['a/b', 'a*b', 'a"b', "a'b", 'a\\b', 'a`b', 'a\nb', 'a\tb', '房间']) {
      refuses({ RoomIdType: 0, RoomId: bad }, 'RoomId', 'roomId.strCharacters');
    }
    // 22 three-byte characters are 66 bytes: too long although only 22 characters.
    refuses({ RoomIdType: 0, RoomId: '房'.repeat(22) }, 'RoomId', 'roomId.strTooLong');
  });

  it('RoomIdType is 0 or 1', () => {
    refuses({ RoomIdType: 2 }, 'RoomIdType', 'roomIdType.invalid');
    refuses({ RoomIdType: '1' }, 'RoomIdType', 'roomIdType.invalid');
  });

  it('UserId is at most 32 bytes of a-z A-Z 0-9 _ -', () => {
    accepts({ UserId: 'a'.repeat(32) });
    accepts({ UserId: 'Robot-01_x' });
    refuses({ UserId: 'a'.repeat(33) }, 'UserId', 'userId.tooLong');
    refuses({ UserId: '' }, 'UserId', 'userId.required');
    for (const bad of ['robot 1', 'robot.1', 'robot@x', '机器人', 'a+b']) refuses({ UserId: bad }, 'UserId', 'userId.characters');
  });

  it('StreamUrl is an absolute http(s)/rtmp(s) URL without whitespace or credentials', () => {
    for (const good of [
      'http://a.example/x.flv',
      'https://a.example/x.m3u8?t=1',
      'rtmp://live.example/app/key',
      'rtmps://live.example:443/app/key',
    ]) {
      accepts({ StreamUrl: good });
    }
    refuses({ StreamUrl: '' }, 'StreamUrl', 'streamUrl.required');
    // The media library's rule: a URL of another scheme is refused for its scheme.
    refuses({ StreamUrl: 'javascript:alert(1)' }, 'StreamUrl', 'streamUrl.scheme');
    refuses({ StreamUrl: 'file:///etc/passwd' }, 'StreamUrl', 'streamUrl.scheme');
    refuses({ StreamUrl: 'https://' }, 'StreamUrl', 'streamUrl.invalid');
    refuses({ StreamUrl: ' https://a.example/x.mp4' }, 'StreamUrl', 'streamUrl.whitespace');
    refuses({ StreamUrl: 'https://a.example/x.mp4\u0085' }, 'StreamUrl', 'streamUrl.whitespace');
    refuses({ StreamUrl: 'ftp://a.example/x.mp4' }, 'StreamUrl', 'streamUrl.scheme');
    refuses({ StreamUrl: 'https://a.example/x y.mp4' }, 'StreamUrl', 'streamUrl.whitespace');
    refuses({ StreamUrl: 'https://a.example/x.mp4\r\nX: 1' }, 'StreamUrl', 'streamUrl.whitespace');
    refuses({ StreamUrl: 'https://user:pw@a.example/x.mp4' }, 'StreamUrl', 'streamUrl.credentials');
    refuses({ StreamUrl: `https://a.example/${'x'.repeat(2048)}` }, 'StreamUrl', 'streamUrl.tooLong');
    refuses({ StreamUrl: 'not a url' }, 'StreamUrl', 'streamUrl.whitespace');
  });

  it('RepeatNum is -1 or 1..1000; 0 is invalid', () => {
    for (const good of [-1, 1, 2, 999, 1000]) accepts({ RepeatNum: good });
    for (const bad of [0, -2, 1001, 10000]) refuses({ RepeatNum: bad }, 'RepeatNum', 'repeatNum.range');
    refuses({ RepeatNum: 1.5 }, 'RepeatNum', 'repeatNum.type');
  });

  it('MaxDuration is 1..10080 minutes and only with RepeatNum -1', () => {
    accepts({ RepeatNum: -1, MaxDuration: 1 });
    accepts({ RepeatNum: -1, MaxDuration: 10080 });
    accepts({ RepeatNum: -1 });
    refuses({ RepeatNum: -1, MaxDuration: 0 }, 'MaxDuration', 'maxDuration.range');
    refuses({ RepeatNum: -1, MaxDuration: 10081 }, 'MaxDuration', 'maxDuration.range');
    refuses({ RepeatNum: -1, MaxDuration: 2.5 }, 'MaxDuration', 'maxDuration.type');
    refuses({ RepeatNum: 3, MaxDuration: 60 }, 'MaxDuration', 'maxDuration.onlyWithLoop');
    // RepeatNum left out means the default 1: no MaxDuration either.
    refuses({ MaxDuration: 60 }, 'MaxDuration', 'maxDuration.onlyWithLoop');
  });

  it('Volume is an integer 0..200', () => {
    for (const good of [0, 100, 200]) accepts({ Volume: good });
    refuses({ Volume: -1 }, 'Volume', 'volume.range');
    refuses({ Volume: 201 }, 'Volume', 'volume.range');
    refuses({ Volume: 50.5 }, 'Volume', 'volume.type');
  });

  it('Tempo is one of the seven documented speeds', () => {
    for (const good of tempoValues) accepts({ Tempo: good });
    for (const bad of [0, 0.25, 0.6, 1.1, 2.25, 3]) refuses({ Tempo: bad }, 'Tempo', 'tempo.invalid');
  });

  it('IdleTimeout is 0..600 seconds, SeekSecond is a non-negative integer', () => {
    for (const good of [0, 600]) accepts({ IdleTimeout: good });
    refuses({ IdleTimeout: -1 }, 'IdleTimeout', 'idleTimeout.range');
    refuses({ IdleTimeout: 601 }, 'IdleTimeout', 'idleTimeout.range');
    accepts({ SeekSecond: 0 });
    refuses({ SeekSecond: -1 }, 'SeekSecond', 'seekSecond.range');
    refuses({ SeekSecond: 0.5 }, 'SeekSecond', 'seekSecond.type');
  });

  it('AutoPush and EnableProgress are booleans', () => {
    refuses({ AutoPush: 'true' }, 'AutoPush', 'boolean.type');
    refuses({ EnableProgress: 1 }, 'EnableProgress', 'boolean.type');
  });

  it('UserSig and PrivateMapKey use the ticket alphabet', () => {
    refuses({ UserSig: '' }, 'UserSig', 'userSig.required');
    refuses({ UserSig: 'abc+/=' }, 'UserSig', 'userSig.characters');
    refuses({ UserSig: 'a'.repeat(8193) }, 'UserSig', 'userSig.tooLong');
    refuses({ PrivateMapKey: 'a b' }, 'PrivateMapKey', 'privateMapKey.characters');
  });

  it('never lets a deprecated or unknown field through', () => {
    for (const field of ['SourceUrl', 'VideoEncodeParams', 'AudioEncodeParams', 'Whatever']) {
      const result = start({ [field]: field === 'SourceUrl' ? ['https://a.example/x.mp4'] : {} });
      expect(result.success, field).toBe(false);
    }
  });

  it('agrees with a direct reading of the integer-room rule for any digit string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (value) => {
        const expected = value >= 1n && value <= 4294967294n;
        expect(roomIdProblem(1, value.toString()) === null).toBe(expected);
      }),
    );
  });

  it('every message is a key of the requests namespace', () => {
    const result = startStreamIngestBody.safeParse({ RoomIdType: 1, RoomId: 'x', SdkAppId: 'x', Tempo: 9, Volume: 'loud', Extra: 1 });
    expect(result.success).toBe(false);
    for (const issue of result.error?.issues ?? []) {
      if (issue.code === 'unrecognized_keys') continue;
      expect(requestMessageKeys.map((key) => `requests:${key}`)).toContain(issue.message);
    }
  });
});

describe('region of the account site', () => {
  it('accepts a region of the site and refuses one of the other site', () => {
    const international = startStreamIngestRequest('international');
    const china = startStreamIngestRequest('china');
    expect(international.safeParse({ Region: 'ap-singapore', Body: minimal }).success).toBe(true);
    const beijing = international.safeParse({ Region: 'ap-beijing', Body: minimal });
    expect(problems(beijing).Region).toContain('requests:region.notOfSite');
    expect(china.safeParse({ Region: 'ap-beijing', Body: minimal }).success).toBe(true);
    expect(problems(china.safeParse({ Region: 'mars-1', Body: minimal })).Region).toContain('requests:region.notOfSite');
    for (const region of sites.international.regions) expect(international.safeParse({ Region: region, Body: minimal }).success).toBe(true);
  });
});

describe('Describe, Update and Stop bodies', () => {
  it('need SdkAppId and TaskId', () => {
    for (const schema of [describeStreamIngestBody, stopStreamIngestBody, updateStreamIngestBody]) {
      expect(schema.safeParse({ SdkAppId: 1400000001, TaskId: 'task-1' }).success).toBe(true);
      expect(problems(schema.safeParse({ SdkAppId: 1400000001, TaskId: '' })).TaskId).toContain('requests:taskId.required');
      expect(problems(schema.safeParse({ SdkAppId: 1400000001, TaskId: 'a b' })).TaskId).toContain('requests:taskId.characters');
      expect(problems(schema.safeParse({ TaskId: 'x' })).SdkAppId).toContain('requests:sdkAppId.type');
      expect(schema.safeParse({ SdkAppId: 1400000001, TaskId: 'x', Extra: 1 }).success).toBe(false);
    }
  });

  it('Update applies the same ranges to what it changes', () => {
    const base = { SdkAppId: 1400000001, TaskId: 'task-1' };
    expect(updateStreamIngestBody.safeParse({ ...base, Volume: 200, Tempo: 2, IsPause: true, EnableProgress: false }).success).toBe(true);
    expect(problems(updateStreamIngestBody.safeParse({ ...base, Volume: 201 })).Volume).toContain('requests:volume.range');
    expect(problems(updateStreamIngestBody.safeParse({ ...base, Tempo: 3 })).Tempo).toContain('requests:tempo.invalid');
    expect(problems(updateStreamIngestBody.safeParse({ ...base, StreamUrl: 'file:///x' })).StreamUrl).toContain(
      'requests:streamUrl.scheme',
    );
    expect(updateStreamIngestBody.safeParse({ ...base, RepeatNum: 2 }).success).toBe(false);
  });
});
