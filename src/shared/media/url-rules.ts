/**
 * The one rule for media URLs, shared by the page's forms and main: the library (add, edit, import,
 * every redirect hop of a probe), presets and one-off launches (StreamUrl of StartStreamIngest) and
 * a running task's source switch (StreamUrl of UpdateStreamIngest); the sandbox applies it too.
 * TRTC's StartStreamIngest pulls HTTP(S) files and streams (MP4, HLS, FLV) and RTMP(S) streams;
 * nothing else is stored, requested or sent.
 */

export type MediaKind = 'file-or-stream' | 'rtmp';

export interface AcceptedScheme {
  /** As `URL.protocol` spells it, with the colon. */
  protocol: string;
  kind: MediaKind;
  /** Port used when the URL names none (for the RTMP connect check; HTTP ports come from URL). */
  defaultPort: number;
}

export const acceptedSchemes: readonly AcceptedScheme[] = [
  { protocol: 'http:', kind: 'file-or-stream', defaultPort: 80 },
  { protocol: 'https:', kind: 'file-or-stream', defaultPort: 443 },
  { protocol: 'rtmp:', kind: 'rtmp', defaultPort: 1935 },
  { protocol: 'rtmps:', kind: 'rtmp', defaultPort: 443 },
];

/** Longest accepted URL, in characters: room for signed CDN query strings, not for smuggled payloads. */
export const maxMediaUrlLength = 2048;

export const mediaUrlProblems = [
  'empty',
  'tooLong',
  'whitespace',
  'controlCharacter',
  'notAUrl',
  'scheme',
  'credentials',
  'noHost',
] as const;
export type MediaUrlProblem = (typeof mediaUrlProblems)[number];

/** English messages, for errors crossing the boundary; the page shows its translation of the same key. */
export const mediaUrlProblemMessages: Record<MediaUrlProblem, string> = {
  empty: 'Enter a URL.',
  tooLong: `The URL is longer than ${maxMediaUrlLength} characters.`,
  whitespace: 'The URL contains spaces, tabs or line breaks.',
  controlCharacter: 'The URL contains control characters.',
  notAUrl: 'This is not a valid URL.',
  scheme: 'Only http, https, rtmp and rtmps URLs can be used.',
  credentials: 'The URL contains a user name or password; remove them (use a signed URL instead).',
  noHost: 'The URL has no host.',
};

export type MediaUrlCheck =
  | { ok: true; url: string; normalised: string; scheme: AcceptedScheme }
  | { ok: false; problem: MediaUrlProblem; scheme?: string };

// Tabs, CR and LF are silently dropped by the WHATWG parser: a pasted "https://a\n.evil" would become
// another URL than the one shown. So the raw text is checked before parsing.
const whitespace = /\s/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/u;

/** Checks one URL as typed or imported; leading and trailing blanks are trimmed, inner ones refused. */
export function checkMediaUrl(raw: string): MediaUrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > maxMediaUrlLength) return { ok: false, problem: 'tooLong' };
  if (whitespace.test(text)) return { ok: false, problem: 'whitespace' };
  if (controlCharacter.test(text)) return { ok: false, problem: 'controlCharacter' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'notAUrl' };
  }
  const scheme = acceptedSchemes.find((candidate) => candidate.protocol === url.protocol);
  if (!scheme) return { ok: false, problem: 'scheme', scheme: url.protocol.replace(/:$/, '') };
  if (url.username !== '' || url.password !== '' || /^[^/]*\/\/[^/?#]*@/.test(text)) return { ok: false, problem: 'credentials' };
  if (url.hostname === '') return { ok: false, problem: 'noHost' };
  return { ok: true, url: text, normalised: normaliseMediaUrl(url), scheme };
}

/**
 * Checks a StreamUrl exactly as it will be sent: same rule as `checkMediaUrl`, but nothing is
 * trimmed (a blank at either end would go onto the wire).
 */
export function checkStreamUrl(raw: string): MediaUrlCheck {
  if (raw !== '' && raw.trim() !== raw) return { ok: false, problem: 'whitespace' };
  return checkMediaUrl(raw);
}

/**
 * The key duplicates are caught on: scheme and host lower-cased (the parser does it), default port
 * and fragment dropped. Path and query keep their case and order: servers and signed URLs depend on them.
 */
export function normaliseMediaUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  // Special schemes (http, https) lower-case the host already; rtmp ones do not.
  copy.hostname = copy.hostname.toLowerCase();
  if (copy.pathname === '') copy.pathname = '/';
  const scheme = acceptedSchemes.find((candidate) => candidate.protocol === copy.protocol);
  if (scheme && copy.port === String(scheme.defaultPort)) copy.port = '';
  return copy.href;
}

export function isMediaUrl(raw: string): boolean {
  return checkMediaUrl(raw).ok;
}
