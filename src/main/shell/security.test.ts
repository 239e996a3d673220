import type { App, Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appEntryUrl } from './app-origin';
import { type ElectronDouble, freshElectron } from './test-support/load-shell';

vi.mock('electron', () => import('./test-support/electron-double'));

let electron: ElectronDouble;
const trusted = new Set(['app://desk']);

beforeEach(async () => {
  electron = await freshElectron();
});

describe('session permissions', () => {
  type Permission = Parameters<NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>>[1];
  const session = () => electron.session.defaultSession;

  beforeEach(async () => {
    const { hardenSession } = await import('./security');
    hardenSession(session() as unknown as Session, trusted);
  });

  function request(permission: Permission, requestingUrl: string, isMainFrame = true): boolean {
    let granted: boolean | undefined;
    const contents = new electron.BrowserWindow().webContents;
    session().requestHandler?.(contents as never, permission, (answer) => (granted = answer), { isMainFrame, requestingUrl });
    if (granted === undefined) throw new Error('the handler never answered');
    return granted;
  }

  function check(permission: Permission, requestingUrl: string, isMainFrame = true): boolean {
    return session().checkHandler?.(null, permission, new URL(requestingUrl).origin, { isMainFrame, requestingUrl }) ?? true;
  }

  it.each(['clipboard-sanitized-write', 'fullscreen'] as const)(
    "grant %s to the app's main frame (Copy buttons, video fullscreen)",
    (permission) => {
      expect(request(permission, appEntryUrl)).toBe(true);
      expect(check(permission, appEntryUrl)).toBe(true);
    },
  );

  it.each([
    ['a subframe of the app', appEntryUrl, false],
    ['a foreign page', 'https://evil.example/', true],
    ['another app:// host', 'app://evil/', true],
  ] as const)('refuse them to %s', (_what, url, isMainFrame) => {
    for (const permission of ['clipboard-sanitized-write', 'fullscreen'] as const) {
      expect(request(permission, url, isMainFrame)).toBe(false);
      expect(check(permission, url, isMainFrame)).toBe(false);
    }
  });

  it.each([
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'unknown',
  ] as const)("deny %s, even to the app's main frame", (permission) => {
    expect(request(permission, appEntryUrl)).toBe(false);
    expect(check(permission, appEntryUrl)).toBe(false);
  });

  it('deny every device', () => {
    expect(session().deviceHandler?.({ deviceType: 'usb', origin: 'app://desk', device: {} } as never)).toBe(false);
  });
});

describe('web contents', () => {
  let contents: InstanceType<ElectronDouble['WebContentsDouble']>;

  beforeEach(async () => {
    const { hardenWebContents } = await import('./security');
    hardenWebContents(electron.app as unknown as App, trusted);
    contents = new electron.WebContentsDouble();
    electron.app.emit('web-contents-created', electron.preventableEvent(), contents);
  });

  const prevented = (event: string, fields: object, ...args: unknown[]) => {
    const prevent = electron.preventableEvent(fields);
    contents.emit(event, prevent, ...args);
    return prevent.defaultPrevented;
  };

  it('allow navigation inside the app and deny it anywhere else', () => {
    expect(prevented('will-navigate', {}, 'app://desk/index.html#/log')).toBe(false);
    for (const url of ['https://evil.example/', 'app://evil/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(prevented('will-navigate', {}, url)).toBe(true);
      expect(prevented('will-redirect', {}, url)).toBe(true);
      expect(prevented('will-frame-navigate', { isMainFrame: true, url })).toBe(true);
    }
    expect(prevented('will-frame-navigate', { isMainFrame: true, url: appEntryUrl })).toBe(false);
  });

  it('deny every sub-frame navigation, even to the app', () => {
    expect(prevented('will-frame-navigate', { isMainFrame: false, url: appEntryUrl })).toBe(true);
  });

  it('refuse every webview', () => {
    expect(prevented('will-attach-webview', {}, {}, {})).toBe(true);
  });

  it("deny every new window; hand an allow-listed Tencent link to the user's browser", () => {
    const open = (url: string) => contents.windowOpenHandler?.({ url } as never);
    expect(open('https://console.cloud.tencent.com/trtc')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open(appEntryUrl)).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://console.cloud.tencent.com/trtc']);
  });
});
