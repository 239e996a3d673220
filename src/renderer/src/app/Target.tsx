import { Badge, ColorSwatch, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccountsStore } from '../features/accounts/accounts-store';
import { type Target, targetOf } from '../features/accounts/target';

/** The dark shades: white text on them passes WCAG AA at badge size, in both themes. */
const kindColour = { live: 'red.9', sandbox: 'grape.9', unknown: 'orange.9' } as const;

/** Where a preset, a launch or a task goes, resolved from the accounts overview. */
export function useTarget(where: { sdkAppId: number; profileId?: string | undefined; region?: string | undefined }): Target {
  const overview = useAccountsStore((state) => state.overview);
  return targetOf(overview, where);
}

/** LIVE (Tencent Cloud, billed), SANDBOX or UNKNOWN APP: the same words and colours on every screen. */
export function TargetBadge({ kind, size = 'sm' }: { kind: Target['kind']; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={kindColour[kind]} variant="filled" size={size} data-testid="target-kind" data-kind={kind} style={{ flexShrink: 0 }}>
      {t(`target.kind.${kind}`)}
    </Badge>
  );
}

/** One line: the badge, then account · app (SdkAppId) · site · region, as far as they are known. */
export function TargetLine({ target, size = 'xs' }: { target: Target; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const parts = [
    target.account ? t('target.account', { name: target.account }) : null,
    t('target.app', { name: target.app ?? t('target.unknownApp'), sdkAppId: target.sdkAppId }),
    target.site ? t(`target.site.${target.site}`) : null,
    target.region,
  ].filter((part): part is string => part !== null);
  return (
    <Group gap={6} wrap="wrap" style={{ minWidth: 0 }} data-testid="target" data-kind={target.kind}>
      <TargetBadge kind={target.kind} size={size === 'sm' ? 'md' : 'sm'} />
      {target.colour ? <ColorSwatch color={target.colour} size={10} aria-hidden style={{ flexShrink: 0 }} /> : null}
      <Text size={size} style={{ overflowWrap: 'anywhere' }} data-testid="target-where">
        {parts.join(' · ')}
      </Text>
    </Group>
  );
}
