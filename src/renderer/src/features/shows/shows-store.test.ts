import { afterEach, describe, expect, it } from 'vitest';
import type { ShowRun } from '../../../../shared/shows/run-state';
import { installTransport, invoke } from '../../api/client';
import { createFakeTransport } from '../../api/test-support/fake-transport';
import { runCall, useShowsStore } from './shows-store';

afterEach(() => installTransport(null));

const run = (state: ShowRun['state'], cueState: ShowRun['cues'][number]['state']): ShowRun => ({
  runId: 'r',
  showId: 's',
  showName: 'S',
  revision: 1,
  mode: 'rehearsal',
  state,
  armedAt: 0,
  startedAt: 0,
  clock: { realBase: 0, showBase: 0, speed: 60, running: true },
  cues: [{ cueId: 'c1', state: cueState, dueAt: 0, target: 'sandbox' }],
  nextCueId: null,
  taskIds: {},
  overridden: false,
});

describe('the shows store and run calls', () => {
  it("keeps a call's answer, unless main's event overtook it (Go answers 'firing', the event 'done' came first)", async () => {
    const transport = createFakeTransport({
      'shows.go': () => {
        // Main announces the cue done before the answer to Go reaches the page.
        transport.emit('shows.run', run('running', 'done'));
        return run('running', 'firing');
      },
      'shows.hold': () => run('held', 'done'),
    });
    installTransport(transport);
    const dispose = useShowsStore.connect(transport.on.bind(transport));
    await runCall(() => invoke('shows.go', { id: 's' }));
    expect(useShowsStore.getState().run?.cues[0]?.state).toBe('done');
    // No event while Hold ran: its answer is kept.
    await runCall(() => invoke('shows.hold', { id: 's' }));
    expect(useShowsStore.getState().run?.state).toBe('held');
    dispose();
  });
});
