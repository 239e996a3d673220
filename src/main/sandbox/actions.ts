import { ApiError } from './api-error';
import type { TaskBook } from './tasks';
import { enterRoomPrivilege, parsePrivateMapKeyUserbuf, verifyTlsSig } from './user-sig';
import { type StartParams, validateStart, validateTaskCall, validateUpdate } from './validate-params';

export const actionNames = ['StartStreamIngest', 'DescribeStreamIngest', 'UpdateStreamIngest', 'StopStreamIngest'] as const;
export type ActionName = (typeof actionNames)[number];

export function isActionName(value: string): value is ActionName {
  return (actionNames as readonly string[]).includes(value);
}

export interface ActionContext {
  tasks: TaskBook;
  /** The SDK secret key of a configured application. */
  sdkSecretKeyOf(sdkAppId: number): string | undefined;
  /** UserSig / PrivateMapKey time, unix seconds. */
  nowSeconds(): number;
}

/**
 * Runs one action on a parsed JSON body, in the request's region (X-TC-Region); answers the Response
 * fields other than RequestId. A task belongs to the region of its Start, as on the real service.
 */
export function runAction(
  action: ActionName,
  body: Record<string, unknown>,
  context: ActionContext,
  region: string,
): Record<string, unknown> {
  switch (action) {
    case 'StartStreamIngest': {
      const params = validateStart(body);
      checkTickets(params, context);
      return { TaskId: context.tasks.start(params, region) };
    }
    case 'DescribeStreamIngest': {
      const params = validateTaskCall(body);
      knownApp(params.SdkAppId, context);
      return { Status: context.tasks.describe(params.SdkAppId, params.TaskId, region) };
    }
    case 'UpdateStreamIngest': {
      const params = validateUpdate(body);
      knownApp(params.SdkAppId, context);
      context.tasks.update(params, region);
      return { Status: 'InProgress' };
    }
    case 'StopStreamIngest': {
      const params = validateTaskCall(body);
      knownApp(params.SdkAppId, context);
      context.tasks.stop(params.SdkAppId, params.TaskId, region);
      return {};
    }
  }
}

function knownApp(sdkAppId: number, context: ActionContext): string {
  const key = context.sdkSecretKeyOf(sdkAppId);
  if (key === undefined) throw new ApiError('InvalidParameter.SdkAppId', 'SdkAppId is incorrect: no such application.');
  return key;
}

/** The robot's UserSig, and the PrivateMapKey when one is sent: same envelope, same SDK secret key. */
function checkTickets(params: StartParams, context: ActionContext): void {
  const sdkSecretKey = knownApp(params.SdkAppId, context);
  const expected = { sdkAppId: params.SdkAppId, sdkSecretKey, identifier: params.UserId, nowSeconds: context.nowSeconds() };
  const userSig = verifyTlsSig(params.UserSig, expected);
  if (!userSig.ok) throw ticketError('UserSig', userSig.detail);
  if (params.PrivateMapKey === undefined) return;

  const key = verifyTlsSig(params.PrivateMapKey, expected);
  if (!key.ok) throw ticketError('PrivateMapKey', key.detail);
  const grant = key.value.userbuf === undefined ? null : parsePrivateMapKeyUserbuf(key.value.userbuf);
  if (!grant) throw ticketError('PrivateMapKey', 'carries no room grant');
  if (grant.account !== params.UserId || grant.sdkAppId !== params.SdkAppId)
    throw ticketError('PrivateMapKey', 'was issued for another user or application');
  if (grant.expiresAt < context.nowSeconds()) throw ticketError('PrivateMapKey', 'has expired');
  const roomMatches =
    params.RoomIdType === 1
      ? grant.room.type === 'numeric' && String(grant.room.roomId) === params.RoomId
      : grant.room.type === 'string' && grant.room.roomId === params.RoomId;
  if (!roomMatches) throw ticketError('PrivateMapKey', 'was issued for another room');
  if ((grant.privilegeMap & enterRoomPrivilege) === 0) throw ticketError('PrivateMapKey', 'does not grant entering the room');
}

function ticketError(what: 'UserSig' | 'PrivateMapKey', detail: string): ApiError {
  // The service documents one code for both tickets: "UserSig is expired or wrong".
  return new ApiError('InvalidParameter.UserSig', `${what} is expired or wrong: it ${detail}.`);
}
