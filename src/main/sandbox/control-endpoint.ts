import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { type FaultBook, failureKinds } from './faults';
import { pathOf } from './sandbox-server';

export const controlPrefix = '/__sandbox/';

const ruleSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    failure: z.enum(failureKinds).optional(),
    failureTimes: z.number().int().min(1).max(1_000_000).optional(),
    failAfterProcessing: z.boolean().optional(),
    echo: z.enum(['base64', 'base64-wrapped']).optional(),
    error: z
      .object({ code: z.string().min(1).max(128), message: z.string().max(512).optional(), times: z.number().int().min(1).max(1_000_000) })
      .strict()
      .optional(),
  })
  .strict();

const commandSchema = z.union([
  z.object({ target: z.string().min(1).max(64), rule: ruleSchema }).strict(),
  z.object({ clear: z.literal(true), target: z.string().min(1).max(64).optional() }).strict(),
]);

/**
 * The standalone sandbox's control routes, on the API's own port but only with the control token:
 * `GET /__sandbox/faults`, `POST /__sandbox/faults` with `{target, rule}` or `{clear: true, target?}`,
 * `GET /__sandbox/tasks`, `GET /__sandbox/requests`.
 */
export function createControlEndpoint(token: string, faults: FaultBook, view: { tasks(): unknown; requests(): unknown }) {
  const expected = digest(`Bearer ${token}`);
  return (request: IncomingMessage, response: ServerResponse, body: Buffer): boolean => {
    const path = pathOf(request);
    if (!path.startsWith(controlPrefix)) return false;
    if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      reply(response, 401, { error: 'control token missing or wrong' });
      return true;
    }
    const route = `${request.method} ${path.slice(controlPrefix.length)}`;
    if (route === 'GET faults') reply(response, 200, faults.list());
    else if (route === 'GET tasks') reply(response, 200, view.tasks());
    else if (route === 'GET requests') reply(response, 200, view.requests());
    else if (route === 'POST faults') {
      const command = parseCommand(body);
      if (!command.success) reply(response, 400, { error: command.error });
      else {
        if ('clear' in command.data) faults.clear(command.data.target);
        else faults.set(command.data.target, command.data.rule);
        reply(response, 200, faults.list());
      }
    } else reply(response, 404, { error: 'unknown control route' });
    return true;
  };
}

function parseCommand(body: Buffer): { success: true; data: z.infer<typeof commandSchema> } | { success: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { success: false, error: 'body is not JSON' };
  }
  const parsed = commandSchema.safeParse(json);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: z.prettifyError(parsed.error) };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
