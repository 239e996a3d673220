import { type LogRetention, logRetentionSchema } from '../../shared/contract/log';

export const defaultRetention: LogRetention = { maxFiles: 40, maxAgeDays: 90 };

/** The retention setting, a small JsonDocument inside the log folder. */
export const logSettingsDocument = {
  file: 'settings.json',
  version: 1,
  schema: logRetentionSchema,
  empty: () => defaultRetention,
};
