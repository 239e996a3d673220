/// <reference lib="dom" />
// Its page.evaluate callbacks run in the page; benches (Node types only) import this file through the rpc helper.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Download, Page, Request, Response } from '@playwright/test';
import { artefactFile, register, runFolder } from './run-folder';

/** Fields of a call's input that carry a secret (accounts and presets contracts). */
const secretFields = new Set(['secretKey', 'sdkSecretKey', 'userSig', 'privateMapKey', 'ticket']);
/** Calls whose answer is a ticket the user asked for: the page shows it by design, so only that test's page may hold it. */
export const ticketToolCalls = new Set(['accounts.generateUserSig', 'accounts.generatePrivateMapKey', 'accounts.verifyTicket']);

/**
 * Records, for the secret scan, what a test's pages received and held: every RPC answer, the console,
 * every download, and at the end of the test the DOM, input values and storages of each open page. The
 * secrets the page sent (keys typed into forms) are registered, so the scan looks for them everywhere.
 */
export interface PageRecorder {
  finish(): Promise<void>;
  /** A call the page made over IPC (no request for the network events to see): its input and its answer. */
  ipcCall(call: string, input: unknown, answer: unknown): void;
}

export function recordPages(context: BrowserContext, testId: string): PageRecorder {
  if (!runFolder()) return { finish: async () => {}, ipcCall: () => {} };
  const id = randomUUID();
  const answers: { call: string; status: number; body: string }[] = [];
  const consoleLines: string[] = [];
  const pending: Promise<unknown>[] = [];

  const callOf = (url: string) => {
    const { pathname } = new URL(url);
    return pathname.startsWith('/rpc/') ? decodeURIComponent(pathname.slice(5)) : undefined;
  };
  const sent = (call: string, postData: string | null) => {
    for (const value of secretValues(postData)) {
      register({
        type: 'secret',
        value,
        source: `sent by the page (${call})`,
        ...(ticketToolCalls.has(call) ? { shownToTest: testId } : {}),
      });
    }
  };
  const answered = (call: string, status: number, body: string) => {
    answers.push({ call, status, body });
    if (ticketToolCalls.has(call)) {
      for (const value of secretValues(body)) register({ type: 'secret', value, source: `ticket tool (${call})`, shownToTest: testId });
    }
  };
  const onRequest = (request: Request) => {
    const call = callOf(request.url());
    if (call) sent(call, request.postData());
  };
  const onResponse = (response: Response) => {
    const call = callOf(response.url());
    if (!call) return;
    pending.push(
      response
        .text()
        .then((body) => answered(call, response.status(), body))
        .catch(() => {}),
    );
  };
  const onDownload = (download: Download) => {
    const file = artefactFile('downloads', `${randomUUID()}-${download.suggestedFilename().replace(/[^\w.-]/g, '_')}`);
    if (!file) return;
    pending.push(
      download
        .saveAs(file)
        .then(() => register({ type: 'artefact', path: file, kind: 'download', test: testId }))
        .catch(() => {}),
    );
  };
  const watch = (page: Page) => {
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.stack ?? error.message}`));
    page.on('download', onDownload);
  };
  context.on('request', onRequest);
  context.on('response', onResponse);
  context.on('page', watch);
  for (const page of context.pages()) watch(page);

  return {
    ipcCall(call, input, answer) {
      sent(call, JSON.stringify(input ?? null));
      answered(call, 200, JSON.stringify(answer ?? null));
    },
    async finish() {
      const pages = [];
      for (const page of context.pages())
        pages.push(await withTimeout(snapshot(page), 5000, { url: page.url(), error: 'the page did not answer' }));
      await withTimeout(Promise.all(pending), 10_000, undefined);
      context.off('request', onRequest);
      context.off('response', onResponse);
      context.off('page', watch);
      const pageFile = artefactFile('pages', `${id}.json`);
      const consoleFile = artefactFile('pages', `${id}.console.log`);
      if (!pageFile || !consoleFile) return;
      writeFileSync(pageFile, JSON.stringify({ pages, answers }, null, 1));
      writeFileSync(consoleFile, consoleLines.join('\n'));
      register({ type: 'artefact', path: pageFile, kind: 'page', test: testId });
      register({ type: 'artefact', path: consoleFile, kind: 'page-console', test: testId });
    },
  };
}

/** What a script in the page could read: the DOM, input values (not in the DOM), local and session storage. */
async function snapshot(page: Page): Promise<unknown> {
  if (page.isClosed()) return { closed: true };
  const content = await page.content();
  const state = await page.evaluate(() => ({
    inputs: [...document.querySelectorAll('input, textarea')].map((element) => (element as HTMLInputElement).value),
    local: { ...window.localStorage },
    session: { ...window.sessionStorage },
  }));
  return { url: page.url(), content, ...state };
}

/** String values of secret-named fields anywhere in a JSON text. */
export function secretValues(json: string | null): string[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const found: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key && secretFields.has(key)) found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  walk(parsed);
  return found;
}

function withTimeout<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}
