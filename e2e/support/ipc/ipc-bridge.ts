import { get } from 'node:http';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { preloadStandInScript } from './preload-stand-in';

export interface IpcHostAddress {
  origin: string;
  token: string;
}

export interface IpcBridge {
  /** `ipcRenderer.invoke` calls the page made (the proof that the page went over IPC). */
  invocations(): number;
}

/**
 * Carries the page's `ipcRenderer` to the IPC host (ipc-host.ts) through Playwright bindings: each
 * invoke with the URL and depth of the frame that sent it (the handlers' sender checks decide), and
 * what main sends the window back to the page. Installed on the context before the page loads.
 */
export async function bridgeIpc(
  context: BrowserContext,
  hostFor: (frameUrl: string) => IpcHostAddress | undefined,
  onCall: (call: string, input: unknown, answer: unknown) => void = () => {},
): Promise<IpcBridge> {
  let invocations = 0;
  const streams = new Map<Page, () => void>();

  await context.exposeBinding('__ingestDeskIpcInvoke', async ({ frame }: { frame: Frame }, channel: string, args: unknown[]) => {
    const host = hostFor(frame.url());
    if (!host) return { thrown: `no IPC host for ${frame.url()}` };
    invocations++;
    const response = await fetch(`${host.origin}/ipc`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel, args, frameUrl: frame.url(), isMainFrame: frame.parentFrame() === null }),
    });
    const answer = (await response.json()) as { value?: unknown; thrown?: string };
    onCall(channel.replace(/^rpc:/, ''), args[0], answer.value ?? answer);
    return answer;
  });

  await context.exposeBinding('__ingestDeskIpcSubscribe', async ({ page, frame }: { page: Page; frame: Frame }) => {
    const host = hostFor(frame.url());
    if (!host || streams.has(page)) return;
    const { port } = new URL(host.origin);
    await new Promise<void>((resolve) => {
      const request = get(
        { host: '127.0.0.1', port, path: '/ipc-events', headers: { Authorization: `Bearer ${host.token}` } },
        (response) => {
          let buffer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            buffer += chunk;
            for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
              const line = buffer.slice(0, end);
              buffer = buffer.slice(end + 1);
              if (!line.startsWith('[')) continue;
              const [channel, payload] = JSON.parse(line) as [string, unknown];
              page
                .mainFrame()
                .evaluate(
                  ([c, p]) => (window as unknown as { __ingestDeskIpcDeliver(c: string, p: unknown): void }).__ingestDeskIpcDeliver(c, p),
                  [channel, payload] as const,
                )
                .catch(() => undefined);
            }
          });
          response.on('error', () => undefined);
          resolve();
        },
      );
      request.on('error', () => resolve());
      streams.set(page, () => request.destroy());
      page.once('close', () => {
        streams.get(page)?.();
        streams.delete(page);
      });
    });
  });

  await context.addInitScript({ content: preloadStandInScript() });
  return { invocations: () => invocations };
}
