import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrtcSandbox } from './index';
import { app, clientSetup, startRequest, startTestSandbox } from './test-support/fixture';
import { codeOf, sandboxClient, type TrtcClient } from './test-support/sdk-client';

let sandbox: TrtcSandbox;
let client: TrtcClient;
let roomCounter = 5000;
beforeAll(async () => {
  // Generous limits: this file tests parameter rules, rate-limit.test.ts the limit itself.
  sandbox = await startTestSandbox({ maxConcurrentTasksPerApp: 1000, rateLimitPerSecond: 1000 });
  client = sandboxClient(sandbox.port, clientSetup);
});
afterAll(() => sandbox.close());

/** Start with one field changed (undefined removes it); a fresh integer room unless RoomId is given. */
function start(overrides: Record<string, unknown>): Promise<string> {
  const body: Record<string, unknown> = startRequest({ RoomId: String(++roomCounter), ...overrides });
  for (const key of Object.keys(overrides)) if (overrides[key] === undefined) delete body[key];
  return codeOf(client.request('StartStreamIngest', body));
}

describe('StartStreamIngest parameters', () => {
  it.each([
    ['SdkAppId missing', { SdkAppId: undefined }, 'MissingParameter.SdkAppId'],
    ['SdkAppId not an integer', { SdkAppId: 'abc' }, 'InvalidParameter.SdkAppId'],
    ['SdkAppId of no application', { SdkAppId: 1400999999 }, 'InvalidParameter.SdkAppId'],
    ['RoomId missing', { RoomId: undefined }, 'MissingParameter.RoomId'],
    ['RoomId a JSON number', { RoomId: 1234 }, 'InvalidParameter.BodyParamsError'],
    ['integer RoomId 0', { RoomId: '0' }, 'InvalidParameter.RoomId'],
    ['integer RoomId past 4294967294', { RoomId: '4294967295' }, 'InvalidParameter.RoomId'],
    ['integer RoomId with letters', { RoomId: 'room1' }, 'InvalidParameter.RoomId'],
    ['integer RoomId with a leading zero', { RoomId: '0123' }, 'InvalidParameter.RoomId'],
    ['string RoomId over 64 bytes', { RoomIdType: 0, RoomId: 'r'.repeat(65) }, 'InvalidParameter.StrRoomId'],
    ['string RoomId with a slash', { RoomIdType: 0, RoomId: 'a/b' }, 'InvalidParameter.StrRoomId'],
    ['string RoomId not ASCII', { RoomIdType: 0, RoomId: '房间' }, 'InvalidParameter.StrRoomId'],
    ['RoomIdType 2', { RoomIdType: 2 }, 'InvalidParameterValue'],
    ['UserId missing', { UserId: undefined }, 'MissingParameter'],
    ['UserId over 32 bytes', { UserId: 'u'.repeat(33) }, 'InvalidParameterValue'],
    ['UserId with a dot', { UserId: 'robot.1' }, 'InvalidParameterValue'],
    ['UserSig missing', { UserSig: undefined }, 'MissingParameter'],
    ['StreamUrl missing', { StreamUrl: undefined }, 'InvalidParameter.StreamUrl'],
    ['StreamUrl not a URL', { StreamUrl: 'clip.mp4' }, 'InvalidParameter.StreamUrl'],
    ['StreamUrl of another scheme', { StreamUrl: 'file:///clip.mp4' }, 'InvalidParameter.StreamUrl'],
    ['StreamUrl with spaces', { StreamUrl: 'https://a.b/my clip.mp4' }, 'InvalidParameter.StreamUrl'],
    ['RepeatNum 0', { RepeatNum: 0 }, 'InvalidParameterValue'],
    ['RepeatNum -2', { RepeatNum: -2 }, 'InvalidParameterValue'],
    ['RepeatNum 1001', { RepeatNum: 1001 }, 'InvalidParameterValue'],
    ['RepeatNum 1.5', { RepeatNum: 1.5 }, 'InvalidParameter.BodyParamsError'],
    ['MaxDuration 0', { RepeatNum: -1, MaxDuration: 0 }, 'InvalidParameterValue'],
    ['MaxDuration 10081', { RepeatNum: -1, MaxDuration: 10081 }, 'InvalidParameterValue'],
    ['Volume 201', { Volume: 201 }, 'InvalidParameterValue'],
    ['Volume -1', { Volume: -1 }, 'InvalidParameterValue'],
    ['Tempo 1.1', { Tempo: 1.1 }, 'InvalidParameterValue'],
    ['IdleTimeout 601', { IdleTimeout: 601 }, 'InvalidParameterValue'],
    ['SeekSecond -1', { SeekSecond: -1 }, 'InvalidParameterValue'],
    ['AutoPush a string', { AutoPush: 'yes' }, 'InvalidParameter.BodyParamsError'],
    ['a misspelt parameter', { RoomID: '1' }, 'UnknownParameter'],
  ])('%s: %s', async (_name, overrides, code) => {
    expect(await start(overrides)).toBe(code);
  });

  it.each([
    ['the smallest integer room', { RoomId: '1' }],
    ['the largest integer room', { RoomId: '4294967294' }],
    ['a 64-byte string room of every allowed character', { RoomIdType: 0, RoomId: 'aZ09 !#$%&()+-:;<=.>?@[]^_{}|~,'.padEnd(64, 'x') }],
    ['RepeatNum -1 with MaxDuration 10080', { RepeatNum: -1, MaxDuration: 10080 }],
    ['Volume 200', { Volume: 200 }],
    [
      'every optional field',
      { SeekSecond: 5, AutoPush: false, RepeatNum: 1000, Volume: 0, EnableProgress: true, Tempo: 0.75, IdleTimeout: 600 },
    ],
    ['an RTMP source', { StreamUrl: 'rtmp://live.example.com/app/stream' }],
  ])('accepts %s', async (_name, overrides) => {
    expect(await start(overrides)).toBe('');
  });
});

describe('Describe, Update and Stop parameters', () => {
  it.each([
    ['DescribeStreamIngest', { TaskId: 'x' }, 'MissingParameter.SdkAppId'],
    ['DescribeStreamIngest', { SdkAppId: app.sdkAppId }, 'MissingParameter.TaskId'],
    ['DescribeStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'x'.repeat(513) }, 'InvalidParameter.TaskId'],
    ['DescribeStreamIngest', { SdkAppId: 1400999999, TaskId: 'x' }, 'InvalidParameter.SdkAppId'],
    ['StopStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'unknown' }, 'InvalidParameter.TaskId'],
    ['UpdateStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'unknown' }, 'InvalidParameter.TaskId'],
    ['UpdateStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'x', Volume: 300 }, 'InvalidParameterValue'],
    ['UpdateStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'x', IsPause: 1 }, 'InvalidParameter.BodyParamsError'],
    ['UpdateStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'x', StreamUrl: 'nope' }, 'InvalidParameter.StreamUrl'],
    ['StopStreamIngest', { SdkAppId: app.sdkAppId, TaskId: 'x', RoomId: '1' }, 'UnknownParameter'],
  ])('%s %j: %s', async (action, body, code) => {
    expect(await codeOf(client.request(action, body))).toBe(code);
  });
});
