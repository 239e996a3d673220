import { Api } from 'tls-sig-api-v2';
import type { z } from 'zod';
import { AppError } from '../../shared/contract';
import { privilegeMapSchema, type Room, roomSchema, sdkAppIdSchema, ticketExpirySchema, userIdSchema } from '../../shared/trtc/identifiers';

/**
 * UserSig and PrivateMapKey through the official tls-sig-api-v2, after checking every input against
 * TRTC's rules: the package silently mangles non-ASCII and wraps room numbers beyond 32 bits.
 * Main process only (Node crypto and zlib); the result is a secret: never log it.
 */
export function generateUserSig(options: { sdkAppId: number; sdkSecretKey: string; userId: string; expirySeconds: number }): string {
  const { sdkAppId, userId, expirySeconds } = checked(options);
  return new Api(sdkAppId, options.sdkSecretKey).genUserSig(userId, expirySeconds);
}

export function generatePrivateMapKey(options: {
  sdkAppId: number;
  sdkSecretKey: string;
  userId: string;
  expirySeconds: number;
  room: Room;
  privileges: number;
}): string {
  const { sdkAppId, userId, expirySeconds } = checked(options);
  const room = parse(roomSchema, options.room, 'room');
  const privileges = parse(privilegeMapSchema, options.privileges, 'privileges');
  const api = new Api(sdkAppId, options.sdkSecretKey);
  return room.type === 'numeric'
    ? api.genPrivateMapKey(userId, expirySeconds, room.id, privileges)
    : api.genPrivateMapKeyWithStringRoomID(userId, expirySeconds, room.id, privileges);
}

function checked(options: { sdkAppId: number; sdkSecretKey: string; userId: string; expirySeconds: number }) {
  if (options.sdkSecretKey.length === 0) throw new AppError('INVALID_INPUT', 'The app has no SDK secret key');
  return {
    sdkAppId: parse(sdkAppIdSchema, options.sdkAppId, 'SdkAppId'),
    userId: parse(userIdSchema, options.userId, 'UserId'),
    expirySeconds: parse(ticketExpirySchema, options.expirySeconds, 'expiry'),
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('INVALID_INPUT', `${field}: ${result.error.issues[0]?.message ?? 'invalid'}`, { field });
  return result.data;
}
