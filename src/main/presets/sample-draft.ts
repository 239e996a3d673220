import { type PresetDraft, presetDraftSchema } from '../../shared/contract/presets';

/** A valid preset draft for tests; `patch` changes some fields. */
export function sampleDraft(patch: Partial<PresetDraft> = {}): PresetDraft {
  return presetDraftSchema.parse({
    name: 'Morning show',
    sdkAppId: 1400000001,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: '1234',
    userId: 'robot_1',
    media: { kind: 'url', url: 'https://media.example.com/clip.mp4' },
    repeatNum: 1,
    maxDuration: null,
    volume: 100,
    seekSecond: 0,
    autoPush: false,
    enableProgress: false,
    tempo: 1,
    idleTimeout: null,
    userSig: { mode: 'generate', expirySeconds: 600 },
    privateMapKey: { mode: 'none' },
    notes: '',
    tags: [],
    folder: '',
    ...patch,
  });
}
