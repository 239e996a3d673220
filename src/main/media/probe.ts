import type { HlsSummary, MediaProbe, ProbeOutcome } from '../../shared/contract/media';
import { checkMediaUrl } from '../../shared/media/url-rules';
import type { Clock } from '../app/clock';
import { summariseHlsPlaylist } from './probe-hls';
import { probeTcp } from './probe-tcp';

export interface ProbeOptions {
  clock: Clock;
  /** Cancels the probe (the user pressed cancel, or the app is closing). */
  signal?: AbortSignal;
  /** One deadline for the whole probe: every hop and the playlist body. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Largest playlist read, in bytes; a bigger body is cut there (a master playlist is a few KB). */
  maxPlaylistBytes?: number;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const hlsContentType = /mpegurl/i;

/**
 * Probes one entry's URL. Only that URL and the redirects it answers are requested (each hop is
 * checked against the same URL table first); HLS variant playlists and segments are never fetched.
 * HTTP: status, content type and length, redirects, and for HLS the playlist. RTMP: a TCP connect only.
 */
export async function probeMediaUrl(url: string, options: ProbeOptions): Promise<MediaProbe> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const result: MediaProbe = {
    at: new Date(options.clock.now()).toISOString(),
    outcome: 'unreachable',
    elapsedMs: 0,
    status: null,
    contentType: null,
    contentLength: null,
    redirects: [],
    hls: null,
    detail: null,
  };
  const finish = (outcome: ProbeOutcome, detail: string | null = null): MediaProbe => ({
    ...result,
    outcome,
    detail: detail?.slice(0, 500) ?? null,
    elapsedMs: Math.round(performance.now() - started),
  });

  const first = checkMediaUrl(url);
  if (!first.ok) return finish('not-probed', `The URL is not accepted (${first.problem}).`);

  try {
    if (first.scheme.kind === 'rtmp') {
      const target = new URL(first.url);
      await probeTcp(target.hostname, Number(target.port || first.scheme.defaultPort), signal);
      return finish('reachable', 'TCP connection only: the RTMP handshake and the stream itself were not checked.');
    }

    let current = first.url;
    for (let hop = 0; ; hop++) {
      const response = await fetch(current, {
        method: 'GET',
        redirect: 'manual',
        signal,
        headers: { Accept: '*/*', 'User-Agent': 'IngestDesk-probe' },
      });
      if (redirectStatuses.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) return { ...finish('http-error', `HTTP ${response.status} without a Location header`), status: response.status };
        let next: string;
        try {
          next = new URL(location, current).href;
        } catch {
          return finish('refused-redirect', `Redirect to an unreadable location: ${location}`);
        }
        const check = checkMediaUrl(next);
        if (!check.ok) return finish('refused-redirect', `Redirect to a refused URL (${check.problem}): ${next}`);
        if (check.scheme.kind !== 'file-or-stream') return finish('refused-redirect', `Redirect to a non-HTTP URL: ${next}`);
        if (hop >= (options.maxRedirects ?? 5)) return finish('too-many-redirects', `More than ${options.maxRedirects ?? 5} redirects`);
        result.redirects.push(next);
        current = next;
        continue;
      }
      result.status = response.status;
      result.contentType = response.headers.get('content-type')?.slice(0, 200) ?? null;
      const length = Number(response.headers.get('content-length'));
      result.contentLength = response.headers.has('content-length') && Number.isFinite(length) ? length : null;
      if (!response.ok) {
        await response.body?.cancel();
        return finish('http-error', `HTTP ${response.status} ${response.statusText}`.trim());
      }
      const looksHls = hlsContentType.test(result.contentType ?? '') || new URL(current).pathname.toLowerCase().endsWith('.m3u8');
      if (looksHls) result.hls = await readPlaylist(response, options.maxPlaylistBytes ?? 2 * 1024 * 1024);
      else await response.body?.cancel();
      return finish('reachable');
    }
  } catch (error) {
    if (options.signal?.aborted) return finish('cancelled');
    if (timeout.aborted) return finish('timeout', `No answer within ${options.timeoutMs ?? 10_000} ms`);
    return finish('unreachable', describeNetworkError(error));
  }
}

async function readPlaylist(response: Response, maxBytes: number): Promise<HlsSummary | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= maxBytes) {
      await reader.cancel();
      break;
    }
  }
  return summariseHlsPlaylist(Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'));
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
