import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LaunchSource } from '../../../../shared/contract/launch';
import { installTransport } from '../../api/client';
import { createFakeTransport, type FakeHandlers, refusal } from '../../api/test-support/fake-transport';
import { accountsOverview, presetView, sandboxAppId, startedRecord } from '../../api/test-support/samples';
import { useAccountsStore } from '../accounts/accounts-store';
import { usePresetsStore } from '../presets/presets-store';
import { createLaunchFlow, type LaunchNotice } from './launch-flow';
import { useLiveConfirmStore } from './live-confirm-store';

const live: LaunchSource = { kind: 'preset', presetId: 'live' };
const sandbox: LaunchSource = { kind: 'preset', presetId: 'sandbox' };
const endless: LaunchSource = { kind: 'preset', presetId: 'endless' };

function flowOver(handlers: FakeHandlers) {
  const fake = createFakeTransport(handlers);
  installTransport(fake);
  const notices: LaunchNotice[] = [];
  const flow = createLaunchFlow((notice) => notices.push(notice));
  return { fake, flow, notices, starts: () => fake.inputsOf('launch.start') };
}

const startsAnything: FakeHandlers = {
  'launch.start': ({ source }) => startedRecord(presetView(source.kind === 'preset' ? source.presetId : 'draft')),
};

beforeEach(() => {
  useAccountsStore.setState({ overview: accountsOverview() });
  usePresetsStore.setState({
    presets: [
      presetView('live'),
      presetView('sandbox', { sdkAppId: sandboxAppId }),
      presetView('endless', { repeatNum: -1, maxDuration: null }),
    ],
  });
  useLiveConfirmStore.setState({ confirmed: [], skipped: [] });
});
afterEach(() => installTransport(null));

describe('launching', () => {
  it('asks before the first launch into a live app and sends nothing until the user confirms; the next one goes straight', async () => {
    const { flow, notices, starts } = flowOver(startsAnything);
    expect(await flow.getState().launch(live)).toBeNull();
    expect(flow.getState().pending).toMatchObject({ kind: 'live', target: { kind: 'live', appId: 'live-app' }, facts: { name: 'Show' } });
    expect(starts()).toEqual([]);

    const record = await flow.getState().confirm();
    expect(record?.state).toBe('started');
    expect(starts()).toEqual([{ source: live }]);
    expect(notices).toEqual([{ kind: 'started', taskId: 'task-1' }]);
    expect(flow.getState()).toMatchObject({ pending: null, busy: false });

    await flow.getState().launch(live);
    expect(flow.getState().pending).toBeNull();
    expect(starts()).toHaveLength(2);
  });

  it('sends nothing when the user cancels the summary', async () => {
    const { flow, starts } = flowOver(startsAnything);
    await flow.getState().launch(live);
    flow.getState().cancel();
    expect(flow.getState().pending).toBeNull();
    expect(starts()).toEqual([]);
    // Cancelling is not confirming: the next launch asks again.
    await flow.getState().launch(live);
    expect(flow.getState().pending?.kind).toBe('live');
  });

  it('launches into the sandbox without asking', async () => {
    const { flow, starts } = flowOver(startsAnything);
    expect((await flow.getState().launch(sandbox))?.state).toBe('started');
    expect(flow.getState().pending).toBeNull();
    expect(starts()).toEqual([{ source: sandbox }]);
  });

  it('a launch main refuses shows its problems, and leaves nothing pending', async () => {
    const problems = [{ path: 'Body.RoomId', message: 'requests:roomId.intRange' }];
    const { flow, notices } = flowOver({
      'launch.start': () => {
        throw refusal({ code: 'INVALID_INPUT', message: 'The launch has problems', details: { problems } });
      },
    });
    expect(await flow.getState().launch(sandbox)).toBeNull();
    expect(notices).toEqual([{ kind: 'refused', code: 'INVALID_INPUT', message: 'The launch has problems', problems }]);
    expect(flow.getState()).toMatchObject({ pending: null, busy: false });
  });

  it("asks about an endless loop when main's guard refuses it, then sends it with the confirmation", async () => {
    const { flow, starts } = flowOver({
      'launch.start': ({ confirmUnboundedLoop }) => {
        if (!confirmUnboundedLoop) throw refusal({ code: 'CONFLICT', message: 'Endless loop', details: { guard: 'unboundedLoop' } });
        return startedRecord(presetView('endless'));
      },
    });
    useLiveConfirmStore.getState().setSkipped('live-app', true);
    await flow.getState().launch(endless);
    expect(flow.getState().pending).toEqual({ kind: 'loop', source: endless });
    await flow.getState().confirm();
    expect(starts()).toEqual([{ source: endless }, { source: endless, confirmUnboundedLoop: true }]);
  });

  it('remembers "do not ask again" for the app the user confirmed', async () => {
    const { flow } = flowOver(startsAnything);
    await flow.getState().launch(live);
    flow.getState().setSkip(true);
    await flow.getState().confirm();
    expect(useLiveConfirmStore.getState().skipped).toEqual(['live-app']);
  });
});
