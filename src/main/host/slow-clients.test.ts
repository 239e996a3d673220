import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../app/event-bus';
import { type HttpHost, type HttpHostOptions, startHttpHost } from './http-host';

// The host's own HTTP handling against raw sockets: a trickling body, a flood of connections, an event
// client that never reads. The dispatcher is a stand-in: these tests are about the transport alone.
const hosts: HttpHost[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function host(limits: HttpHostOptions['limits'] = {}) {
  const rendererDir = await mkdtemp(join(tmpdir(), 'host-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  const events = new EventBus();
  const started = await startHttpHost({
    services: { events, dispatch: async () => ({ ok: true, value: 'done' }) },
    rendererDir,
    token: 'test-token',
    limits,
  });
  hosts.push(started);
  return { host: started, events };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
    sockets.push(socket);
  });
}

/** Resolves with how long the server took to close the socket, or rejects after `withinMs`. */
function closedWithin(socket: Socket, withinMs: number): Promise<number> {
  const began = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${withinMs} ms`)), withinMs);
    socket.on('data', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - began);
    });
    socket.once('error', () => undefined);
  });
}

const post = (port: number, token: string, length: number) =>
  `POST /rpc/system.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('the browser host against slow and stuck clients', () => {
  it('closes the connection of a refused request at once, even while its body is still trickling in', async () => {
    const { host: running } = await host();
    const socket = await open(running.port);
    socket.write(`${post(running.port, 'wrong-token', 1000)}{`);
    const answer = new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(chunk.toString())));
    expect(await answer).toMatch(/^HTTP\/1\.1 401/);
    // One more byte every 200 ms: the host must not wait for the other 998.
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    try {
      expect(await closedWithin(socket, 2_000)).toBeLessThan(2_000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('gives an accepted request a bounded time for its whole body', async () => {
    const { host: running } = await host({ requestTimeoutMs: 1_000 });
    const socket = await open(running.port);
    socket.write(`${post(running.port, 'test-token', 1000)}{`);
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    try {
      // The timeout plus Node's check interval (1 s).
      expect(await closedWithin(socket, 4_000)).toBeGreaterThanOrEqual(900);
    } finally {
      clearInterval(trickle);
    }
  });

  it('caps the number of connections, and serves again once they are gone', async () => {
    const { host: running } = await host({ maxConnections: 8 });
    const idle = await Promise.all(Array.from({ length: 8 }, () => open(running.port)));
    const extra = await open(running.port);
    await closedWithin(extra, 2_000);
    expect((await running.stats()).connections).toBe(8);
    for (const socket of idle) socket.destroy();
    await expect.poll(async () => (await running.stats()).connections).toBe(0);
    const response = await fetch(`http://127.0.0.1:${running.port}/`);
    expect(response.status).toBe(200);
  });

  it('closes an event stream whose client stops reading; a reading client still gets every event', async () => {
    const { host: running, events } = await host({ maxUnreadEventBytes: 4 * 1024 * 1024 });
    const stuck = await open(running.port);
    stuck.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nAuthorization: Bearer test-token\r\n\r\n`);
    await new Promise((resolve) => stuck.once('data', resolve));
    stuck.pause();
    const reader = await fetch(`http://127.0.0.1:${running.port}/events`, { headers: { Authorization: 'Bearer test-token' } });
    const body = reader.body?.getReader();
    let received = 0;
    const reading = (async () => {
      for (;;) {
        const chunk = await body?.read();
        if (!chunk || chunk.done) return;
        received += (new TextDecoder().decode(chunk.value).match(/event: tasks\.changed/g) ?? []).length;
      }
    })();
    await expect.poll(async () => (await running.stats()).eventStreams).toBe(2);

    // 2,000 events of 10 KB: 20 MB for a client that reads nothing.
    const label = 'x'.repeat(10_000);
    for (let index = 0; index < 2_000; index++) {
      events.emit('tasks.changed', { id: String(index), label } as never);
      // Let the sockets drain between bursts, as a real stream of events would.
      if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(async () => (await running.stats()).eventStreams).toBe(1);
    expect((await running.stats()).unreadEventBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    await expect.poll(() => received, { timeout: 10_000 }).toBe(2_000);
    void body?.cancel();
    await reading.catch(() => undefined);
  });

  it('refuses event streams past the cap', async () => {
    const { host: running } = await host({ maxEventStreams: 2 });
    const headers = { Authorization: 'Bearer test-token' };
    const streams = [
      await fetch(`http://127.0.0.1:${running.port}/events`, { headers }),
      await fetch(`http://127.0.0.1:${running.port}/events`, { headers }),
    ];
    const third = await fetch(`http://127.0.0.1:${running.port}/events`, { headers });
    expect(streams.map((response) => response.status)).toEqual([200, 200]);
    expect(third.status).toBe(429);
    for (const response of streams) void response.body?.cancel();
  });
});
