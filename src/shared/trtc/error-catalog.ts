/**
 * What every TRTC error code (and the app's own "no trustworthy answer" situations) means for a
 * producer, and what to do about it, in English and Simplified Chinese. Codes the catalog does not
 * know fall back to their family (the part before the first dot), then to a generic entry.
 *
 * `retry` says whether a caller may retry on its own:
 * - `backoff`: safe to retry with backoff and jitter (the request was rejected before it did anything);
 * - `not-start`: safe for Describe/Update/Stop, but a StartStreamIngest with this outcome may have created
 *   a task (Start has no client token), so it is never retried automatically;
 * - `never`: retrying cannot help (auth, parameters, state).
 */
export type RetryClass = 'backoff' | 'not-start' | 'never';
export type CatalogLanguage = 'en' | 'zh-CN';

export interface ErrorAdvice {
  explanation: string;
  fix: string;
}

export interface CatalogEntry {
  retry: RetryClass;
  en: ErrorAdvice;
  'zh-CN': ErrorAdvice;
}

const entry = (retry: RetryClass, en: [string, string], zh: [string, string]): CatalogEntry => ({
  retry,
  en: { explanation: en[0], fix: en[1] },
  'zh-CN': { explanation: zh[0], fix: zh[1] },
});

/** Situations where the app got no answer it can trust; not TRTC codes. */
export const appOutcomeCodes = ['OUTCOME_UNKNOWN', 'TIMEOUT', 'NETWORK_ERROR'] as const;

export const errorCatalog = {
  // StartStreamIngest's own list.
  'FailedOperation.NotAllowed': entry(
    'never',
    [
      'The operation is not allowed for this application.',
      'Check in the TRTC console that the application is active, that stream ingest (relay/input online media) is enabled for it, and that the account is not in arrears.',
    ],
    ['该应用不允许此操作。', '请在 TRTC 控制台确认应用处于启用状态、已开通输入在线媒体流功能，并且账号没有欠费。'],
  ),
  'FailedOperation.NotRtmpFunction': entry(
    'never',
    [
      'The stream-ingest (RTMP/online media) feature is not enabled for this application.',
      'Enable the feature for this SdkAppId in the TRTC console (it may need a paid package), then launch again.',
    ],
    ['该应用未开通输入在线媒体流（RTMP）功能。', '请在 TRTC 控制台为该 SdkAppId 开通此功能（可能需要购买套餐），然后重新启动。'],
  ),
  'FailedOperation.RestrictedConcurrency': entry(
    'never',
    [
      'The application already runs as many stream-ingest tasks as it is allowed to at once.',
      'Stop a task you no longer need, or ask Tencent Cloud to raise the concurrency limit, then launch again.',
    ],
    ['该应用同时运行的输入流任务已达上限。', '请停止不再需要的任务，或联系腾讯云提高并发上限，然后重新启动。'],
  ),
  'FailedOperation.TaskExist': entry(
    'never',
    [
      'A stream-ingest task for this robot user already exists in this room.',
      'Use a different robot UserId, or find and stop the existing task first.',
    ],
    ['该房间中已存在此机器人用户的输入流任务。', '请换一个机器人 UserId，或先找到并停止现有任务。'],
  ),
  'InternalError.HttpParseFailed': entry(
    'backoff',
    ['The service could not parse the HTTP request.', 'Retry in a moment; if it keeps happening, report it with the RequestId.'],
    ['服务无法解析该 HTTP 请求。', '请稍后重试；如果持续出现，请带上 RequestId 反馈。'],
  ),
  'InternalError.InternalError': entry(
    'backoff',
    ['An internal error occurred in the TRTC service.', 'Retry in a moment; if it keeps happening, report it with the RequestId.'],
    ['TRTC 服务内部错误。', '请稍后重试；如果持续出现，请带上 RequestId 反馈。'],
  ),
  'InvalidParameter.BodyParamsError': entry(
    'never',
    [
      'The request body is malformed or has a parameter of the wrong type.',
      'Check the preview of the request body; the app validates it first, so this may mean the API changed. Report it with the RequestId.',
    ],
    ['请求体格式错误或参数类型不对。', '请查看请求体预览；应用会先校验，出现此错误可能表示接口有变化，请带上 RequestId 反馈。'],
  ),
  'InvalidParameter.RoomId': entry(
    'never',
    [
      'The room id is not valid: an integer room must be 1 to 4294967294.',
      'Correct the room id, and check that RoomIdType (integer or string) matches how your clients use the room.',
    ],
    ['房间号无效：数字房间号必须在 1 到 4294967294 之间。', '请更正房间号，并确认房间类型（数字或字符串）与客户端使用的一致。'],
  ),
  'InvalidParameter.SdkAppId': entry(
    'never',
    [
      'The SdkAppId is not valid or does not belong to this Tencent Cloud account.',
      'Check the SdkAppId in the TRTC console, and that the app uses the credential profile of the account that owns it.',
    ],
    ['SdkAppId 无效，或不属于该腾讯云账号。', '请在 TRTC 控制台核对 SdkAppId，并确认应用使用的是其所属账号的凭据。'],
  ),
  'InvalidParameter.StrRoomId': entry(
    'never',
    [
      'The string room id is not valid: at most 64 bytes of letters, digits, space and the allowed punctuation.',
      'Correct the room id, and check that RoomIdType is "string" only when your clients use string rooms.',
    ],
    [
      '字符串房间号无效：最多 64 字节，只能包含字母、数字、空格和允许的标点。',
      '请更正房间号，并确认只有客户端使用字符串房间时才选择字符串类型。',
    ],
  ),
  'InvalidParameter.StreamUrl': entry(
    'never',
    [
      'The media URL is not valid or cannot be used as a source.',
      'Check the URL (scheme, host, path) and that it is reachable from the internet; a preview in the media library helps.',
    ],
    ['媒体 URL 无效或无法作为输入源。', '请检查 URL（协议、主机、路径）以及它能否从公网访问；可以在媒体库中预览。'],
  ),
  'InvalidParameter.TaskId': entry(
    'never',
    [
      'The TaskId is not valid, or the task does not exist (any more).',
      'If you were stopping or updating the task, it has most likely ended already: refresh its status.',
    ],
    ['TaskId 无效，或任务（已经）不存在。', '如果正在停止或更新该任务，它很可能已经结束：请刷新其状态。'],
  ),
  'InvalidParameter.UserSig': entry(
    'never',
    [
      'The UserSig was refused: it is expired, was signed with another SDK secret key, or was made for another UserId or SdkAppId.',
      'Let the app generate the UserSig (needs the SDK secret key of this app), or paste a fresh one made for this exact robot UserId and SdkAppId.',
    ],
    [
      'UserSig 被拒绝：已过期、由其他 SDK 密钥签发，或对应的 UserId / SdkAppId 不一致。',
      '让应用自动生成 UserSig（需要该应用的 SDK 密钥），或粘贴为此机器人 UserId 和 SdkAppId 新生成的 UserSig。',
    ],
  ),
  'MissingParameter.RoomId': entry(
    'never',
    ['The request has no room id.', 'Enter a room id in the preset.'],
    ['请求缺少房间号。', '请在预设中填写房间号。'],
  ),
  'MissingParameter.SdkAppId': entry(
    'never',
    ['The request has no SdkAppId.', 'Choose an app in the preset.'],
    ['请求缺少 SdkAppId。', '请在预设中选择应用。'],
  ),
  'MissingParameter.TaskId': entry(
    'never',
    ['The request has no TaskId.', 'This is a bug in the app: report it with the RequestId.'],
    ['请求缺少 TaskId。', '这是应用的缺陷：请带上 RequestId 反馈。'],
  ),
  'ResourceInsufficient.RequestRejection': entry(
    'backoff',
    [
      'The service has no capacity for this request right now.',
      'Retry in a few minutes, or try another region close to your media source.',
    ],
    ['服务当前资源不足，拒绝了该请求。', '请几分钟后重试，或换一个离媒体源较近的地域。'],
  ),
  // Common errors of TencentCloud API 3.0.
  'AuthFailure.SignatureExpire': entry(
    'never',
    [
      "The request's timestamp is more than 5 minutes away from the server's time.",
      "Check your computer's clock and time zone (turn on automatic time), then launch again.",
    ],
    ['请求的时间戳与服务器时间相差超过 5 分钟。', '请检查电脑的时钟和时区（开启自动对时），然后重新启动。'],
  ),
  'AuthFailure.SignatureFailure': entry(
    'never',
    [
      'The request signature is wrong: the SecretKey does not match the SecretId.',
      'Re-enter the SecretKey of this credential profile (copy it again from the CAM console).',
    ],
    ['请求签名错误：SecretKey 与 SecretId 不匹配。', '请重新填写该凭据的 SecretKey（从访问管理控制台重新复制）。'],
  ),
  'AuthFailure.SecretIdNotFound': entry(
    'never',
    [
      'The SecretId does not exist, or it was deleted or disabled.',
      'Check the SecretId in the CAM console (API keys); create a new key pair if needed and update the profile.',
    ],
    ['SecretId 不存在，或已被删除或禁用。', '请在访问管理控制台（API 密钥）中核对；必要时新建密钥并更新凭据。'],
  ),
  'AuthFailure.InvalidSecretId': entry(
    'never',
    [
      'The SecretId is not valid (wrong format or not an API key).',
      'Copy the SecretId again from the CAM console and update the credential profile.',
    ],
    ['SecretId 无效（格式错误或不是 API 密钥）。', '请从访问管理控制台重新复制 SecretId 并更新凭据。'],
  ),
  'AuthFailure.InvalidAuthorization': entry(
    'never',
    [
      'The Authorization header is malformed.',
      'This should not happen with the official SDK: check a custom endpoint or proxy that may rewrite headers, and report it.',
    ],
    ['Authorization 请求头格式错误。', '使用官方 SDK 不应出现此错误：请检查可能改写请求头的自定义端点或代理，并反馈。'],
  ),
  'AuthFailure.UnauthorizedOperation': entry(
    'never',
    [
      'This key is not allowed to call the stream-ingest API (CAM permissions).',
      'Grant the sub-account a policy that allows trtc:StartStreamIngest (and Describe/Update/Stop), or use a key that has it.',
    ],
    [
      '该密钥无权调用输入流接口（访问管理权限不足）。',
      '请为子账号授予允许 trtc:StartStreamIngest（及查询/更新/停止）的策略，或换用有权限的密钥。',
    ],
  ),
  RequestLimitExceeded: entry(
    'backoff',
    ['Too many requests: the API allows 20 per second.', 'Wait a moment and retry; batch launches are throttled by the app.'],
    ['请求过于频繁：接口限制为每秒 20 次。', '请稍候再试；批量启动时应用会自动限速。'],
  ),
  'RequestLimitExceeded.UinLimitExceeded': entry(
    'backoff',
    [
      'Too many requests from this Tencent Cloud account.',
      'Wait a moment and retry; avoid running other tools on the same account at the same time.',
    ],
    ['该腾讯云账号的请求过于频繁。', '请稍候再试；避免同时用其他工具调用同一账号。'],
  ),
  'RequestLimitExceeded.IPLimitExceeded': entry(
    'backoff',
    ['Too many requests from this IP address.', 'Wait a moment and retry.'],
    ['该 IP 地址的请求过于频繁。', '请稍候再试。'],
  ),
  InternalError: entry(
    'backoff',
    ['An internal error occurred in the TRTC service.', 'Retry in a moment; if it keeps happening, report it with the RequestId.'],
    ['TRTC 服务内部错误。', '请稍后重试；如果持续出现，请带上 RequestId 反馈。'],
  ),
  ServiceUnavailable: entry(
    'backoff',
    ['The TRTC service is temporarily unavailable.', 'Retry in a moment.'],
    ['TRTC 服务暂时不可用。', '请稍后重试。'],
  ),
  UnsupportedRegion: entry(
    'never',
    [
      'The stream-ingest API is not available in this region for this site.',
      "Choose a region of the account's site (China or International) in the preset.",
    ],
    ['该站点的此地域不支持输入流接口。', '请在预设中选择该账号站点（中国站或国际站）支持的地域。'],
  ),
  'FailedOperation.TaskNotExist': entry(
    'never',
    ['The task does not exist: it has ended or was stopped.', 'Nothing to do: treat the task as stopped.'],
    ['任务不存在：已经结束或被停止。', '无需处理：视为任务已停止。'],
  ),
  InvalidAction: entry(
    'never',
    [
      'The API does not know this action (or not in this API version).',
      'Check a custom endpoint: it must point at the TRTC API (version 2019-07-22).',
    ],
    ['接口不认识该操作（或该版本中没有）。', '请检查自定义端点：它必须指向 TRTC 接口（版本 2019-07-22）。'],
  ),
  // The app's own situations: no answer it can trust.
  OUTCOME_UNKNOWN: entry(
    'not-start',
    [
      'The request was sent but no trustworthy answer came back (timeout or connection reset). The task may or may not have started, and it may be billing.',
      'It is not retried automatically, because a second Start could create a second task. Check whether a stream appears in the room (or in the console), then retry deliberately if it did not.',
    ],
    [
      '请求已发出，但没有收到可信的响应（超时或连接被重置）。任务可能已启动，也可能没有，并且可能正在计费。',
      '应用不会自动重试，因为再次启动可能创建第二个任务。请确认房间（或控制台）中是否出现该流，确实没有时再手动重试。',
    ],
  ),
  TIMEOUT: entry(
    'not-start',
    [
      'The service did not answer in time.',
      'For a Start the outcome is unknown: check the room before retrying. Other requests are safe to retry.',
    ],
    ['服务未在规定时间内响应。', '对于启动请求，结果未知：请先确认房间情况再重试。其他请求可以安全重试。'],
  ),
  NETWORK_ERROR: entry(
    'not-start',
    [
      'The request could not reach the TRTC API, or the connection broke.',
      'Check the network, proxy and custom endpoint. If a Start was already sent, its outcome is unknown: check before retrying.',
    ],
    ['请求无法到达 TRTC 接口，或连接中断。', '请检查网络、代理和自定义端点。如果启动请求已经发出，结果未知：请先确认再重试。'],
  ),
} satisfies Record<string, CatalogEntry>;

export type CatalogCode = keyof typeof errorCatalog;

/** Families for codes the catalog does not list, by the part before the first dot. */
export const familyFallbacks = {
  AuthFailure: entry(
    'never',
    ['Tencent Cloud refused the credentials.', 'Check the SecretId and SecretKey of the credential profile and your computer clock.'],
    ['腾讯云拒绝了该凭据。', '请检查凭据的 SecretId、SecretKey 以及电脑时钟。'],
  ),
  InvalidParameter: entry(
    'never',
    ['A parameter of the request is not valid.', 'Check the preset against the message and the request preview.'],
    ['请求中有参数无效。', '请对照错误信息和请求预览检查预设。'],
  ),
  InvalidParameterValue: entry(
    'never',
    ['A parameter value is not valid.', 'Check the preset against the message and the request preview.'],
    ['参数取值无效。', '请对照错误信息和请求预览检查预设。'],
  ),
  MissingParameter: entry(
    'never',
    ['A required parameter is missing.', 'Fill in every required field of the preset.'],
    ['缺少必填参数。', '请填写预设的所有必填项。'],
  ),
  UnknownParameter: entry(
    'never',
    ['The request has a parameter the API does not know.', 'Report it with the RequestId: the API may have changed.'],
    ['请求包含接口不认识的参数。', '请带上 RequestId 反馈：接口可能有变化。'],
  ),
  FailedOperation: entry(
    'never',
    ['The service refused the operation in the current state.', 'Read the message; check the task and the app in the TRTC console.'],
    ['服务在当前状态下拒绝了该操作。', '请阅读错误信息，并在 TRTC 控制台检查任务和应用。'],
  ),
  InternalError: entry(
    'backoff',
    ['An internal error occurred in the TRTC service.', 'Retry in a moment; if it keeps happening, report it with the RequestId.'],
    ['TRTC 服务内部错误。', '请稍后重试；如果持续出现，请带上 RequestId 反馈。'],
  ),
  RequestLimitExceeded: entry('backoff', ['Too many requests.', 'Wait a moment and retry.'], ['请求过于频繁。', '请稍候再试。']),
  ResourceInsufficient: entry(
    'backoff',
    ['The service lacks the resources for this request right now.', 'Retry later.'],
    ['服务当前资源不足。', '请稍后重试。'],
  ),
  ResourceNotFound: entry(
    'never',
    ['Something the request refers to does not exist.', 'Check the SdkAppId, the TaskId and the region.'],
    ['请求引用的资源不存在。', '请检查 SdkAppId、TaskId 和地域。'],
  ),
  ResourceUnavailable: entry(
    'never',
    [
      'A resource the request needs is unavailable (for example the account is in arrears).',
      'Check the account and the app in the console.',
    ],
    ['请求所需的资源不可用（例如账号欠费）。', '请在控制台检查账号和应用。'],
  ),
  UnauthorizedOperation: entry(
    'never',
    ['This key is not allowed to do this.', 'Grant the needed CAM permissions to the sub-account, or use another key.'],
    ['该密钥无权执行此操作。', '请为子账号授予所需的访问管理权限，或换用其他密钥。'],
  ),
  UnsupportedOperation: entry(
    'never',
    ['The operation is not supported.', 'Read the message; the task or the app may not support it.'],
    ['不支持该操作。', '请阅读错误信息；任务或应用可能不支持该操作。'],
  ),
  LimitExceeded: entry(
    'never',
    ['A quota or limit was exceeded.', 'Free some capacity (stop tasks) or ask Tencent Cloud to raise the limit.'],
    ['超出配额或限制。', '请释放部分资源（停止任务），或联系腾讯云提高上限。'],
  ),
} satisfies Record<string, CatalogEntry>;

export const unknownErrorAdvice: CatalogEntry = entry(
  'never',
  [
    'The TRTC API answered with an error the app does not know.',
    'Read the message and the RequestId; check the TRTC documentation for this code.',
  ],
  ['TRTC 接口返回了应用不认识的错误。', '请阅读错误信息和 RequestId，并在 TRTC 文档中查找此错误码。'],
);

export type AdviceSource = 'code' | 'family' | 'unknown';

export interface ResolvedAdvice extends ErrorAdvice {
  retry: RetryClass;
  /** Whether the advice is for this exact code, for its family, or generic. */
  source: AdviceSource;
}

/** The explanation and fix for a code, in a language; falls back by family, then to a generic entry. */
export function adviceFor(code: string, language: CatalogLanguage): ResolvedAdvice {
  const exact = Object.hasOwn(errorCatalog, code) ? errorCatalog[code as CatalogCode] : undefined;
  if (exact) return { ...exact[language], retry: exact.retry, source: 'code' };
  const family = code.split('.')[0] ?? '';
  const byFamily = Object.hasOwn(familyFallbacks, family) ? familyFallbacks[family as keyof typeof familyFallbacks] : undefined;
  if (byFamily) return { ...byFamily[language], retry: byFamily.retry, source: 'family' };
  return { ...unknownErrorAdvice[language], retry: unknownErrorAdvice.retry, source: 'unknown' };
}

export type TrtcActionName = 'StartStreamIngest' | 'DescribeStreamIngest' | 'UpdateStreamIngest' | 'StopStreamIngest';

/** Whether a caller may retry this failure on its own. A Start is only retried when it surely did nothing. */
export function mayRetryAutomatically(code: string, action: TrtcActionName): boolean {
  const { retry } = adviceFor(code, 'en');
  if (retry === 'backoff') return true;
  return retry === 'not-start' && action !== 'StartStreamIngest';
}
