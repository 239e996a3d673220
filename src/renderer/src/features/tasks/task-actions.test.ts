import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveTask } from '../../../../shared/contract/tasks';
import { installTransport } from '../../api/client';
import { createFakeTransport, type FakeHandlers, refusal } from '../../api/test-support/fake-transport';
import { liveTask } from '../../api/test-support/samples';
import { isActing } from './acting';
import { taskActions } from './task-actions';
import { useTasksStore } from './tasks-store';

/** Main's answer to one control, given when the test says so. */
function heldAnswer() {
  let settle!: (answer: () => LiveTask) => void;
  const answer = new Promise<() => LiveTask>((resolve) => {
    settle = resolve;
  });
  return { handler: async () => (await answer)(), settle };
}

const shown = () => useTasksStore.getState().tasks.t1;

function boardWith(task: LiveTask, handlers: FakeHandlers) {
  installTransport(
    createFakeTransport({
      'tasks.list': () => [task],
      'tasks.batches': () => [],
      'tasks.startupCheck': () => ({ state: 'done', total: 1, checked: 1, pending: [] }),
      ...handlers,
    }),
  );
  return useTasksStore.getState().load();
}

beforeEach(() => useTasksStore.setState(useTasksStore.getInitialState(), true));
afterEach(() => installTransport(null));

describe("the board's controls", () => {
  it('shows a pause at once, then keeps what main answers', async () => {
    const pause = heldAnswer();
    await boardWith(liveTask(), { 'tasks.pause': pause.handler });
    const done = taskActions.togglePause(shown() as LiveTask);
    expect(shown()).toMatchObject({ paused: true });
    expect(isActing('t1')).toBe(true);
    pause.settle(() => liveTask({ paused: true, pausedSince: 5, lastCheckedAt: 7 }));
    await done;
    expect(shown()).toMatchObject({ paused: true, pausedSince: 5, lastCheckedAt: 7 });
    expect(isActing('t1')).toBe(false);
  });

  it('rolls a volume change back when main refuses it, and hands the refusal to the control', async () => {
    const volume = heldAnswer();
    await boardWith(liveTask({ volume: 100 }), { 'tasks.setVolume': volume.handler });
    const done = taskActions.setVolume(shown() as LiveTask, 150);
    expect(shown()?.volume).toBe(150);
    volume.settle(() => {
      throw refusal({ code: 'TRTC_API_ERROR', message: 'InvalidParameter' });
    });
    await expect(done).rejects.toMatchObject({ data: { code: 'TRTC_API_ERROR' } });
    expect(shown()?.volume).toBe(100);
    expect(isActing('t1')).toBe(false);
  });

  it('sends what the control means, checked against the contract', async () => {
    const fake = createFakeTransport({ 'tasks.setTempo': ({ id, tempo }) => liveTask({ id, tempo }) });
    installTransport(fake);
    useTasksStore.setState({ tasks: { t1: liveTask() } });
    await taskActions.setTempo(liveTask(), 1.5);
    expect(fake.inputsOf('tasks.setTempo')).toEqual([{ id: 't1', tempo: 1.5 }]);
    expect(shown()?.tempo).toBe(1.5);
  });
});
