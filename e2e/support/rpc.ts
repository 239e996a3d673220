import type { RunningHost } from './host';
import { recordDirectCall } from './secret-scan/request-recorder';

/** Calls the host's contract as the page does (token in a header, the host's own Origin). */
export async function rpc<T>(host: Pick<RunningHost, 'origin' | 'token'>, name: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/rpc/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  recordDirectCall(name, input, text);
  const result = JSON.parse(text) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}
