import { AppError } from '../../shared/contract';
import type { LaunchPorts } from './launch-ports';

const notYet = (): never => {
  throw new AppError('UNSUPPORTED', 'Accounts and TRTC apps are not available in this build yet.');
};

/** Until the accounts and media domains are wired in: every launch says why it cannot run. */
export const unwiredLaunchPorts: LaunchPorts = {
  appSite: async () => notYet(),
  connect: async () => notYet(),
  generateUserSig: async () => notYet(),
  generatePrivateMapKey: async () => notYet(),
  mediaUrl: async () => {
    throw new AppError('NOT_FOUND', 'The media library is not available in this build yet.');
  },
};
