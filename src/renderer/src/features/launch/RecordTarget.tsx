import type { TaskRecord } from '../../../../shared/contract/launch';
import { TargetLine, useTarget } from '../../app/Target';

/** Where a launch went. The record's own sandbox flag wins: it was written when the call left. */
export function RecordTarget({ record }: { record: TaskRecord }) {
  const target = useTarget({ sdkAppId: record.sdkAppId, profileId: record.profileId, region: record.region });
  const kind = record.sandbox === true ? 'sandbox' : record.sandbox === false && target.kind === 'sandbox' ? 'live' : target.kind;
  return <TargetLine target={{ ...target, kind }} />;
}
