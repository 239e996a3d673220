/**
 * A recording double of the Electron main-process APIs the shell uses, written from Electron's
 * documentation. Every member is typed against the `electron` package's own declarations (`Pick<…>`,
 * `typeof …`), so a signature change in Electron breaks the typecheck here instead of drifting.
 *
 * One file on purpose: the boot test loads it with Node's own type stripping through a module hook
 * (test-support/boot), where relative imports of other .ts files would need extensions.
 * Web standards stay real: `protocol.handle`'s handler gets a real `Request` and answers a `Response`.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

/** An Electron event: `preventDefault()` is recorded, as the real one is read after the listeners ran. */
export function preventableEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A frame: the app's main frame, a subframe (`parent` set) or a foreign page, by its URL. */
export class WebFrameDouble implements Pick<Electron.WebFrameMain, 'url' | 'detached' | 'isDestroyed'> {
  url: string;
  detached = false;
  readonly parent: WebFrameDouble | null;

  constructor(url: string, parent: WebFrameDouble | null = null) {
    this.url = url;
    this.parent = parent;
  }

  isDestroyed(): boolean {
    return this.detached;
  }
}

let nextContentsId = 1;

export class WebContentsDouble
  extends EventEmitter
  implements Pick<Electron.WebContents, 'id' | 'send' | 'isDestroyed' | 'setWindowOpenHandler' | 'loadURL' | 'getURL'>
{
  readonly id = nextContentsId++;
  readonly mainFrame = new WebFrameDouble('about:blank');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | undefined;
  #destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    // Electron throws "Object has been destroyed" when a destroyed WebContents is used.
    if (this.#destroyed) throw new TypeError('Object has been destroyed');
    this.sent.push({ channel, args: structuredClone(args) });
    // Not an Electron event: lets a test harness carry the message on to a real page.
    this.emit('double:sent', channel, ...args);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
    this.mainFrame.detached = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
  }

  getURL(): string {
    return this.mainFrame.url;
  }
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class BrowserWindowDouble
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'show'
      | 'isVisible'
      | 'maximize'
      | 'isMaximized'
      | 'isMinimized'
      | 'restore'
      | 'focus'
      | 'isFocused'
      | 'getNormalBounds'
      | 'isDestroyed'
      | 'close'
      | 'destroy'
      | 'loadURL'
    >
{
  static readonly all: BrowserWindowDouble[] = [];
  static getAllWindows: typeof Electron.BrowserWindow.getAllWindows = () =>
    BrowserWindowDouble.all.filter((window) => !window.isDestroyed()) as unknown as Electron.BrowserWindow[];

  readonly options: Electron.BrowserWindowConstructorOptions;
  readonly webContents = new WebContentsDouble();
  readonly calls: string[] = [];
  bounds: Rect;
  #visible: boolean;
  #maximized = false;
  #minimized = false;
  #focused = false;
  #destroyed = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.#visible = options.show ?? true;
    BrowserWindowDouble.all.push(this);
  }

  show(): void {
    this.calls.push('show');
    this.#visible = true;
  }

  isVisible(): boolean {
    return this.#visible;
  }

  /** Electron: "Maximizes the window. This will also show (but not focus) the window if it isn't being displayed already." */
  maximize(): void {
    this.calls.push('maximize');
    this.#maximized = true;
    this.#visible = true;
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  minimize(): void {
    this.#minimized = true;
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  restore(): void {
    this.calls.push('restore');
    this.#minimized = false;
  }

  focus(): void {
    this.calls.push('focus');
    this.#focused = true;
  }

  isFocused(): boolean {
    return this.#focused;
  }

  getNormalBounds(): Electron.Rectangle {
    return { ...this.bounds };
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Like a click on the close button: `close` (preventable), then `closed` and destruction. */
  close(): void {
    if (this.#destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  /** `quitting`: destroyed by `app.quit()`, which emits no `window-all-closed`. */
  destroy(quitting = false): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    if (!quitting && BrowserWindowDouble.getAllWindows().length === 0) app.emit('window-all-closed');
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
}

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1];

class IpcMainDouble implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron: "Error: Attempted to register a second handler for '<channel>'".
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke` does for a page: the handler sees the sending frame and contents; arguments are cloned. */
  async invoke(
    sender: { frame: WebFrameDouble | null; contents: WebContentsDouble },
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    // Electron rejects in the renderer: "No handler registered for '<channel>'".
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: sender.frame, sender: sender.contents, processId: 1, frameId: 1 };
    return structuredClone(await handler(event as unknown as Electron.IpcMainInvokeEvent, ...structuredClone(args)));
  }
}

type ProtocolHandler = Parameters<Electron.Protocol['handle']>[1];

class ProtocolDouble implements Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: Array<{ schemes: Electron.CustomScheme[]; appWasReady: boolean }> = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    // Electron: "This method can only be used before the ready event of the app module gets emitted".
    this.privileged.push({ schemes: customSchemes, appWasReady: app.isReady() });
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw new Error('protocol.handle must be called after app is ready');
    this.handlers.set(scheme, handler);
  }

  /** A request the page would make: a real `Request` in, the handler's real `Response` out. */
  async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url) as unknown as GlobalRequest);
  }
}
type GlobalRequest = Parameters<ProtocolHandler>[0];

type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<Electron.Session['setDevicePermissionHandler']>[0];

class SessionDouble
  implements Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>
{
  requestHandler: RequestHandler = null;
  checkHandler: CheckHandler = null;
  deviceHandler: DeviceHandler = null;

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.deviceHandler = handler;
  }
}

class AppDouble
  extends EventEmitter
  implements
    Pick<Electron.App, 'whenReady' | 'isReady' | 'enableSandbox' | 'requestSingleInstanceLock' | 'quit' | 'exit' | 'getPath' | 'getLocale'>
{
  isPackaged = false;
  /** What `requestSingleInstanceLock()` answers: false when another instance holds the lock. */
  singleInstanceLock = true;
  locale = 'en-US';
  readonly paths = new Map<string, string>();
  readonly calls: string[] = [];
  exitCode: number | undefined;
  #ready = false;
  #readyPromise: Promise<void> = Promise.resolve();
  #resolveReady: () => void = () => undefined;

  constructor() {
    super();
    this.#readyPromise = this.reset();
  }

  /** Back to a process that has not started: no listeners, not ready. */
  reset(): Promise<void> {
    this.removeAllListeners();
    this.isPackaged = false;
    this.singleInstanceLock = true;
    this.locale = 'en-US';
    this.paths.clear();
    this.calls.length = 0;
    this.exitCode = undefined;
    this.#ready = false;
    this.#readyPromise = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
    return this.#readyPromise;
  }

  /** What Electron does once it has initialised: `ready`, and `whenReady()` resolves. */
  fireReady(): void {
    this.#ready = true;
    this.emit('ready', preventableEvent(), {});
    this.#resolveReady();
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  isReady(): boolean {
    return this.#ready;
  }

  enableSandbox(): void {
    this.calls.push(this.#ready ? 'enableSandbox after ready' : 'enableSandbox');
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLock;
  }

  /**
   * Electron's documented order: `before-quit` (preventable), every window closed (each `close`
   * preventable), `will-quit` (preventable), then `quit` and the process ends.
   */
  quit(): void {
    this.calls.push('quit');
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of [...BrowserWindowDouble.all]) {
      if (window.isDestroyed()) continue;
      const close = preventableEvent();
      window.emit('close', close);
      if (close.defaultPrevented) return;
      window.destroy(true);
    }
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', preventableEvent(), 0);
    this.exitCode ??= 0;
  }

  exit(exitCode = 0): void {
    this.calls.push(`exit ${exitCode}`);
    this.exitCode = exitCode;
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  getLocale(): string {
    return this.locale;
  }
}

export const app = new AppDouble();
export const ipcMain = new IpcMainDouble();
export const protocol = new ProtocolDouble();
export const session = { defaultSession: new SessionDouble() };

const displays: Electron.Display[] = [];
export const screen = {
  getAllDisplays: (() => displays) satisfies typeof Electron.screen.getAllDisplays,
  /** Sets the work areas of the connected displays. */
  setWorkAreas(areas: Rect[]): void {
    displays.splice(0, displays.length, ...areas.map((workArea, id) => ({ id, workArea, bounds: workArea }) as Electron.Display));
  },
};
screen.setWorkAreas([{ x: 0, y: 0, width: 1920, height: 1040 }]);

export const shell = {
  opened: [] as string[],
  openExternal: (async (url: string) => {
    shell.opened.push(url);
  }) satisfies typeof Electron.shell.openExternal,
};

export const dialog = {
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showErrorBox: ((title: string, content: string) => {
    dialog.errorBoxes.push({ title, content });
  }) satisfies typeof Electron.dialog.showErrorBox,
};

export const Menu = {
  applicationMenu: undefined as Electron.MenuItemConstructorOptions[] | null | undefined,
  buildFromTemplate: ((template: Electron.MenuItemConstructorOptions[]) =>
    ({ template }) as unknown as Electron.Menu) satisfies typeof Electron.Menu.buildFromTemplate,
  setApplicationMenu: ((menu: Electron.Menu | null) => {
    Menu.applicationMenu = menu === null ? null : (menu as unknown as { template: Electron.MenuItemConstructorOptions[] }).template;
  }) satisfies typeof Electron.Menu.setApplicationMenu,
};

export const BrowserWindow = BrowserWindowDouble;

/** The blockers held (an armed show keeps one), by id. */
const blockers = new Set<number>();
let nextBlocker = 0;
export const powerSaveBlocker = {
  held: blockers,
  start: ((_type: 'prevent-app-suspension' | 'prevent-display-sleep') => {
    blockers.add(++nextBlocker);
    return nextBlocker;
  }) satisfies typeof Electron.powerSaveBlocker.start,
  stop: ((id: number) => blockers.delete(id)) satisfies typeof Electron.powerSaveBlocker.stop,
  isStarted: ((id: number) => blockers.has(id)) satisfies typeof Electron.powerSaveBlocker.isStarted,
};

/** A test emits 'resume' as the OS does after a sleep. */
export const powerMonitor = new EventEmitter();

/** Every recorder back to a fresh process (the module itself stays cached by the test runner). */
export function resetElectronDouble(): void {
  app.reset();
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new SessionDouble();
  BrowserWindowDouble.all.length = 0;
  screen.setWorkAreas([{ x: 0, y: 0, width: 1920, height: 1040 }]);
  shell.opened.length = 0;
  dialog.errorBoxes.length = 0;
  Menu.applicationMenu = undefined;
  blockers.clear();
  powerMonitor.removeAllListeners();
}
