import type { DesktopApi } from '../../../preload/api-types';
import type { Transport } from './transport';

export function createIpcTransport(api: DesktopApi): Transport {
  return { kind: 'electron', call: (name, input) => api.call(name, input), on: (event, listener) => api.on(event, listener) };
}
