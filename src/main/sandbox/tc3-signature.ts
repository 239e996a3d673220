import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error';

/** What the verifier needs of an HTTP request: headers lower-cased as Node gives them, raw body bytes. */
export interface SignedRequest {
  method: string;
  /** Path and query as received (`/` or `/?a=b`). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface VerifiedCaller {
  secretId: string;
}

/** Largest clock difference the real service tolerates between X-TC-Timestamp and its own time. */
export const maxSkewSeconds = 300;

const algorithm = 'TC3-HMAC-SHA256';
const authorizationPattern =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request, ?SignedHeaders=([a-z0-9;.-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Verifies a TencentCloud API 3.0 request signature (TC3-HMAC-SHA256) the way the real gateway does:
 * the credential scope's date must be the UTC date of X-TC-Timestamp, the service must be `service`,
 * content-type and host must be among the signed headers, and every signed header is canonicalised
 * from what was actually received, with the SHA-256 of the body as received.
 */
export function verifyTc3Signature(
  request: SignedRequest,
  options: { service: string; nowMs: number; secretKeyOf: (secretId: string) => string | undefined },
): VerifiedCaller {
  const authorization = single(request.headers.authorization);
  if (!authorization) throw new ApiError('AuthFailure.InvalidAuthorization', 'Authorization header is missing.');
  const match = authorizationPattern.exec(authorization.trim());
  if (!match) throw new ApiError('AuthFailure.InvalidAuthorization', `Authorization does not follow the ${algorithm} format.`);
  const [, secretId = '', scopeDate = '', service = '', signedHeaderList = '', signature = ''] = match;

  const timestampText = single(request.headers['x-tc-timestamp']);
  if (!timestampText || !/^\d{1,12}$/.test(timestampText))
    throw new ApiError('AuthFailure.InvalidAuthorization', 'X-TC-Timestamp is missing or not a unix time in seconds.');
  const timestamp = Number(timestampText);
  if (Math.abs(options.nowMs / 1000 - timestamp) > maxSkewSeconds)
    throw new ApiError(
      'AuthFailure.SignatureExpire',
      'Signature expired. Timestamp and server time cannot differ by more than five minutes: check your clock.',
    );

  const secretKey = options.secretKeyOf(secretId);
  if (secretKey === undefined) throw new ApiError('AuthFailure.SecretIdNotFound', 'The SecretId does not exist.');

  const signedHeaders = parseSignedHeaders(signedHeaderList);
  const canonicalHeaders = signedHeaders.map((name) => {
    const value = single(request.headers[name]);
    if (value === undefined) throw signatureFailure(`Signed header ${name} is not in the request.`);
    return `${name}:${value.trim().toLowerCase()}\n`;
  });
  if (scopeDate !== utcDate(timestamp)) throw signatureFailure('The credential scope date is not the UTC date of X-TC-Timestamp.');
  if (service !== options.service) throw signatureFailure(`The credential scope service must be ${options.service}.`);

  const [path = '/', query = ''] = request.url.split('?', 2);
  const canonicalRequest = [
    request.method.toUpperCase(),
    path,
    query,
    canonicalHeaders.join(''),
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
  const stringToSign = [algorithm, timestampText, `${scopeDate}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, scopeDate), service), 'tc3_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw signatureFailure('The provided credentials could not be validated. Please check your signature is correct.');
  return { secretId };
}

function parseSignedHeaders(list: string): string[] {
  const names = list.split(';');
  const sorted = [...new Set(names)].sort();
  if (names.some((name) => name === '') || sorted.join(';') !== list)
    throw new ApiError('AuthFailure.InvalidAuthorization', 'SignedHeaders must be lower-case header names, sorted, without repeats.');
  if (!names.includes('content-type') || !names.includes('host'))
    throw new ApiError('AuthFailure.InvalidAuthorization', 'SignedHeaders must include content-type and host.');
  return names;
}

function signatureFailure(message: string): ApiError {
  return new ApiError('AuthFailure.SignatureFailure', message);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function utcDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
