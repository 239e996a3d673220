import { describe, expect, it } from 'vitest';
import type { AccountsOverview } from '../../../../shared/contract/accounts';
import type { PresetView } from '../../../../shared/contract/presets';
import { liveTargetsOf } from './live-targets';

const overview = {
  profiles: [
    { id: 'sandbox', kind: 'sandbox', name: 'Sandbox', site: 'international' },
    { id: 'studio', kind: 'user', name: 'Studio', site: 'international' },
  ],
  apps: [
    { id: 'a-sandbox', sdkAppId: 1400000001, profileId: 'sandbox', label: 'Sandbox app', colour: null, sandbox: true },
    { id: 'a-studio', sdkAppId: 1400000555, profileId: 'studio', label: 'Studio app', colour: '#e8590c', sandbox: false },
  ],
  keychainProblem: null,
} as unknown as AccountsOverview;

const preset = (id: string, sdkAppId: number) => ({ id, sdkAppId, region: 'ap-singapore' }) as PresetView;

describe('the live accounts a show arms', () => {
  it('names each live or unknown app once, in task order, and never the sandbox', () => {
    const presets = [preset('sandboxed', 1400000001), preset('live', 1400000555), preset('stray', 1400000999)];
    const show = {
      tasks: [
        { name: 'Lobby', presetId: 'sandboxed' },
        { name: 'Stage', presetId: 'live' },
        { name: 'Stage 2', presetId: 'live' },
        { name: 'Old', presetId: 'stray' },
        { name: 'Gone', presetId: 'deleted' },
      ],
    };
    const targets = liveTargetsOf(show, presets, overview);
    expect(targets.map((target) => [target.kind, target.sdkAppId, target.account])).toEqual([
      ['live', 1400000555, 'Studio'],
      ['unknown', 1400000999, null],
    ]);
  });

  it('has nothing to confirm for a show all on the sandbox', () => {
    expect(liveTargetsOf({ tasks: [{ name: 'Lobby', presetId: 'p' }] }, [preset('p', 1400000001)], overview)).toEqual([]);
  });
});
