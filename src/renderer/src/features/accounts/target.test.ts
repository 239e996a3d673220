import { describe, expect, it } from 'vitest';
import type { AccountsOverview, AppView, ProfileView } from '../../../../shared/contract/accounts';
import { mayBeBilled, targetOf } from './target';

const profile = (id: string, kind: ProfileView['kind'], endpoint: ProfileView['endpoint'] = null): ProfileView => ({
  id,
  kind,
  name: `${id} account`,
  site: 'international',
  region: 'ap-singapore',
  endpoint,
  secretIdLast4: 'abcd',
  hasSecretKey: true,
  createdAt: '',
  updatedAt: '',
});
const app = (id: string, sdkAppId: number, profileId: string, sandbox: boolean): AppView => ({
  id,
  sdkAppId,
  label: `${id} app`,
  colour: '#228be6',
  profileId,
  defaults: { robotUserIdPrefix: 'r_', userSigExpirySeconds: 600 },
  sandbox,
  hasSdkSecretKey: true,
  createdAt: '',
  updatedAt: '',
});

const overview: AccountsOverview = {
  profiles: [profile('sandbox', 'sandbox'), profile('local', 'user', { scheme: 'http', host: '127.0.0.1', port: 9 })],
  apps: [app('sb', 1400000001, 'sandbox', true), app('local', 1400000777, 'local', false)],
  keychainProblem: null,
};

describe('targetOf', () => {
  it('calls only the built-in sandbox account sandbox', () => {
    expect(targetOf(overview, { sdkAppId: 1400000001 })).toMatchObject({ kind: 'sandbox', app: 'sb app', account: 'sandbox account' });
  });

  it('calls a user account live even when its custom endpoint is on this computer', () => {
    const target = targetOf(overview, { sdkAppId: 1400000777, region: 'ap-guangzhou' });
    expect(target).toMatchObject({
      kind: 'live',
      app: 'local app',
      account: 'local account',
      site: 'international',
      region: 'ap-guangzhou',
    });
    expect(mayBeBilled(target)).toBe(true);
  });

  it('never calls an unknown app sandbox, and asks before launching there', () => {
    const target = targetOf(overview, { sdkAppId: 1400009999 });
    expect(target.kind).toBe('unknown');
    expect(mayBeBilled(target)).toBe(true);
    expect(targetOf(null, { sdkAppId: 1400000001 }).kind).toBe('unknown');
  });

  it('a task names its profile: the app of that profile is the one described', () => {
    expect(targetOf(overview, { sdkAppId: 1400000777, profileId: 'local' }).kind).toBe('live');
  });
});
