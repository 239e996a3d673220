import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../app/event-bus';
import type { Caller } from '../rpc/dispatch';
import { type HttpHost, startHttpHost } from './http-host';

// What the browser host tells the dispatcher about a call's caller. The dispatcher is a stand-in.
const hosts: HttpHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function hostWith(dispatch: (name: string, input: unknown, caller?: Caller) => Promise<{ ok: true; value: unknown }>) {
  const rendererDir = await mkdtemp(join(tmpdir(), 'host-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  const host = await startHttpHost({ services: { events: new EventBus(), dispatch }, rendererDir, token: 'test-token' });
  hosts.push(host);
  return host;
}

const call = (host: HttpHost, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${host.port}/rpc/system.info`, {
    method: 'POST',
    headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
    body: '{}',
    ...init,
  });

describe("the browser host's caller signal", () => {
  it('says the call came over the browser transport, and leaves the signal alone once the answer is sent', async () => {
    const callers: Array<Caller | undefined> = [];
    const host = await hostWith(async (_name, _input, caller) => {
      callers.push(caller);
      return { ok: true, value: 'done' };
    });
    expect(await (await call(host)).json()).toEqual({ ok: true, value: 'done' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callers.map((caller) => [caller?.transport, caller?.signal?.aborted])).toEqual([['browser', false]]);
  });

  it('aborts the signal when the client goes away before the answer', async () => {
    let aborted: () => void = () => undefined;
    const abortSeen = new Promise<void>((resolve) => {
      aborted = resolve;
    });
    let entered: () => void = () => undefined;
    const inCall = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const host = await hostWith(async (_name, _input, caller) => {
      caller?.signal?.addEventListener('abort', () => aborted(), { once: true });
      entered();
      await abortSeen;
      return { ok: true, value: 'too late' };
    });
    const client = new AbortController();
    const pending = call(host, { signal: client.signal }).catch((error: unknown) => error);
    await inCall;
    client.abort();
    await abortSeen;
    expect(await pending).toBeInstanceOf(Error);
  });
});
