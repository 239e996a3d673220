import { type App, type Session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../system/external-links';
import { originOf } from './app-origin';

/** Every permission (camera, notifications, geolocation, ...) is denied: the page needs none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
