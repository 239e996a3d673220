import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The browser host's gate. It listens on loopback only, but any web page the user visits can send
 * requests to loopback: a Host other than our own (DNS rebinding), an Origin other than our own
 * (cross-site) and a missing or wrong bearer token are all refused.
 */
export class RequestGuard {
  readonly #token: Buffer;
  readonly #hosts: Set<string>;
  readonly #origins: Set<string>;

  constructor(token: string, port: number) {
    this.#token = Buffer.from(token);
    this.#hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.#origins = new Set([...this.#hosts].map((host) => `http://${host}`));
  }

  /** Host and Origin checks, for every request including static files. */
  sameSite(request: IncomingMessage): boolean {
    const host = request.headers.host;
    if (!host || !this.#hosts.has(host.toLowerCase())) return false;
    const origin = request.headers.origin;
    return origin === undefined || this.#origins.has(origin.toLowerCase());
  }

  authorized(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match?.[1]) return false;
    const given = Buffer.from(match[1]);
    return given.length === this.#token.length && timingSafeEqual(given, this.#token);
  }
}
