import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMediaUrl } from './probe';
import { fakeClock } from './test-support/media-test-kit';

const master = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
low/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.4d401f,mp4a.40.2"
mid/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080,CODECS="avc1.640028,mp4a.40.2"
high/index.m3u8
`;
const mediaPlaylist = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:0
#EXTINF:4.0,
seg0.ts
#EXTINF:4.0,
seg1.ts
#EXT-X-ENDLIST
`;

describe('probeMediaUrl against local servers', () => {
  const requested: string[] = [];
  const hung: ServerResponse[] = [];
  let server: Server;
  let base: string;
  const clock = fakeClock();

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = request.url ?? '/';
      requested.push(path);
      const redirect = (to: string, status = 302) => {
        response.writeHead(status, { Location: to });
        response.end();
      };
      if (path === '/clip.mp4') {
        response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '4096' });
        return void response.end(Buffer.alloc(4096));
      }
      if (path === '/hop1') return redirect('/hop2', 301);
      if (path === '/hop2') return redirect(`${base}/clip.mp4`, 307);
      if (path === '/to-file') return redirect('file:///etc/passwd');
      if (path === '/to-javascript') return redirect('javascript:alert(1)');
      if (path === '/to-rtmp') return redirect('rtmp://127.0.0.1/app/key');
      if (path.startsWith('/loop')) return redirect(`/loop${path.length}`);
      if (path === '/master.m3u8') {
        response.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' });
        return void response.end(master);
      }
      if (path === '/vod/index.m3u8') {
        response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        return void response.end(mediaPlaylist);
      }
      if (path === '/slow') {
        hung.push(response);
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const response of hung) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reports status, content type and length of a reachable file, with the time from the clock', async () => {
    const probe = await probeMediaUrl(`${base}/clip.mp4`, { clock });
    expect(probe).toMatchObject({
      at: '2026-11-27T12:00:00.000Z',
      outcome: 'reachable',
      status: 200,
      contentType: 'video/mp4',
      contentLength: 4096,
      redirects: [],
      hls: null,
    });
  });

  it('follows a redirect chain hop by hop and lists every hop', async () => {
    const probe = await probeMediaUrl(`${base}/hop1`, { clock });
    expect(probe.outcome).toBe('reachable');
    expect(probe.redirects).toEqual([`${base}/hop2`, `${base}/clip.mp4`]);
    expect(probe.contentType).toBe('video/mp4');
  });

  it.each([
    ['/to-file', /file:\/\/\/etc\/passwd/],
    ['/to-javascript', /scheme/],
    ['/to-rtmp', /non-HTTP/],
  ])('refuses to follow %s and requests nothing there', async (path, detail) => {
    requested.length = 0;
    const probe = await probeMediaUrl(`${base}${path}`, { clock });
    expect(probe.outcome).toBe('refused-redirect');
    expect(probe.detail).toMatch(detail);
    expect(requested).toEqual([path]);
  });

  it('stops after the redirect limit', async () => {
    const probe = await probeMediaUrl(`${base}/loop`, { clock, maxRedirects: 3 });
    expect(probe.outcome).toBe('too-many-redirects');
    expect(probe.redirects).toHaveLength(3);
  });

  it('reports a 404 as an HTTP error with its status', async () => {
    const probe = await probeMediaUrl(`${base}/missing.mp4`, { clock });
    expect(probe).toMatchObject({ outcome: 'http-error', status: 404, contentType: 'text/plain' });
  });

  it('gives up on a server that does not answer, at the deadline', async () => {
    const probe = await probeMediaUrl(`${base}/slow`, { clock, timeoutMs: 300 });
    expect(probe.outcome).toBe('timeout');
    expect(probe.elapsedMs).toBeGreaterThanOrEqual(250);
  });

  it('stops when cancelled', async () => {
    requested.length = 0;
    const controller = new AbortController();
    const pending = probeMediaUrl(`${base}/slow`, { clock, signal: controller.signal, timeoutMs: 60_000 });
    // Cancel once the server holds the request, so the abort hits a request in flight.
    await expect.poll(() => requested).toEqual(['/slow']);
    controller.abort();
    expect((await pending).outcome).toBe('cancelled');
  });

  it('reads an HLS master playlist: variants with bandwidth, resolution, codecs; fetches no variant', async () => {
    requested.length = 0;
    const probe = await probeMediaUrl(`${base}/master.m3u8`, { clock });
    expect(probe.outcome).toBe('reachable');
    expect(probe.hls).toEqual({
      type: 'master',
      variants: [
        { bandwidth: 800000, width: 640, height: 360, codecs: 'avc1.4d401e,mp4a.40.2', frameRate: null },
        { bandwidth: 2800000, width: 1280, height: 720, codecs: 'avc1.4d401f,mp4a.40.2', frameRate: 30 },
        { bandwidth: 5000000, width: 1920, height: 1080, codecs: 'avc1.640028,mp4a.40.2', frameRate: null },
      ],
      targetDuration: null,
      segments: null,
      live: null,
    });
    expect(requested).toEqual(['/master.m3u8']);
  });

  it('reads an HLS media playlist found by its .m3u8 path: target duration, segments, VOD', async () => {
    const probe = await probeMediaUrl(`${base}/vod/index.m3u8`, { clock });
    expect(probe.hls).toEqual({ type: 'media', variants: [], targetDuration: 4, segments: 2, live: false });
  });

  it('reports a closed port as unreachable', async () => {
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const probe = await probeMediaUrl(`http://127.0.0.1:${port}/a.mp4`, { clock });
    expect(probe.outcome).toBe('unreachable');
    expect(probe.detail).toMatch(/ECONNREFUSED/);
  });

  it('checks RTMP with a TCP connect only, and says so', async () => {
    const tcp = createTcpServer((socket) => socket.end());
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const port = (tcp.address() as AddressInfo).port;
    try {
      const probe = await probeMediaUrl(`rtmp://127.0.0.1:${port}/app/stream`, { clock });
      expect(probe.outcome).toBe('reachable');
      expect(probe.detail).toMatch(/TCP connection only/);
    } finally {
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
  });

  it('does not probe a URL outside the table', async () => {
    expect((await probeMediaUrl('file:///etc/passwd', { clock })).outcome).toBe('not-probed');
  });
});
