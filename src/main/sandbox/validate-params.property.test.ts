import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { maxRoomNumber, validateStart } from './validate-params';

const base = { SdkAppId: 1400000001, UserId: 'robot_1', UserSig: 'sig', StreamUrl: 'https://a.b/c.mp4' };
const codeOf = (body: Record<string, unknown>): string => {
  try {
    validateStart(body);
    return '';
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
};
const allowedRoomCharacters = 'abcXYZ0129 !#$%&()+-:;<=.>?@[]^_{}|~,';

describe('room id boundaries (property-based)', () => {
  it('accepts every integer room 1..4294967294 and refuses every other number', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: maxRoomNumber }), (room) => codeOf({ ...base, RoomId: String(room) }) === ''));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: maxRoomNumber + 1, max: 2 ** 40 })),
        (room) => codeOf({ ...base, RoomId: String(room) }) === 'InvalidParameter.RoomId',
      ),
    );
  });

  it('accepts 1..64 allowed characters as a string room and refuses any other character', () => {
    const allowed = fc.string({ unit: fc.constantFrom(...allowedRoomCharacters), minLength: 1, maxLength: 64 });
    fc.assert(fc.property(allowed, (room) => codeOf({ ...base, RoomIdType: 0, RoomId: room }) === ''));
    const foreign = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((c) => !allowedRoomCharacters.includes(c) && !/[a-zA-Z0-9]/.test(c));
    fc.assert(
      fc.property(
        allowed,
        foreign,
        (room, bad) => codeOf({ ...base, RoomIdType: 0, RoomId: `${room.slice(0, 63)}${bad}` }) === 'InvalidParameter.StrRoomId',
      ),
    );
    expect(codeOf({ ...base, RoomIdType: 0, RoomId: 'a'.repeat(65) })).toBe('InvalidParameter.StrRoomId');
  });
});
