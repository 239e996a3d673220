import type { LogAction, LogOutcome } from '../../shared/contract/log';
import type { CallOutcome, TrtcAction } from '../trtc/api-call-record';

/**
 * The log's contract lists the actions and outcomes the TRTC client's records use. If either side
 * gains or loses one, this stops compiling instead of the log silently refusing lines at start-up.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const actionsMatch: Same<LogAction, TrtcAction> = true;
export const outcomesMatch: Same<LogOutcome, CallOutcome> = true;
