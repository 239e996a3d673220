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
    // The user's yes travels with the call: main refuses a live Start without it.
    expect(starts()).toEqual([{ source: live, confirmLive: true }]);
    expect(notices).toEqual([{ kind: 'started', taskId: 'task-1' }]);
    expect(flow.getState()).toMatchObject({ pending: null, busy: false });

    // Asked once per session (the page's rule): the next launch goes without asking, still confirmed to main.
    await flow.getState().launch(live);
    expect(flow.getState().pending).toBeNull();
    expect(starts()).toEqual([
      { source: live, confirmLive: true },
      { source: live, confirmLive: true },
    ]);
  });

  it('sends confirmLive after the keyboard confirmation (the summary already shown), and never for the sandbox', async () => {
    const { flow, starts } = flowOver(startsAnything);
    await flow.getState().launch(live, { confirmed: true });
    await flow.getState().launch(sandbox, { confirmed: true });
    expect(starts()).toEqual([{ source: live, confirmLive: true }, { source: sandbox }]);
  });

  it('asks when main refuses a launch as live that the page took for the sandbox (stale accounts), then sends it confirmed', async () => {
    const { flow, starts } = flowOver({
      'launch.start': ({ source, confirmLive }) => {
        if (!confirmLive) throw refusal({ code: 'CONFLICT', message: 'Live', details: { guard: 'liveConfirm' } });
        return startedRecord(presetView(source.kind === 'preset' ? source.presetId : 'draft'));
      },
    });
    expect(await flow.getState().launch(sandbox)).toBeNull();
    expect(flow.getState().pending).toMatchObject({ kind: 'live', source: sandbox });
    expect((await flow.getState().confirm())?.state).toBe('started');
    expect(starts()).toEqual([{ source: sandbox }, { source: sandbox, confirmLive: true }]);
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
    expect(flow.getState().pending).toEqual({ kind: 'loop', source: endless, confirmLive: true });
    await flow.getState().confirm();
    // "Don't ask again for this app" is the user's choice: the page confirms the live target for them.
    expect(starts()).toEqual([
      { source: endless, confirmLive: true },
      { source: endless, confirmLive: true, confirmUnboundedLoop: true },
    ]);
  });

  it('remembers "do not ask again" for the app the user confirmed', async () => {
    const { flow } = flowOver(startsAnything);
    await flow.getState().launch(live);
    flow.getState().setSkip(true);
    await flow.getState().confirm();
    expect(useLiveConfirmStore.getState().skipped).toEqual(['live-app']);
  });
});

describe('retrying', () => {
  const retries = (fake: ReturnType<typeof createFakeTransport>) => fake.inputsOf('launch.retry');
  const retriesAnything: FakeHandlers = { 'launch.retry': () => startedRecord(presetView('live'), { id: 'r2' }) };

  it('a live record asks first, then retries with confirmLive; a sandbox record retries without it', async () => {
    const { fake, flow } = flowOver(retriesAnything);
    const failedLive = startedRecord(presetView('live'), { state: 'failed' });
    expect(await flow.getState().retry(failedLive)).toBeNull();
    expect(flow.getState().pending).toMatchObject({ kind: 'liveRetry', target: { kind: 'live' } });
    expect(retries(fake)).toEqual([]);
    await flow.getState().confirm();
    expect(retries(fake)).toEqual([{ recordId: 'r1', confirmLive: true }]);

    const failedSandbox = startedRecord(presetView('sandbox', { sdkAppId: sandboxAppId }), { id: 'r3', state: 'failed' });
    await flow.getState().retry(failedSandbox);
    expect(retries(fake)).toEqual([{ recordId: 'r1', confirmLive: true }, { recordId: 'r3' }]);
  });

  it('an unknown live record: the live yes is kept through the duplicate question', async () => {
    const { fake, flow } = flowOver(retriesAnything);
    await flow.getState().retry(startedRecord(presetView('live'), { state: 'unknown' }));
    await flow.getState().confirm();
    expect(flow.getState().pending).toMatchObject({ kind: 'duplicate', confirmLive: true });
    expect(retries(fake)).toEqual([]);
    await flow.getState().confirm();
    expect(retries(fake)).toEqual([{ recordId: 'r1', confirmPossibleDuplicate: true, confirmLive: true }]);
  });
});
