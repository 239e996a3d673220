import { describe, expect, it } from 'vitest';
import { AppError, detailsOf } from '../../shared/contract';
import { MemorySecretStore } from '../secrets/memory-store';
import type { CallContext } from './call-context';
import { currentCallId } from './current-call';
import { createDispatch } from './dispatch';
import type { Handlers } from './handlers';

function handlers(overrides: Partial<Handlers['system']> = {}): Handlers {
  const settings = { language: 'system' as const, theme: 'system' as const };
  const secrets = new MemorySecretStore();
  return {
    // Only system calls are dispatched here; the other domains' handlers are never reached.
    ...({} as Omit<Handlers, 'system'>),
    system: {
      info: () => ({ appName: 'x', appVersion: '1', platform: 'linux', transport: 'browser', versions: {} }),
      keychainStatus: () => secrets.status(),
      storeProblems: () => [],
      getSettings: () => settings,
      updateSettings: (patch) => ({ ...settings, ...patch }),
      openExternal: () => ({ opened: false }),
      ...overrides,
    },
    // Other domains are not called here.
  } as Handlers;
}

describe('dispatch', () => {
  it('answers a valid call with its value', async () => {
    const result = await createDispatch(handlers())('system.updateSettings', { theme: 'dark' });
    expect(result).toEqual({ ok: true, value: { language: 'system', theme: 'dark' } });
  });

  it('rejects malformed input with a typed INVALID_INPUT error naming the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatch(
      handlers({
        updateSettings: () => {
          called = true;
          return { language: 'en', theme: 'dark' };
        },
      }),
    );
    for (const bad of [{ theme: 'purple' }, { language: 42 }, { theme: 'dark', extra: true }, 'dark', null, []]) {
      const result = await dispatch('system.updateSettings', bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    const result = await dispatch('system.updateSettings', { theme: 'purple' });
    expect(!result.ok && detailsOf(result.error, 'INVALID_INPUT')).toEqual({ issues: [expect.objectContaining({ path: 'theme' })] });
    expect(called).toBe(false);
  });

  it('treats prototype names and unknown names as unknown calls', async () => {
    const dispatch = createDispatch(handlers());
    for (const name of [
      '__proto__',
      'constructor',
      'system.__proto__',
      'system.constructor',
      'system.toString',
      'nope.info',
      '',
      'system',
    ]) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
  });

  it('passes an AppError code through and hides the text of unexpected errors', async () => {
    const seen: string[] = [];
    const dispatch = createDispatch(
      handlers({
        getSettings: () => {
          throw new AppError('STORE_UNAVAILABLE', 'read-only', { store: 'settings' });
        },
        storeProblems: () => {
          throw new Error('secret-ish internal detail');
        },
      }),
      { onInternalError: (name) => seen.push(name) },
    );
    expect(await dispatch('system.getSettings', {})).toEqual({
      ok: false,
      error: { code: 'STORE_UNAVAILABLE', message: 'read-only', details: { store: 'settings' } },
    });
    const internal = await dispatch('system.storeProblems', {});
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error in system.storeProblems' } });
    expect(seen).toEqual(['system.storeProblems']);
  });

  it("hands each handler a context: the caller's transport, a fresh call id (current inside the call), and a signal for the caller or the app going away", async () => {
    const seen: Array<{ context: CallContext; current: string | undefined }> = [];
    const closing = new AbortController();
    const dispatch = createDispatch(
      handlers({
        getSettings: async (_input, context) => {
          await Promise.resolve();
          seen.push({ context, current: currentCallId() });
          return { language: 'en', theme: 'dark' };
        },
      }),
      { closing: closing.signal, transport: 'electron' },
    );
    const window = new AbortController();
    await dispatch('system.getSettings', {}, { transport: 'browser', signal: window.signal });
    await dispatch('system.getSettings', {});
    const [first, second] = seen.map((each) => each.context);
    expect(first?.transport).toBe('browser');
    expect(second?.transport).toBe('electron');
    expect(first?.callId).toMatch(/^[\w-]{8,}$/);
    expect(first?.callId).not.toBe(second?.callId);
    expect(seen.map((each) => each.current)).toEqual([first?.callId, second?.callId]);
    expect(currentCallId()).toBeUndefined();

    expect([first?.signal.aborted, second?.signal.aborted]).toEqual([false, false]);
    window.abort();
    expect([first?.signal.aborted, second?.signal.aborted]).toEqual([true, false]);
    closing.abort();
    expect(second?.signal.aborted).toBe(true);
  });
});
