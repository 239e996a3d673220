/** Messages of the request schemas (src/shared/trtc/requests.ts): inline form errors. */
export const requests = {
  sdkAppId: { type: 'The SdkAppId is a whole number.', range: 'The SdkAppId is 1 to 4294967295.' },
  roomIdType: { invalid: 'Choose an integer or a string room.' },
  roomId: {
    required: 'Enter a room id.',
    digits: 'An integer room id is digits only, without a leading zero.',
    intRange: 'An integer room id is 1 to 4294967294.',
    strTooLong: 'A string room id is at most 64 bytes.',
    strCharacters: 'A string room id may use letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , only.',
  },
  userId: {
    required: 'Enter the robot UserId.',
    tooLong: 'The UserId is at most 32 bytes.',
    characters: 'The UserId may use letters, digits, _ and - only.',
  },
  streamUrl: {
    required: 'Enter the media URL.',
    tooLong: 'The URL is longer than 2048 characters.',
    whitespace: 'The URL contains a space, line break or control character.',
    invalid: 'This is not an absolute URL with a host.',
    scheme: 'The cloud pulls http, https, rtmp and rtmps URLs only.',
    credentials: 'Remove the user name and password from the URL.',
  },
  userSig: {
    required: 'Paste the UserSig.',
    tooLong: 'This UserSig is too long.',
    characters: 'A UserSig uses letters, digits, * - and _ only.',
  },
  privateMapKey: {
    required: 'Paste the PrivateMapKey.',
    tooLong: 'This PrivateMapKey is too long.',
    characters: 'A PrivateMapKey uses letters, digits, * - and _ only.',
  },
  repeatNum: { type: 'Repeats is a whole number.', range: 'Repeats is -1 (loop) or 1 to 1000; 0 is not allowed.' },
  maxDuration: {
    type: 'The maximum duration is a whole number of minutes.',
    range: 'The maximum duration is 1 to 10080 minutes (7 days).',
    onlyWithLoop: 'A maximum duration only applies when looping (repeats = -1).',
  },
  volume: { type: 'Volume is a whole number.', range: 'Volume is 0 to 200 (100 = original).' },
  tempo: { invalid: 'Tempo is one of 0.5, 0.75, 1.0, 1.25, 1.5, 1.75 and 2.0.' },
  idleTimeout: { type: 'The idle timeout is a whole number of seconds.', range: 'The idle timeout is 0 to 600 seconds.' },
  seekSecond: { type: 'The start offset is a whole number of seconds.', range: 'The start offset cannot be negative.' },
  boolean: { type: 'Choose on or off.' },
  taskId: {
    required: 'Enter the TaskId.',
    tooLong: 'This TaskId is too long.',
    characters: 'A TaskId uses printable ASCII characters only, without spaces.',
  },
  region: { required: 'Choose a region.', notOfSite: "This region is not available on the account's site." },
};
