import { type LogRetention, logRetentionSchema } from '../../shared/contract/log';

export const defaultRetention: LogRetention = { maxFiles: 40, maxAgeDays: 90 };

/** The retention setting: a document of the app's database, named after the file it was (imported from it once). */
export const logSettingsDocument = {
  file: 'log/settings.json',
  version: 1,
  schema: logRetentionSchema,
  empty: () => defaultRetention,
};
