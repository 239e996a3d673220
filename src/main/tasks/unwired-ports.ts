import { AppError } from '../../shared/contract';
import type { LaunchItem } from './batch';
import type { IngestClientSource } from './ingest-client';
import type { LaunchRecords } from './launch-records';

const notYet = (what: string) => async (): Promise<never> => {
  throw new AppError('UNSUPPORTED', `${what} is not available in this build yet.`);
};

/** Until the accounts, launch and media domains are wired in: the board is empty and says why a call cannot run. */
export const unwiredTaskPorts: {
  clients: IngestClientSource;
  records: LaunchRecords;
  launchItem: LaunchItem;
  profileOfApp: (sdkAppId: number) => Promise<string>;
  mediaUrl: (entryId: string) => Promise<string>;
} = {
  clients: { forProfile: notYet('Accounts') },
  records: { list: () => [] },
  launchItem: notYet('Launching'),
  profileOfApp: notYet('Accounts'),
  mediaUrl: notYet('The media library'),
};
