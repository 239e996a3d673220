import type { RunningHost } from './host';

/** Calls the host's contract as the page does (token in a header, the host's own Origin). */
export async function rpc<T>(host: RunningHost, name: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/rpc/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

/** A preset draft on the built-in sandbox app; `#duration=` tells the sandbox how long the media plays. */
export function sandboxDraft(name: string, patch: Record<string, unknown> = {}) {
  return {
    name,
    sdkAppId: 1400000001,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: '1234',
    userId: 'robot_1',
    media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=600' },
    repeatNum: 1,
    maxDuration: null,
    volume: 100,
    seekSecond: 0,
    autoPush: false,
    enableProgress: false,
    tempo: 1,
    idleTimeout: null,
    userSig: { mode: 'generate', expirySeconds: 600 },
    privateMapKey: { mode: 'none' },
    notes: '',
    tags: [],
    folder: '',
    ...patch,
  };
}
