import type { PresetDraft } from '../../src/shared/contract/presets';
import { sampleDraft } from '../../src/shared/test-support/samples';
import type { RunningHost } from './host';
import { recordDirectCall } from './secret-scan/request-recorder';

/** Calls the host's contract as the page does (token in a header, the host's own Origin). */
export async function rpc<T>(host: Pick<RunningHost, 'origin' | 'token'>, name: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/rpc/${name}`, { method: 'POST', headers: callHeaders(host), body: JSON.stringify(input) });
  const text = await response.text();
  recordDirectCall(name, input, text);
  return answerValue<T>(name, text);
}

/** The headers the page sends with a contract call. */
export function callHeaders(host: Pick<RunningHost, 'origin' | 'token'>): Record<string, string> {
  return { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' };
}

/** The value of a contract answer's envelope; a failure answer throws with its code and message. */
export function answerValue<T>(name: string, text: string): T {
  const result = JSON.parse(text) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

/** A preset draft on the built-in sandbox app; `#duration=` tells the sandbox how long the media plays. */
export function sandboxDraft(name: string, patch: Partial<PresetDraft> = {}): PresetDraft {
  return sampleDraft({ name, media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=600' }, ...patch });
}
