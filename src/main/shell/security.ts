import { type App, type Session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../system/external-links';
import { originOf } from './app-origin';

/**
 * The two permissions the page uses: writing to the clipboard (every Copy button, through
 * `navigator.clipboard.writeText`) and fullscreen (the media preview's video). Nothing else.
 */
const pagePermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

function allowed(permission: string, isMainFrame: boolean, url: string | undefined, trusted: Set<string>): boolean {
  const origin = url ? originOf(url) : null;
  return pagePermissions.has(permission) && isMainFrame && origin !== null && trusted.has(origin);
}

/** The page's own main frame gets the clipboard write and fullscreen; every other permission and device is denied. */
export function hardenSession(session: Session, trusted: Set<string>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.isMainFrame, details.requestingUrl, trusted)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowed(permission, details.isMainFrame, details.requestingUrl ?? requestingOrigin, trusted),
  );
  session.setDevicePermissionHandler(() => false);
}

/**
 * No navigation away from the app, no new windows, no webviews. A link to Tencent's console opens in
 * the user's browser (allow-listed); anything else is dropped.
 */
export function hardenWebContents(app: App, trusted: Set<string>): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const denyForeign = (event: { preventDefault(): void }, url: string) => {
      const origin = originOf(url);
      if (origin === null || !trusted.has(origin)) event.preventDefault();
    };
    contents.on('will-navigate', denyForeign);
    contents.on('will-redirect', denyForeign);
    contents.on('will-frame-navigate', (event) => {
      // Sub-frames have no business in this app at all.
      if (!event.isMainFrame) event.preventDefault();
      else denyForeign(event, event.url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
