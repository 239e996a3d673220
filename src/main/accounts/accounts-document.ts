import { z } from 'zod';
import { appFieldsSchema, profileFieldsSchema, secretIdSchema } from '../../shared/contract/accounts';

/** accounts.json: everything about profiles and apps except their secrets (those are in the keychain). */
export const storedProfileSchema = profileFieldsSchema
  .extend({
    id: z.string().min(1).max(64),
    kind: z.enum(['user', 'sandbox']),
    /** Not a secret (it names the key, like a user name); kept here so the keychain holds only SecretKeys. */
    secretId: secretIdSchema,
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
  })
  .strict();
export type StoredProfile = z.infer<typeof storedProfileSchema>;

export const storedAppSchema = appFieldsSchema
  .extend({ id: z.string().min(1).max(64), createdAt: z.string().max(40), updatedAt: z.string().max(40) })
  .strict();
export type StoredApp = z.infer<typeof storedAppSchema>;

export const accountsDataSchema = z
  .object({
    profiles: z.array(storedProfileSchema).max(500),
    apps: z.array(storedAppSchema).max(2000),
  })
  .strict();
export type AccountsData = z.infer<typeof accountsDataSchema>;

export const accountsDocument = {
  file: 'accounts.json',
  version: 1,
  schema: accountsDataSchema,
  empty: (): AccountsData => ({ profiles: [], apps: [] }),
};
