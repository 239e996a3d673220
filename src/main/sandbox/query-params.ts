import { ApiError } from './api-error';

/** GET requests carry their parameters in the query string; the API declares each one's type. */
const integers = new Set(['SdkAppId', 'RoomIdType', 'SeekSecond', 'RepeatNum', 'MaxDuration', 'Volume', 'IdleTimeout']);
const numbers = new Set(['Tempo']);
const booleans = new Set(['AutoPush', 'EnableProgress', 'IsPause']);

/** The documented limit of a GET request. */
export const maxQueryBytes = 32 * 1024;

/**
 * Reads a GET request's parameters into the JSON shape a POST would carry: numbers and booleans by
 * the API's declared types. A value that does not parse stays a string, so the parameter rules
 * answer it as they answer a wrong JSON type.
 */
export function queryParameters(url: string): Record<string, unknown> {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  if (Buffer.byteLength(query) > maxQueryBytes) throw new ApiError('RequestSizeLimitExceeded', 'A GET request is limited to 32 KB.');
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(query)) fields[name] = typed(name, value);
  return fields;
}

function typed(name: string, value: string): unknown {
  if (integers.has(name) && /^-?\d{1,15}$/.test(value)) return Number(value);
  if (numbers.has(name) && /^-?\d{1,15}(\.\d{1,15})?$/.test(value)) return Number(value);
  if (booleans.has(name) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
