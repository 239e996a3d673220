import { ApiError } from './api-error';

/**
 * Parameter rules of the four stream-ingest actions, written from Tencent's API pages (not from the
 * app's own schemas, so that the sandbox catches the app's mistakes). Each failure carries the code
 * the real service answers; where Tencent documents no specific code, the common ones
 * (MissingParameter, InvalidParameterValue, UnknownParameter) are used.
 */

export interface StartParams {
  SdkAppId: number;
  RoomId: string;
  RoomIdType: 0 | 1;
  UserId: string;
  UserSig: string;
  StreamUrl: string;
  PrivateMapKey?: string;
  SeekSecond?: number;
  AutoPush?: boolean;
  RepeatNum: number;
  MaxDuration?: number;
  Volume: number;
  EnableProgress?: boolean;
  Tempo: number;
  IdleTimeout?: number;
}

export interface TaskParams {
  SdkAppId: number;
  TaskId: string;
}

export interface UpdateParams extends TaskParams {
  StreamUrl?: string;
  Volume?: number;
  IsPause?: boolean;
  EnableProgress?: boolean;
  Tempo?: number;
}

export const tempos = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0] as const;
export const maxRoomNumber = 4294967294;
const stringRoomPattern = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
const userIdPattern = /^[a-zA-Z0-9_-]{1,32}$/;
const maxStreamUrlLength = 4096;
const streamSchemes = ['http:', 'https:', 'rtmp:', 'rtmps:'];
const maxTaskIdLength = 512;
const maxSigLength = 8192;

type Body = Record<string, unknown>;

const startFields = [
  'SdkAppId',
  'RoomId',
  'RoomIdType',
  'UserId',
  'UserSig',
  'StreamUrl',
  'PrivateMapKey',
  'SeekSecond',
  'AutoPush',
  'RepeatNum',
  'MaxDuration',
  'Volume',
  'EnableProgress',
  'Tempo',
  'IdleTimeout',
  // Deprecated but still part of the API: accepted and ignored, as the service does.
  'SourceUrl',
  'VideoEncodeParams',
  'AudioEncodeParams',
];
const taskFields = ['SdkAppId', 'TaskId'];
const updateFields = [...taskFields, 'StreamUrl', 'Volume', 'IsPause', 'EnableProgress', 'Tempo'];

export function validateStart(body: Body): StartParams {
  rejectUnknown(body, startFields);
  const SdkAppId = sdkAppId(body);
  if (body.RoomId === undefined) throw new ApiError('MissingParameter.RoomId', 'RoomId is missing.');
  if (typeof body.RoomId !== 'string') throw typeError('RoomId', 'a string');
  const RoomIdType = body.RoomIdType === undefined ? 1 : body.RoomIdType;
  if (RoomIdType !== 0 && RoomIdType !== 1)
    throw new ApiError('InvalidParameterValue', 'RoomIdType must be 0 (string room) or 1 (integer room).');
  const RoomId = body.RoomId;
  if (RoomIdType === 1 && !isRoomNumber(RoomId))
    throw new ApiError('InvalidParameter.RoomId', `RoomId must be an integer from 1 to ${maxRoomNumber} when RoomIdType is 1.`);
  if (RoomIdType === 0 && (!stringRoomPattern.test(RoomId) || Buffer.byteLength(RoomId) > 64))
    throw new ApiError(
      'InvalidParameter.StrRoomId',
      'A string RoomId is 1 to 64 characters of letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,',
    );
  const UserId = requiredString(body, 'UserId');
  if (!userIdPattern.test(UserId)) throw new ApiError('InvalidParameterValue', 'UserId is 1 to 32 characters of a-z A-Z 0-9 _ -.');
  const UserSig = requiredString(body, 'UserSig');
  if (UserSig.length > maxSigLength) throw new ApiError('InvalidParameter.UserSig', 'UserSig is expired or wrong.');
  // Optional on the page "for historical reasons", but a task without media cannot start.
  if (body.StreamUrl === undefined || body.StreamUrl === '') throw new ApiError('InvalidParameter.StreamUrl', 'StreamUrl is missing.');
  const StreamUrl = streamUrl(body.StreamUrl);
  const params: StartParams = {
    SdkAppId,
    RoomId,
    RoomIdType,
    UserId,
    UserSig,
    StreamUrl,
    RepeatNum: 1,
    Volume: 100,
    Tempo: 1,
  };
  if (body.PrivateMapKey !== undefined) {
    if (typeof body.PrivateMapKey !== 'string') throw typeError('PrivateMapKey', 'a string');
    if (body.PrivateMapKey.length > maxSigLength) throw new ApiError('InvalidParameter.UserSig', 'PrivateMapKey is expired or wrong.');
    params.PrivateMapKey = body.PrivateMapKey;
  }
  if (body.SeekSecond !== undefined) params.SeekSecond = integerIn(body, 'SeekSecond', 0, 2 ** 31 - 1);
  if (body.AutoPush !== undefined) params.AutoPush = boolean(body, 'AutoPush');
  if (body.RepeatNum !== undefined) {
    const repeat = integer(body, 'RepeatNum');
    if (repeat !== -1 && (repeat < 1 || repeat > 1000)) throw new ApiError('InvalidParameterValue', 'RepeatNum is -1 (loop) or 1 to 1000.');
    params.RepeatNum = repeat;
  }
  if (body.MaxDuration !== undefined) params.MaxDuration = integerIn(body, 'MaxDuration', 1, 10080);
  if (body.Volume !== undefined) params.Volume = integerIn(body, 'Volume', 0, 200);
  if (body.EnableProgress !== undefined) params.EnableProgress = boolean(body, 'EnableProgress');
  if (body.Tempo !== undefined) params.Tempo = tempo(body);
  if (body.IdleTimeout !== undefined) params.IdleTimeout = integerIn(body, 'IdleTimeout', 0, 600);
  return params;
}

export function validateTaskCall(body: Body): TaskParams {
  rejectUnknown(body, taskFields);
  return { SdkAppId: sdkAppId(body), TaskId: taskId(body) };
}

export function validateUpdate(body: Body): UpdateParams {
  rejectUnknown(body, updateFields);
  const params: UpdateParams = { SdkAppId: sdkAppId(body), TaskId: taskId(body) };
  if (body.StreamUrl !== undefined) params.StreamUrl = streamUrl(body.StreamUrl);
  if (body.Volume !== undefined) params.Volume = integerIn(body, 'Volume', 0, 200);
  if (body.IsPause !== undefined) params.IsPause = boolean(body, 'IsPause');
  if (body.EnableProgress !== undefined) params.EnableProgress = boolean(body, 'EnableProgress');
  if (body.Tempo !== undefined) params.Tempo = tempo(body);
  return params;
}

function rejectUnknown(body: Body, known: string[]): void {
  const unknown = Object.keys(body).find((key) => !known.includes(key));
  if (unknown !== undefined)
    throw new ApiError('UnknownParameter', `The parameter ${unknown.slice(0, 64)} is not defined for this action.`);
}

function sdkAppId(body: Body): number {
  if (body.SdkAppId === undefined) throw new ApiError('MissingParameter.SdkAppId', 'SdkAppId is missing.');
  if (typeof body.SdkAppId !== 'number' || !Number.isSafeInteger(body.SdkAppId) || body.SdkAppId <= 0)
    throw new ApiError('InvalidParameter.SdkAppId', 'SdkAppId is incorrect.');
  return body.SdkAppId;
}

function taskId(body: Body): string {
  if (body.TaskId === undefined || body.TaskId === '') throw new ApiError('MissingParameter.TaskId', 'TaskId parameter missing.');
  if (typeof body.TaskId !== 'string' || body.TaskId.length > maxTaskIdLength)
    throw new ApiError('InvalidParameter.TaskId', 'TaskId parameter error.');
  return body.TaskId;
}

/**
 * Start and Update alike: an absolute http, https, rtmp or rtmps URL with a host, no blank or control
 * character anywhere (a CR/LF would split the pull request), no user name or password in it.
 */
function streamUrl(value: unknown): string {
  if (typeof value !== 'string') throw typeError('StreamUrl', 'a string');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (value.length > maxStreamUrlLength || /[\s\u0000-\u001f\u007f-\u009f]/u.test(value))
    throw new ApiError('InvalidParameter.StreamUrl', 'Invalid StreamUrl format: blanks or control characters.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError('InvalidParameter.StreamUrl', 'Invalid StreamUrl format.');
  }
  if (!streamSchemes.includes(url.protocol) || url.hostname === '')
    throw new ApiError('InvalidParameter.StreamUrl', 'Invalid StreamUrl format: an http, https, rtmp or rtmps URL is expected.');
  if (url.username !== '' || url.password !== '' || /^[^/]*\/\/[^/?#]*@/.test(value))
    throw new ApiError('InvalidParameter.StreamUrl', 'Invalid StreamUrl format: credentials are not accepted in the URL.');
  return value;
}

function tempo(body: Body): number {
  const value = body.Tempo;
  if (typeof value !== 'number') throw typeError('Tempo', 'a number');
  if (!(tempos as readonly number[]).includes(value))
    throw new ApiError('InvalidParameterValue', 'Tempo is one of 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0.');
  return value;
}

function requiredString(body: Body, name: string): string {
  const value = body[name];
  if (value === undefined || value === '') throw new ApiError('MissingParameter', `${name} is missing.`);
  if (typeof value !== 'string') throw typeError(name, 'a string');
  return value;
}

function integer(body: Body, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw typeError(name, 'an integer');
  return value;
}

function integerIn(body: Body, name: string, min: number, max: number): number {
  const value = integer(body, name);
  if (value < min || value > max) throw new ApiError('InvalidParameterValue', `${name} must be from ${min} to ${max}.`);
  return value;
}

function boolean(body: Body, name: string): boolean {
  const value = body[name];
  if (typeof value !== 'boolean') throw typeError(name, 'a boolean');
  return value;
}

function typeError(name: string, expected: string): ApiError {
  return new ApiError('InvalidParameter.BodyParamsError', `Failed to parse body parameters: ${name} must be ${expected}.`);
}

function isRoomNumber(text: string): boolean {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return false;
  return Number(text) <= maxRoomNumber;
}
