import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { currentTest } from './current-test';
import { secretValues, ticketToolCalls } from './page-recorder';
import { artefactFile, register, runFolder } from './run-folder';

const sending = new Set(['fetch', 'get', 'post', 'put', 'patch', 'delete', 'head']);

/**
 * The `request` fixture, recorded for the secret scan: the answers of the host's RPC calls a spec makes
 * directly are what any client of the host receives, so they are scanned like the page's; the secrets
 * the spec sends are registered.
 */
export function recordRequests(request: APIRequestContext, testId: string): { request: APIRequestContext; finish(): Promise<void> } {
  if (!runFolder()) return { request, finish: async () => {} };
  const answers: { call: string; status: number; body: string }[] = [];
  const pending: Promise<unknown>[] = [];
  const wrapped = new Proxy(request, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !sending.has(property) || typeof value !== 'function') return value;
      return async (url: string, options?: { data?: unknown }) => {
        const response: APIResponse = await value.call(target, url, options);
        const call = callOf(response.url());
        if (call) {
          const sent = typeof options?.data === 'string' ? options.data : JSON.stringify(options?.data ?? null);
          const shownToTest = ticketToolCalls.has(call) ? { shownToTest: testId } : {};
          for (const secret of secretValues(sent))
            register({ type: 'secret', value: secret, source: `sent by a spec (${call})`, ...shownToTest });
          pending.push(
            response
              .text()
              .then((body) => {
                answers.push({ call, status: response.status(), body });
                if (ticketToolCalls.has(call))
                  for (const secret of secretValues(body))
                    register({ type: 'secret', value: secret, source: `ticket tool (${call})`, shownToTest: testId });
              })
              .catch(() => {}),
          );
        }
        return response;
      };
    },
  });
  return {
    request: wrapped,
    async finish() {
      await Promise.all(pending);
      if (answers.length === 0) return;
      const file = artefactFile('pages', `${randomUUID()}.rpc-answers.json`);
      if (!file) return;
      writeFileSync(file, JSON.stringify(answers, null, 1));
      register({ type: 'artefact', path: file, kind: 'page', test: testId });
    },
  };
}

function callOf(url: string): string | undefined {
  const { pathname } = new URL(url);
  return pathname.startsWith('/rpc/') ? decodeURIComponent(pathname.slice(5)) : undefined;
}

const directCallFiles = new Map<string, string>();

/**
 * The same for a spec's direct calls through `e2e/support/rpc.ts` (plain fetch): the secrets sent are
 * registered and the answer kept, one file per test.
 */
export function recordDirectCall(call: string, input: unknown, answer: string): void {
  if (!runFolder()) return;
  const test = currentTest() ?? 'outside a test';
  const shownToTest = ticketToolCalls.has(call) ? { shownToTest: test } : {};
  for (const secret of secretValues(JSON.stringify(input ?? null)))
    register({ type: 'secret', value: secret, source: `sent by a spec (${call})`, ...shownToTest });
  if (ticketToolCalls.has(call))
    for (const secret of secretValues(answer))
      register({ type: 'secret', value: secret, source: `ticket tool (${call})`, shownToTest: test });
  let file = directCallFiles.get(test);
  if (!file) {
    file = artefactFile('pages', `${randomUUID()}.direct-rpc.jsonl`);
    if (!file) return;
    directCallFiles.set(test, file);
    register({ type: 'artefact', path: file, kind: 'page', test });
  }
  appendFileSync(file, `${JSON.stringify({ call, answer })}\n`);
}
