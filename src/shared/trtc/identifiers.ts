import { z } from 'zod';

/**
 * TRTC's identifier rules, checked before anything reaches tls-sig-api-v2 or the API: the package
 * runs account and room strings through `charCodeAt` (non-ASCII is mangled) and numeric rooms through
 * 32-bit bit operations (bigger numbers wrap), so out-of-range input must never get that far.
 */

/** Robot UserId: at most 32 bytes of `a-z A-Z 0-9 _ -` (ASCII, so bytes = characters). */
export const userIdPattern = /^[A-Za-z0-9_-]{1,32}$/;
export const userIdSchema = z.string().regex(userIdPattern, 'UserId: 1 to 32 characters of a-z A-Z 0-9 _ -');

/** Numeric room: 1..4294967294 (RoomIdType 1). */
export const maxNumericRoomId = 4_294_967_294;
export const numericRoomIdSchema = z.number().int().min(1).max(maxNumericRoomId);

/** String room: at most 64 bytes of letters, digits, space and `! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,`. */
export const stringRoomIdPattern = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
export const stringRoomIdSchema = z
  .string()
  .regex(stringRoomIdPattern, 'String room: 1 to 64 ASCII letters, digits, spaces or ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,');

export const roomSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('numeric'), id: numericRoomIdSchema }).strict(),
  z.object({ type: z.literal('string'), id: stringRoomIdSchema }).strict(),
]);
export type Room = z.infer<typeof roomSchema>;

/** SdkAppId: a positive 32-bit unsigned integer (the userbuf stores it in 4 bytes). */
export const sdkAppIdSchema = z.number().int().min(1).max(4_294_967_295);

/** PrivateMapKey privilege bits, lowest first. 255 = all. */
export const privilegeBits = [
  { name: 'createRoom', bit: 1 },
  { name: 'enterRoom', bit: 2 },
  { name: 'sendAudio', bit: 4 },
  { name: 'receiveAudio', bit: 8 },
  { name: 'sendVideo', bit: 16 },
  { name: 'receiveVideo', bit: 32 },
  { name: 'sendSubstream', bit: 64 },
  { name: 'receiveSubstream', bit: 128 },
] as const;
export type PrivilegeName = (typeof privilegeBits)[number]['name'];
export const privilegeMapSchema = z.number().int().min(1).max(255);

export function privilegeNames(map: number): PrivilegeName[] {
  return privilegeBits.filter(({ bit }) => (map & bit) !== 0).map(({ name }) => name);
}

/** Ticket lifetime: one minute to 180 days (what the console issues at most). */
export const minTicketExpirySeconds = 60;
export const maxTicketExpirySeconds = 180 * 24 * 3600;
export const ticketExpirySchema = z.number().int().min(minTicketExpirySeconds).max(maxTicketExpirySeconds);
