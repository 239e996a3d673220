import type { EventMap, EventName, Result } from '../../../shared/contract';
import type { Transport } from './transport';

const tokenKey = 'ingest-desk.token';

/**
 * The token arrives once in the address (`?token=`); it is moved to session storage and removed from
 * the address bar so it does not linger in history or screenshots.
 */
export function takeHostToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(tokenKey);
}

export function createHttpTransport(token: string): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const headers = { Authorization: `Bearer ${token}` };

  async function call(name: string, input: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'NETWORK_ERROR', message: `The app host did not answer: ${String(error)}` } };
    }
  }

  // One event stream, read with fetch so the token travels in a header rather than the URL.
  async function stream(): Promise<void> {
    for (;;) {
      try {
        const response = await fetch('/events', { headers });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            dispatchFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // The host restarted or the network blipped: reconnect after a pause.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  function dispatchFrame(frame: string): void {
    let event = '';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!event || !data) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  void stream();

  return {
    kind: 'browser',
    call: call as Transport['call'],
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
