import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MediaFile {
  body: Buffer | string;
  contentType: string;
}

export interface MediaServer {
  origin: string;
  /** Paths requested so far, in order. */
  requested: string[];
  close(): Promise<void>;
}

/**
 * A small origin for media on 127.0.0.1: serves byte ranges (what <video> asks for) and CORS headers
 * (what hls.js and mpegts.js need, since they fetch from the page); unknown paths answer 404.
 */
export async function startMediaServer(files: Record<string, MediaFile>): Promise<MediaServer> {
  const requested: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://media').pathname;
    requested.push(path);
    const file = files[path];
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Range' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      return void response.end();
    }
    if (!file) {
      response.writeHead(404, { ...cors, 'Content-Type': 'text/plain' });
      return void response.end('not found');
    }
    const body = Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body);
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : 0;
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      response.writeHead(206, {
        ...cors,
        'Content-Type': file.contentType,
        'Content-Length': String(end - start + 1),
        'Content-Range': `bytes ${start}-${end}/${body.length}`,
        'Accept-Ranges': 'bytes',
      });
      return void response.end(body.subarray(start, end + 1));
    }
    response.writeHead(200, { ...cors, 'Content-Type': file.contentType, 'Content-Length': String(body.length), 'Accept-Ranges': 'bytes' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
