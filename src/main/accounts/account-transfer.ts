import { z } from 'zod';
import { AppError } from '../../shared/contract';
import type { ImportSummary } from '../../shared/contract/accounts';
import { isRegionOfSite } from '../../shared/trtc/sites';
import type { Clock } from '../app/clock';
import { type AccountsData, storedAppSchema, storedProfileSchema } from './accounts-document';
import type { AccountsService } from './accounts-service';

/**
 * Profiles and apps as a JSON file to move between machines. It never carries a secret: the schema
 * has no field for one (an import file with extra fields is refused), so keys are set again after import.
 */
const exportedProfileSchema = storedProfileSchema.omit({ kind: true, createdAt: true, updatedAt: true });
const exportedAppSchema = storedAppSchema.omit({ createdAt: true, updatedAt: true });

export const accountsExportSchema = z
  .object({
    format: z.literal('ingest-desk-accounts'),
    version: z.literal(1),
    exportedAt: z.string().max(40),
    profiles: z.array(exportedProfileSchema).max(500),
    apps: z.array(exportedAppSchema).max(2000),
  })
  .strict();
export type AccountsExport = z.infer<typeof accountsExportSchema>;

export function exportAccounts({ profiles, apps }: AccountsData, clock: Clock): { fileName: string; json: string } {
  const userProfiles = profiles.filter((profile) => profile.kind === 'user');
  const userProfileIds = new Set(userProfiles.map((profile) => profile.id));
  const at = new Date(clock.now()).toISOString();
  const body: AccountsExport = {
    format: 'ingest-desk-accounts',
    version: 1,
    exportedAt: at,
    profiles: userProfiles.map(({ id, name, site, region, endpoint, secretId }) => ({ id, name, site, region, endpoint, secretId })),
    apps: apps
      .filter((app) => userProfileIds.has(app.profileId))
      .map(({ id, sdkAppId, label, colour, profileId, defaults }) => ({ id, sdkAppId, label, colour, profileId, defaults })),
  };
  return { fileName: `ingest-desk-accounts-${at.slice(0, 10)}.json`, json: `${JSON.stringify(body, null, 2)}\n` };
}

export async function importAccounts(accounts: AccountsService, clock: Clock, json: string): Promise<ImportSummary> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('INVALID_INPUT', 'The file is not JSON');
  }
  const parsed = accountsExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', `Not an Ingest Desk accounts file: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const wrongRegion = parsed.data.profiles.find((profile) => !isRegionOfSite(profile.site, profile.region));
  if (wrongRegion)
    throw new AppError(
      'INVALID_INPUT',
      `Profile "${wrongRegion.name}": ${wrongRegion.region} is not a region of the ${wrongRegion.site} site`,
    );
  const at = new Date(clock.now()).toISOString();
  const profiles = parsed.data.profiles.map((profile) => ({ ...profile, kind: 'user' as const, createdAt: at, updatedAt: at }));
  const apps = parsed.data.apps.map((app) => ({ ...app, createdAt: at, updatedAt: at }));
  const added = await accounts.addImported(profiles, apps);
  return { ...added, skipped: profiles.length + apps.length - added.profilesAdded - added.appsAdded };
}
