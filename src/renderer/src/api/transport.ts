import type { DesktopApi } from '../../../preload/api-types';

/** How the page reaches main: Electron IPC through the preload, or HTTP to the browser host. Same contract. */
export interface Transport extends DesktopApi {
  readonly kind: 'electron' | 'browser';
}

declare global {
  interface Window {
    api?: DesktopApi;
  }
}
