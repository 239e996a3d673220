import type { AccountsOverview } from '../../../../shared/contract/accounts';
import type { Site } from '../../../../shared/trtc/sites';

/**
 * Where a launch or a task goes. `live`: a user account, so Tencent Cloud (or whatever its custom
 * endpoint is) and billed; `sandbox`: the built-in sandbox account, on this computer; `unknown`: no
 * app with that SdkAppId, which is never called sandbox (a launch there fails, and a task there may
 * be real).
 */
export interface Target {
  kind: 'live' | 'sandbox' | 'unknown';
  sdkAppId: number;
  appId: string | null;
  app: string | null;
  colour: string | null;
  account: string | null;
  site: Site | null;
  region: string | null;
}

/**
 * The one rule every screen uses: the built-in sandbox account's flag, nothing else. A user account
 * whose custom endpoint is a local sandbox is still live here: the app cannot know what answers there.
 */
export function targetOf(
  overview: AccountsOverview | null,
  where: { sdkAppId: number; profileId?: string | undefined; region?: string | undefined },
): Target {
  const apps = overview?.apps ?? [];
  const app =
    apps.find((candidate) => candidate.sdkAppId === where.sdkAppId && (!where.profileId || candidate.profileId === where.profileId)) ??
    apps.find((candidate) => candidate.sdkAppId === where.sdkAppId);
  const profile = overview?.profiles.find((candidate) => candidate.id === (app?.profileId ?? where.profileId));
  const sandbox = app ? app.sandbox : profile?.kind === 'sandbox';
  return {
    kind: sandbox ? 'sandbox' : app || profile ? 'live' : 'unknown',
    sdkAppId: where.sdkAppId,
    appId: app?.id ?? null,
    app: app?.label ?? null,
    colour: app?.colour ?? null,
    account: profile?.name ?? null,
    site: profile?.site ?? null,
    region: where.region ?? null,
  };
}

/** Live and unknown targets ask before a first launch; only the sandbox is known to cost nothing. */
export function mayBeBilled(target: Target): boolean {
  return target.kind !== 'sandbox';
}
