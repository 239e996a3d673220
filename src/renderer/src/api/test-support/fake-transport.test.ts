import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../shared/contract/system';
import { installTransport, invoke } from '../client';
import { createFakeTransport } from './fake-transport';

afterEach(() => installTransport(null));

const dark: Settings = { language: 'en', theme: 'dark' };

describe('the fake transport', () => {
  it('checks each input with the contract, as main does, and records every call', async () => {
    const fake = createFakeTransport({ 'system.updateSettings': (patch) => ({ ...dark, ...patch }) });
    installTransport(fake);
    expect(await invoke('system.updateSettings', { theme: 'light' })).toEqual({ ...dark, theme: 'light' });
    // A value outside the contract's enum is refused before the handler sees it.
    await expect(invoke('system.updateSettings', { theme: 'sepia' as never })).rejects.toMatchObject({ data: { code: 'INVALID_INPUT' } });
    await expect(invoke('presets.list', {})).rejects.toMatchObject({ data: { code: 'UNKNOWN_CALL' } });
    expect(fake.calls.map((entry) => entry.name)).toEqual(['system.updateSettings', 'system.updateSettings', 'presets.list']);
  });
});
