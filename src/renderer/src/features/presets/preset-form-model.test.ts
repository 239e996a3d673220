import { describe, expect, it } from 'vitest';
import { checkPresetForm, emptyPresetForm, type PresetFormValues, secretsFromForm } from './preset-form-model';

const valid: PresetFormValues = {
  ...emptyPresetForm,
  name: 'Show',
  sdkAppId: 1400000001,
  region: 'ap-singapore',
  roomId: '42',
  mediaUrl: 'https://media.example.com/a.mp4',
};

describe('preset form checks', () => {
  it('turns valid form values into a draft', () => {
    const { draft, errors } = checkPresetForm(valid);
    expect(errors).toEqual({});
    expect(draft).toMatchObject({ sdkAppId: 1400000001, roomIdType: 1, media: { kind: 'url' }, maxDuration: null, tempo: 1 });
  });

  it('shows the room error while another field is still invalid (cross-field rules run on their own)', () => {
    const { draft, errors } = checkPresetForm({ ...valid, name: '', roomId: '4294967295' });
    expect(draft).toBeNull();
    expect(errors).toMatchObject({ name: 'presets:name.required', roomId: 'requests:roomId.intRange' });
  });

  it('maps nested draft fields to the flat form and checks the loop rule', () => {
    const { errors } = checkPresetForm({
      ...valid,
      mediaUrl: 'ftp://x.example/a',
      userSigExpiry: 10,
      privateMapKeyMode: 'generate',
      privileges: 1,
      repeatNum: 3,
      maxDuration: 60,
    });
    expect(errors).toMatchObject({
      mediaUrl: 'requests:streamUrl.scheme',
      userSigExpiry: 'presets:expiry.range',
      privileges: 'presets:privileges.enterRoom',
      maxDuration: 'requests:maxDuration.onlyWithLoop',
    });
  });

  it('checks a pasted ticket only once typed, and sends only typed ones', () => {
    expect(checkPresetForm({ ...valid, userSigMode: 'paste' }).errors).toEqual({});
    expect(checkPresetForm({ ...valid, userSigMode: 'paste', pastedUserSig: 'a b' }).errors).toEqual({
      pastedUserSig: 'requests:userSig.characters',
    });
    expect(secretsFromForm({ ...valid, userSigMode: 'paste', pastedUserSig: 'abc' })).toEqual({ userSig: 'abc' });
    expect(secretsFromForm({ ...valid, userSigMode: 'generate', pastedUserSig: 'abc' })).toEqual({});
  });

  it('reports an empty number as a type error, not a crash', () => {
    expect(checkPresetForm({ ...valid, volume: '' }).errors).toMatchObject({ volume: 'requests:volume.type' });
  });
});
