import type { requests as en } from '../en/requests';

export const requests: typeof en = {
  sdkAppId: { type: 'SdkAppId 必须是整数。', range: 'SdkAppId 的范围是 1 到 4294967295。' },
  roomIdType: { invalid: '请选择数字房间或字符串房间。' },
  roomId: {
    required: '请输入房间号。',
    digits: '数字房间号只能包含数字，且不能以 0 开头。',
    intRange: '数字房间号的范围是 1 到 4294967294。',
    strTooLong: '字符串房间号最多 64 字节。',
    strCharacters: '字符串房间号只能使用字母、数字、空格和 ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,',
  },
  userId: {
    required: '请输入机器人 UserId。',
    tooLong: 'UserId 最多 32 字节。',
    characters: 'UserId 只能使用字母、数字、_ 和 -。',
  },
  streamUrl: {
    required: '请输入媒体 URL。',
    tooLong: 'URL 超过 2048 个字符。',
    whitespace: 'URL 中包含空格、换行或控制字符。',
    invalid: '这不是带主机名的完整 URL。',
    scheme: '云端只拉取 http、https、rtmp 和 rtmps 地址。',
    credentials: '请从 URL 中去掉用户名和密码。',
  },
  userSig: {
    required: '请粘贴 UserSig。',
    tooLong: '该 UserSig 过长。',
    characters: 'UserSig 只包含字母、数字、*、- 和 _。',
  },
  privateMapKey: {
    required: '请粘贴 PrivateMapKey。',
    tooLong: '该 PrivateMapKey 过长。',
    characters: 'PrivateMapKey 只包含字母、数字、*、- 和 _。',
  },
  repeatNum: { type: '重复次数必须是整数。', range: '重复次数为 -1（循环）或 1 到 1000；不能为 0。' },
  maxDuration: {
    type: '最长时长必须是整数分钟。',
    range: '最长时长为 1 到 10080 分钟（7 天）。',
    onlyWithLoop: '只有循环播放（重复次数 = -1）时才能设置最长时长。',
  },
  volume: { type: '音量必须是整数。', range: '音量范围是 0 到 200（100 为原始音量）。' },
  tempo: { invalid: '播放速度只能是 0.5、0.75、1.0、1.25、1.5、1.75 或 2.0。' },
  idleTimeout: { type: '空闲超时必须是整数秒。', range: '空闲超时范围是 0 到 600 秒。' },
  seekSecond: { type: '起播位置必须是整数秒。', range: '起播位置不能为负数。' },
  boolean: { type: '请选择开或关。' },
  taskId: { required: '请输入 TaskId。', tooLong: '该 TaskId 过长。', characters: 'TaskId 只能使用可打印的 ASCII 字符，且不能包含空格。' },
  region: { required: '请选择地域。', notOfSite: '该账号所在站点不支持此地域。' },
};
