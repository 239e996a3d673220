import { Badge, ColorSwatch, Group, Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetBadge } from '../../app/Target';
import { useAccountsStore, useSelectedApp, useSelectedAppStore } from './accounts-store';

const noApps: never[] = [];

/** More apps than this and the switcher gets a search box. */
const searchFrom = 6;

/**
 * The header's quick switcher: which TRTC app the other screens work with. It scopes Launch's presets
 * (Launch says so and counts what it leaves out); the status bar describes it.
 */
export function AppSwitcher() {
  const { t } = useTranslation('accounts');
  // Select the array itself (a fresh `[]` per call would re-render forever).
  const apps = useAccountsStore((state) => state.overview?.apps) ?? noApps;
  const load = useAccountsStore((state) => state.load);
  const loaded = useAccountsStore((state) => state.overview !== null);
  const select = useSelectedAppStore((state) => state.select);
  const selected = useSelectedApp();

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  if (apps.length === 0) return null;
  const colours = new Map(apps.map((app) => [app.id, app]));
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={t('switcher.label')}
        placeholder={t('switcher.placeholder')}
        size="xs"
        w={260}
        data={apps.map((app) => ({ value: app.id, label: `${app.label} · ${app.sdkAppId}` }))}
        value={selected?.id ?? null}
        onChange={(value) => value && select(value)}
        allowDeselect={false}
        searchable={apps.length >= searchFrom}
        nothingFoundMessage={t('switcher.nothingFound')}
        leftSection={selected ? <ColorSwatch color={selected.colour} size={12} aria-hidden /> : null}
        renderOption={({ option }) => (
          <Group gap="xs" wrap="nowrap">
            <ColorSwatch color={colours.get(option.value)?.colour ?? '#888'} size={12} aria-hidden />
            <span>{option.label}</span>
            {colours.get(option.value)?.sandbox ? (
              <Badge size="xs" color="grape">
                {t('sandbox.badge')}
              </Badge>
            ) : null}
          </Group>
        )}
        data-testid="app-switcher"
      />
      {selected?.sandbox ? (
        <Badge color="grape.9" data-testid="sandbox-indicator">
          {t('sandbox.badge')}
        </Badge>
      ) : selected ? (
        <span data-testid="live-indicator">
          <TargetBadge kind="live" />
        </span>
      ) : null}
    </Group>
  );
}
