import { Agent, request } from 'node:http';
import type { RunningHost } from '../../e2e/support/host';
import { answerValue, callHeaders } from '../../e2e/support/rpc';

/**
 * The host's contract over node:http with one kept-alive connection, for timed calls: the bare SDK
 * call it is compared with goes out the same way (the SDK's node-fetch sits on node:http), so the
 * figures compare the app's work, not two HTTP clients (Node's fetch costs about 0.7 ms more a call).
 * Same request as the page's and `rpc`'s: bearer token, the host's Origin, a JSON body. `hostMs` is
 * the host's own Server-Timing figure for the call (validation and handler), so the rest of the
 * round trip is the transport's.
 */
export function keepAliveRpc(host: Pick<RunningHost, 'origin' | 'token'>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(host.origin);
  const timedCall = <T>(name: string, input: unknown = {}): Promise<{ value: T; hostMs: number }> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const outgoing = request(
        {
          agent,
          hostname,
          port,
          method: 'POST',
          path: `/rpc/${name}`,
          headers: { ...callHeaders(host), 'Content-Length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const hostMs = Number(/dispatch;dur=([0-9.]+)/.exec(String(response.headers['server-timing']))?.[1] ?? Number.NaN);
            try {
              resolve({ value: answerValue<T>(name, Buffer.concat(chunks).toString('utf8')), hostMs });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { timedCall, close: () => agent.destroy() };
}
